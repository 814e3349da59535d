package io.layerdive.ui;

import io.layerdive.image.LayerChange;
import io.layerdive.testing.Layers;
import io.layerdive.tree.LayerStack;
import java.util.ArrayList;
import java.util.List;

/** A synthetic image with many files, spread over directories of 100. */
final class BigImage {
  private BigImage() {}

  static LayerStack stack(int files) {
    List<LayerChange> base = new ArrayList<>(files + files / 100 + 1);
    for (int d = 0; d * 100 < files; d++) base.add(Layers.dir("d" + d));
    for (int i = 0; i < files; i++) base.add(Layers.file("d" + (i / 100) + "/f" + i, i % 5000));
    return new LayerStack(Layers.files(base));
  }
}
