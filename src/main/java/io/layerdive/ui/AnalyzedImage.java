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
 */
public record AnalyzedImage(
    Image image, LayerStack stack, ImageAnalysis analysis, List<Diagnostic> diagnostics) {
  public AnalyzedImage {
    diagnostics = List.copyOf(diagnostics);
  }
}
