package io.layerdive.export;

import io.layerdive.analysis.Advice;
import io.layerdive.analysis.AdviceReport;
import io.layerdive.analysis.Advisor;
import io.layerdive.analysis.ImageAnalysis;
import io.layerdive.analysis.Inefficiency;
import io.layerdive.analysis.LayerMerge;
import io.layerdive.image.Diagnostic;
import io.layerdive.image.Image;
import io.layerdive.image.Layer;
import io.layerdive.tree.ImageFiles;
import java.util.ArrayList;
import java.util.List;

/** Builds the JSON reports of an analysed image. */
public final class JsonReports {
  private static final String SHELL_PREFIX = "/bin/sh -c ";

  private JsonReports() {}

  /** dive's two keys, then our versioned {@code analysis}; the advice is computed here. */
  public static JsonReport full(
      Image image, ImageFiles files, ImageAnalysis analysis, List<Diagnostic> diagnostics) {
    return full(image, files, analysis, diagnostics, Advisor.advise(image, files));
  }

  /** dive's two keys, then our versioned {@code analysis}, with advice already computed. */
  public static JsonReport full(
      Image image,
      ImageFiles files,
      ImageAnalysis analysis,
      List<Diagnostic> diagnostics,
      AdviceReport advice) {
    return new JsonReport(
        layers(image, files),
        imageFigures(analysis),
        JsonReport.SCHEMA_VERSION,
        analysisSection(image, files, analysis, diagnostics, advice));
  }

  /** The advice as exported under {@code analysis.advice}. */
  public static JsonReport.AdviceSection advice(AdviceReport report) {
    List<JsonReport.AdviceItem> items = new ArrayList<>(report.items().size());
    for (Advice a : report.items()) {
      items.add(
          new JsonReport.AdviceItem(
              a.kind().name(),
              a.problem(),
              a.change(),
              a.bytesSaved(),
              a.exact(),
              a.layers(),
              a.files(),
              a.examples()));
    }
    List<JsonReport.LayerMergeEntry> merges = new ArrayList<>(report.merges().size());
    for (LayerMerge m : report.merges()) {
      merges.add(
          new JsonReport.LayerMergeEntry(
              m.from(), m.to(), m.currentBytes(), m.mergedBytes(), m.savedBytes()));
    }
    return new JsonReport.AdviceSection(report.totalBytesSaved(), items, merges);
  }

  /** Only what dive exports, for consumers that refuse unknown keys. */
  public static DiveReport dive(Image image, ImageFiles files, ImageAnalysis analysis) {
    return new DiveReport(layers(image, files), imageFigures(analysis));
  }

  private static List<DiveReport.Layer> layers(Image image, ImageFiles files) {
    checkSameLayers(image, files);
    List<DiveReport.Layer> out = new ArrayList<>(image.layers().size());
    for (Layer layer : image.layers()) {
      out.add(
          new DiveReport.Layer(
              layer.index(),
              layer.id(),
              layer.diffId().toString(),
              layer.sizeBytes(),
              command(layer.createdBy()),
              new FileListView(files.layer(layer.index()), files.trie())));
    }
    return out;
  }

  /** dive exports the history command with the shell prefix trimmed and its newlines kept. */
  private static String command(String createdBy) {
    if (createdBy == null) return "";
    return createdBy.startsWith(SHELL_PREFIX)
        ? createdBy.substring(SHELL_PREFIX.length())
        : createdBy;
  }

  private static DiveReport.Image imageFigures(ImageAnalysis analysis) {
    List<DiveReport.FileReference> refs = new ArrayList<>(analysis.inefficiencies().size());
    for (Inefficiency i : analysis.inefficiencies()) {
      refs.add(new DiveReport.FileReference(i.count(), i.cumulativeBytes(), i.path()));
    }
    return new DiveReport.Image(
        analysis.sizeBytes(), analysis.wastedBytes(), analysis.efficiency(), refs);
  }

  private static JsonReport.Analysis analysisSection(
      Image image,
      ImageFiles files,
      ImageAnalysis analysis,
      List<Diagnostic> diagnostics,
      AdviceReport advice) {
    List<JsonReport.LayerFacts> layers = new ArrayList<>(image.layers().size());
    for (Layer layer : image.layers()) {
      layers.add(
          new JsonReport.LayerFacts(
              layer.index(),
              layer.diffId().toString(),
              layer.blobDigest().map(Object::toString).orElse(null),
              layer.compressedSizeBytes() < 0 ? null : layer.compressedSizeBytes(),
              files.layer(layer.index()).nodeCount()));
    }
    List<JsonReport.DiagnosticEntry> entries = new ArrayList<>(diagnostics.size());
    for (Diagnostic d : diagnostics) {
      entries.add(new JsonReport.DiagnosticEntry(d.subject(), d.message()));
    }
    double ratio = analysis.userWastedRatio();
    return new JsonReport.Analysis(
        image.name(),
        analysis.userSizeBytes(),
        Double.isFinite(ratio) ? ratio : null,
        analysis.reclaimableBytes(),
        analysis.fileCount(),
        layers,
        entries,
        advice(advice));
  }

  private static void checkSameLayers(Image image, ImageFiles files) {
    if (image.layers().size() != files.layerCount()) {
      throw new IllegalArgumentException(
          image.name()
              + ": "
              + image.layers().size()
              + " layers but file trees for "
              + files.layerCount());
    }
  }
}
