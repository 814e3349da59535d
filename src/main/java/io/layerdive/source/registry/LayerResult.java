package io.layerdive.source.registry;

import io.layerdive.image.Diagnostic;
import io.layerdive.image.Digest;
import java.util.List;

/**
 * What reading one layer tar gave.
 *
 * @param contents what the receiver's builder made of it
 * @param diffId SHA-256 of the uncompressed tar
 * @param sizeBytes sum of the entry sizes, as dive counts a layer's size
 * @param diagnostics oddities met in the tar, in order
 */
public record LayerResult<T>(
    T contents, Digest diffId, long sizeBytes, List<Diagnostic> diagnostics) {
  public LayerResult {
    diagnostics = List.copyOf(diagnostics);
  }
}
