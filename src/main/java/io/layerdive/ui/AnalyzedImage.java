package io.layerdive.ui;

import io.layerdive.analysis.ImageAnalysis;
import io.layerdive.image.Diagnostic;
import io.layerdive.image.Image;
import io.layerdive.tree.LayerStack;
import java.util.List;

/**
 * Everything the explorer shows of one image: its layers, its trees and its figures.
 *
 * @param diagnostics oddities from reading and stacking, in the order found
 * @param contents the way back to the layers' contents, for viewing and extracting files
 */
public record AnalyzedImage(
    Image image,
    LayerStack stack,
    ImageAnalysis analysis,
    List<Diagnostic> diagnostics,
    LayerContents contents) {
  static final String NO_CONTENTS = "the layers' contents cannot be read again here";

  public AnalyzedImage {
    diagnostics = List.copyOf(diagnostics);
  }

  /** An image whose layers cannot be read again (tests, benchmarks). */
  public AnalyzedImage(
      Image image, LayerStack stack, ImageAnalysis analysis, List<Diagnostic> diagnostics) {
    this(image, stack, analysis, diagnostics, LayerContents.unavailable(NO_CONTENTS));
  }
}
