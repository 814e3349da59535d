/**
 * Images saved by {@code docker save} or {@code podman save} and tarballs written by kaniko, in
 * every layout those tools use: read from a file (indexed, layers in parallel) or from a stream in
 * one pass (a daemon's export). Imports {@code source}, {@code image}, and {@code source.extract}
 * to read a layer of a file again.
 */
package io.layerdive.source.archive;
