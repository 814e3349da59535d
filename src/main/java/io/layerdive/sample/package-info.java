/**
 * Deterministic container-image archives written from a small description: the images behind the
 * tests of every other package, the embedded {@code --demo} image and the benchmark images.
 *
 * <p>{@link io.layerdive.sample.SampleImage} describes an image, {@link
 * io.layerdive.sample.ArchiveWriter} writes it in any of the archive {@link
 * io.layerdive.sample.Layout}s that occur in the wild. File contents are never stored: they are
 * generated from a seed while streaming, so a gigabyte image costs no memory. Nothing here reads
 * archives.
 *
 * <pre>{@code
 * SampleImage image = SampleImage.of("app:1",
 *     SampleLayer.add("file:base in /", file("bin/busybox", 800_000, 1).executable()),
 *     SampleLayer.run("npm ci", file("app/node_modules/x.js", 4096, 2), whiteout("var/cache/apk")));
 * WrittenImage written = ArchiveWriter.of(Layout.DOCKER_LEGACY).write(image, out);
 * byte[] ociTar = ArchiveWriter.of(Layout.OCI_LAYOUT).compression(Compression.ZSTD).toBytes(image);
 * }</pre>
 *
 * <p>May import {@code io.layerdive.image}, commons-compress, aircompressor and Jackson.
 */
package io.layerdive.sample;
