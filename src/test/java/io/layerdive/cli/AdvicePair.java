package io.layerdive.cli;

import io.layerdive.analysis.Advice;
import io.layerdive.analysis.AdviceKind;
import io.layerdive.analysis.AdviceReport;
import io.layerdive.analysis.Advisor;
import io.layerdive.analysis.ImageDiff;
import io.layerdive.analysis.ImageDiffer;
import io.layerdive.tree.ImageFiles;
import io.layerdive.tree.StackWalk;
import io.layerdive.ui.AnalyzedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An image before and after the change its advice recommends, both read through the same pipeline
 * as the command line: what the advice predicted, and what the change really saved.
 */
record AdvicePair(AnalyzedImage before, AnalyzedImage after) {

  /** Reads both images as {@code layerdive BEFORE} and {@code layerdive AFTER} would. */
  static AdvicePair load(String beforeSpec, String afterSpec) throws Exception {
    CliEnvironment env =
        new CliEnvironment(
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            Map.of(),
            false,
            Path.of("").toAbsolutePath());
    Sources sources = Sources.forEnvironment(env);
    return new AdvicePair(load(sources, beforeSpec), load(sources, afterSpec));
  }

  private static AnalyzedImage load(Sources sources, String spec) throws Exception {
    ImageRequest request =
        new ImageRequest(
            Optional.of(spec),
            Optional.empty(),
            Optional.empty(),
            false,
            true,
            List.of(),
            Optional.empty(),
            true);
    return new ImagePipeline(sources.open(request), false).load(ImagePipeline.SILENT);
  }

  AdviceReport beforeAdvice() {
    return Advisor.advise(before.image(), before.stack().files());
  }

  AdviceReport afterAdvice() {
    return Advisor.advise(after.image(), after.stack().files());
  }

  /** What the change saved: the image sizes (Σ layer sizes, as everywhere in layerdive) apart. */
  long actualSaving() {
    return before.image().sizeBytes() - after.image().sizeBytes();
  }

  ImageDiff diff() {
    return ImageDiffer.diff(
        before.image(), before.stack().files(), after.image(), after.stack().files());
  }

  /** Σ of the savings {@code report} predicts for {@code kind}. */
  static long saved(AdviceReport report, AdviceKind kind) {
    return items(report, kind).stream().mapToLong(Advice::bytesSaved).sum();
  }

  static List<Advice> items(AdviceReport report, AdviceKind kind) {
    return report.items().stream().filter(a -> a.kind() == kind).toList();
  }

  /** The size of the file at {@code path} in the image's final file system, 0 when absent. */
  static long fileBytes(AnalyzedImage image, String path) {
    ImageFiles files = image.stack().files();
    StackWalk walk = new StackWalk(files);
    for (int i = 0; i < files.layerCount(); i++) walk.stackNext();
    int node = files.trie().find(path);
    if (node < 0 || !walk.isPresent(node) || walk.entryLayer(node) < 0) return 0;
    return files.layer(walk.entryLayer(node)).size(walk.entryIndex(node));
  }

  /** The command of the layer an item names first: the one the user is told to change. */
  static String firstCommand(AnalyzedImage image, Advice item) {
    return image.image().layers().get(item.layers().get(0)).createdBy();
  }
}
