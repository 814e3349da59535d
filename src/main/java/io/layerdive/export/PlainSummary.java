package io.layerdive.export;

import io.layerdive.analysis.ImageAnalysis;
import io.layerdive.analysis.Inefficiency;
import io.layerdive.bytes.GoFloatFormat;
import io.layerdive.bytes.HumanBytes;
import io.layerdive.image.Diagnostic;
import io.layerdive.image.Image;
import io.layerdive.image.Layer;
import java.util.List;
import java.util.Locale;

/**
 * What layerdive prints when stdout is not a terminal and no other output was asked for: the
 * image's figures, its layers and its ten largest inefficiencies, as plain text for a log or a
 * pipe. Where the source knows the layers' compressed sizes (a registry, compressed layers), they
 * stand beside the sizes, and their total, what a pull costs, beside the image's.
 */
public final class PlainSummary {
  private static final int TOP_INEFFICIENCIES = 10;
  private static final int MAX_COMMAND = 100;

  private PlainSummary() {}

  public static String render(Image image, ImageAnalysis analysis, List<Diagnostic> diagnostics) {
    StringBuilder sb = new StringBuilder();
    row(sb, "Image", image.name());
    row(
        sb,
        "Total size",
        bytes(analysis.sizeBytes())
            + " in "
            + image.layers().size()
            + (image.layers().size() == 1 ? " layer" : " layers"));
    boolean anyCompressed = image.layers().stream().anyMatch(l -> l.compressedSizeBytes() >= 0);
    if (image.layers().stream().allMatch(l -> l.compressedSizeBytes() >= 0)) {
      long compressed = image.layers().stream().mapToLong(Layer::compressedSizeBytes).sum();
      row(sb, "Compressed", bytes(compressed) + ": the layers' blobs, what a pull downloads");
    }
    row(sb, "Efficiency", GoFloatFormat.fixed(analysis.efficiency() * 100, 2) + " %");
    row(
        sb,
        "Wasted",
        bytes(analysis.wastedBytes())
            + ": every copy of a path stored more than once, as dive counts");
    row(
        sb,
        "Reclaimable",
        bytes(analysis.reclaimableBytes())
            + ": what the layers store beyond the final file system");
    sb.append('\n');

    sb.append("Layers:\n");
    sb.append(String.format(Locale.ROOT, "  %5s  %8s  ", "Index", "Size"));
    if (anyCompressed) sb.append(String.format(Locale.ROOT, "%10s  ", "Compressed"));
    sb.append("Command\n");
    for (Layer layer : image.layers()) {
      sb.append(
          String.format(
              Locale.ROOT, "  %5d  %8s  ", layer.index(), HumanBytes.format(layer.sizeBytes())));
      if (anyCompressed) {
        long compressed = layer.compressedSizeBytes();
        sb.append(
            String.format(
                Locale.ROOT, "%10s  ", compressed < 0 ? "-" : HumanBytes.format(compressed)));
      }
      sb.append(shorten(layer.shortCommand())).append('\n');
    }
    sb.append('\n');

    List<Inefficiency> top =
        analysis
            .inefficiencies()
            .subList(0, Math.min(TOP_INEFFICIENCIES, analysis.inefficiencies().size()));
    if (top.isEmpty()) {
      sb.append("Inefficient files: (none)\n");
    } else {
      sb.append("Inefficient files");
      if (analysis.inefficiencies().size() > top.size()) {
        sb.append(" (largest ").append(top.size()).append(" of ");
        sb.append(analysis.inefficiencies().size()).append(')');
      }
      sb.append(":\n");
      sb.append(
          String.format(Locale.ROOT, "  %-5s  %-12s  %s\n", "Count", "Wasted Space", "File Path"));
      for (Inefficiency i : top) {
        sb.append(
            String.format(
                Locale.ROOT,
                "  %-5d  %-12s  %s\n",
                i.count(),
                HumanBytes.format(i.cumulativeBytes()),
                i.path()));
      }
    }

    if (!diagnostics.isEmpty()) {
      sb.append('\n').append("Diagnostics:\n");
      for (Diagnostic d : diagnostics) sb.append("  ").append(d).append('\n');
    }
    return sb.toString();
  }

  private static void row(StringBuilder sb, String label, String value) {
    sb.append(String.format(Locale.ROOT, "%-13s%s\n", label + ":", value));
  }

  private static String bytes(long n) {
    return HumanBytes.format(n) + " (" + n + " bytes)";
  }

  private static String shorten(String command) {
    if (command.codePointCount(0, command.length()) <= MAX_COMMAND) return command;
    return command.substring(0, command.offsetByCodePoints(0, MAX_COMMAND - 1)) + "…";
  }
}
