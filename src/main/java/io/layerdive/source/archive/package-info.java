/**
 * Images saved by {@code docker save} or {@code podman save} and tarballs written by kaniko, in
 * every layout those tools use: read from a file (indexed, layers in parallel) or from a stream in
 * one pass (a daemon's export). Imports {@code source} and {@code image}.
 */
package io.layerdive.source.archive;
