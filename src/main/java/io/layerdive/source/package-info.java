/**
 * Getting an image: the {@link io.layerdive.source.ImageSource} port, source specifications ({@link
 * io.layerdive.source.SourceSpec}, {@link io.layerdive.source.ImageReference} with Docker's
 * normalisation, {@link io.layerdive.source.Platform}), registry credentials found as the docker
 * CLI finds them ({@link io.layerdive.source.DockerCredentials}), the streaming layer-tar
 * reader ({@link io.layerdive.source.LayerTarReader}, on a tar parser of its own with Go's
 * semantics), the files of archives and layouts ({@link io.layerdive.source.ArchiveFiles}, {@link
 * io.layerdive.source.TarStream}), parallel blob reading and image assembly shared by the sources
 * (with where the base image ends, {@link io.layerdive.source.BaseImageLayers}), and the JSON wire
 * records of manifests, indexes and configs ({@code *Json}).
 *
 * <p>Imports {@code image} and {@code hash}, aircompressor (zstd) and Jackson; the sub-packages
 * each add one way of getting an image.
 */
package io.layerdive.source;
