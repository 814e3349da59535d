package io.layerdive.image;

import java.util.List;

/**
 * An image as a source read it.
 *
 * @param name what the user asked for (a path, a reference)
 * @param diagnostics oddities met while reading, in the order met
 */
public record Image(
    String name, ImageConfig config, List<Layer> layers, List<Diagnostic> diagnostics) {
  public Image {
    layers = List.copyOf(layers);
    diagnostics = List.copyOf(diagnostics);
  }

  /** Σ layer sizes: dive's "Total Image size". */
  public long sizeBytes() {
    long sum = 0;
    for (Layer layer : layers) sum += layer.sizeBytes();
    return sum;
  }

  /** Σ sizes of every layer but the first: dive's "user size". */
  public long userSizeBytes() {
    return layers.isEmpty() ? 0 : sizeBytes() - layers.get(0).sizeBytes();
  }
}
