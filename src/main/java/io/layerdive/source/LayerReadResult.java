package io.layerdive.source;

import io.layerdive.image.Diagnostic;
import io.layerdive.image.Digest;
import java.util.List;

/**
 * What reading one layer blob gave.
 *
 * @param contents what the receiver built from the layer's changes
 * @param diffId SHA-256 of the uncompressed tar stream, everything after the end-of-archive marker
 *     included
 * @param blobDigest SHA-256 of the blob as stored (equal to {@code diffId} when uncompressed)
 * @param compression how the blob was stored, as its first bytes told
 * @param sizeBytes Σ of the sizes the entry headers announce: dive's layer size
 * @param blobBytes size of the blob as stored
 * @param tarBytes size of the uncompressed tar stream
 * @param entryCount tar entries read, extension headers not counted
 * @param diagnostics oddities met, in order
 */
public record LayerReadResult<T>(
    T contents,
    Digest diffId,
    Digest blobDigest,
    Compression compression,
    long sizeBytes,
    long blobBytes,
    long tarBytes,
    int entryCount,
    List<Diagnostic> diagnostics) {
  public LayerReadResult {
    diagnostics = List.copyOf(diagnostics);
  }
}
