/**
 * Reading an image straight from a registry over the Registry HTTP API v2 (the OCI distribution
 * spec), without a Docker daemon: manifest and index negotiation with platform choice, Basic and
 * Bearer authentication with the credentials of the Docker config and its credential helpers, TLS
 * with extra CAs, and layer blobs streamed through a digest check into the layer reader several at
 * a time. Imports {@code source}, {@code image}, {@code bytes} (sizes in progress lines), {@code
 * source.extract} (a blob downloaded again, uncompressed), Jackson and the JDK's {@code
 * java.net.http}.
 *
 * <p>Layer ids: a registry image has no archive directory names, so a layer's id is the hex of its
 * blob digest (the compressed layer as stored), the name under which the registry serves it.
 */
package io.layerdive.source.registry;
