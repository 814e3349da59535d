package io.layerdive.analysis;

import io.layerdive.image.Layer;
import java.util.Optional;

/** The layers at one position of two images, side by side; {@code shared} when the same blob. */
public record LayerPair(int index, Optional<Layer> before, Optional<Layer> after) {
  public boolean shared() {
    return before.isPresent()
        && after.isPresent()
        && before.get().diffId().equals(after.get().diffId());
  }
}
