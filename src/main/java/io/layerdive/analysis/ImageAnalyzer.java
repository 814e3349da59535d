package io.layerdive.analysis;

import io.layerdive.image.Image;
import io.layerdive.tree.ImageFiles;

/** Computes an image's figures from its files. */
public final class ImageAnalyzer {
  private ImageAnalyzer() {}

  public static ImageAnalysis analyze(Image image, ImageFiles files) {
    Efficiency.Result eff = Efficiency.compute(files);
    long wasted = 0;
    for (Inefficiency i : eff.inefficiencies()) wasted += i.cumulativeBytes();
    long fileCount = 0;
    for (int i = 0; i < files.layerCount(); i++) fileCount += files.layer(i).nodeCount();
    long size = image.sizeBytes();
    return new ImageAnalysis(
        size,
        image.userSizeBytes(),
        eff.score(),
        wasted,
        eff.inefficiencies(),
        Math.max(0, size - eff.finalFileSystemBytes()),
        fileCount);
  }
}
