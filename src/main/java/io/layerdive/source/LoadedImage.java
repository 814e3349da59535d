package io.layerdive.source;

import io.layerdive.image.Image;
import java.util.List;

/**
 * An image and the contents of its layers, in layer order. A layer whose blob the manifest lists
 * twice shares one contents object.
 */
public record LoadedImage<T>(Image image, List<T> layerContents) {
  public LoadedImage {
    layerContents = List.copyOf(layerContents);
    if (layerContents.size() != image.layers().size()) {
      throw new IllegalArgumentException(
          image.layers().size() + " layers but " + layerContents.size() + " contents");
    }
  }
}
