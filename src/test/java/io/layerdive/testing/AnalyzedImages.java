package io.layerdive.testing;

import io.layerdive.analysis.ImageAnalysis;
import io.layerdive.analysis.ImageAnalyzer;
import io.layerdive.image.Diagnostic;
import io.layerdive.image.Digest;
import io.layerdive.image.Image;
import io.layerdive.image.ImageConfig;
import io.layerdive.image.Layer;
import io.layerdive.image.LayerChange;
import io.layerdive.tree.ImageFiles;
import io.layerdive.tree.LayerStack;
import io.layerdive.ui.AnalyzedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Analysed images made from layer changes written out in a test, with deterministic ids, digests
 * and commands, ready for the explorer.
 */
public final class AnalyzedImages {
  private AnalyzedImages() {}

  /** One layer of a test image: its command and its changes. */
  public record Step(String command, List<LayerChange> changes) {}

  public static Step step(String command, LayerChange... changes) {
    return new Step(command, List.of(changes));
  }

  public static AnalyzedImage of(String name, List<String> tags, Step... steps) {
    @SuppressWarnings("unchecked")
    List<LayerChange>[] changes = new List[steps.length];
    for (int i = 0; i < steps.length; i++) changes[i] = steps[i].changes();
    ImageFiles files = Layers.files(changes);
    List<Layer> layers = new ArrayList<>();
    for (int i = 0; i < steps.length; i++) {
      String hex = hex(i);
      layers.add(
          new Layer(
              i,
              hex.substring(0, 64),
              new Digest("sha256", hex(i + 100)),
              Optional.empty(),
              steps[i].command(),
              files.layer(i).totalSize(),
              -1));
    }
    Image image = new Image(name, new ImageConfig("linux", "amd64", tags), layers, List.of());
    LayerStack stack = new LayerStack(files);
    ImageAnalysis analysis = ImageAnalyzer.analyze(image, files);
    List<Diagnostic> diagnostics = new ArrayList<>(stack.diagnostics());
    return new AnalyzedImage(image, stack, analysis, diagnostics);
  }

  /** 64 hex digits that differ per seed. */
  private static String hex(int seed) {
    StringBuilder sb = new StringBuilder();
    long x = 0x9E3779B97F4A7C15L * (seed + 1);
    while (sb.length() < 64) {
      x ^= x << 13;
      x ^= x >>> 7;
      x ^= x << 17;
      sb.append(String.format("%016x", x));
    }
    return sb.substring(0, 64);
  }
}
