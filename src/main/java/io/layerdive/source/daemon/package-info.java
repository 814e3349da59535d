/**
 * Images held by a Docker daemon or a Podman service: finding the daemon the way the docker CLI
 * does, inspecting the image and its history so the layer list shows before any bytes move, pulling
 * it when absent, streaming its export into the archive reader, and building images. The only
 * package that imports docker-java; imports {@code source}, {@code image}, {@code bytes} (sizes in
 * progress lines) and {@code source.extract} (a layer picked from a new export) besides, Jackson
 * (the Docker CLI's config and contexts, the daemon's error bodies) and commons-compress (the build
 * context is sent as a tar).
 *
 * <p>Why the export is streamed: the daemon's save format is the archive format, and one pass over
 * it gives everything (a layer's diff id is the digest of its uncompressed tar), so nothing is ever
 * written to disk.
 */
package io.layerdive.source.daemon;
