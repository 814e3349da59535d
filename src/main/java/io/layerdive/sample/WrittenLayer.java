package io.layerdive.sample;

import io.layerdive.image.Digest;

/**
 * What the writer put in an archive for one layer tar, for tests to compare a reader against.
 *
 * @param index position among the image's layer tars, base first (history-only steps skipped)
 * @param diffId SHA-256 of the uncompressed layer tar, as the config lists it
 * @param tarSize bytes of the uncompressed layer tar
 * @param blobDigest SHA-256 of the layer as stored (equal to {@code diffId} when uncompressed)
 * @param blobSize bytes of the layer as stored
 * @param archivePath where the layer is inside the archive, as {@code manifest.json} or the OCI
 *     manifest points to it: {@code <v1id>/layer.tar}, {@code blobs/sha256/<hex>}, {@code
 *     <hex>.tar}, {@code <hex>.tar.gz}
 * @param contentSize the sum of the entry sizes: what dive reports as the layer size
 */
public record WrittenLayer(
    int index,
    SampleLayer layer,
    Digest diffId,
    long tarSize,
    Digest blobDigest,
    long blobSize,
    Compression compression,
    String archivePath,
    long contentSize) {}
