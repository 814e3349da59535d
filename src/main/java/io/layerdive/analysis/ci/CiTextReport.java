package io.layerdive.analysis.ci;

import io.layerdive.analysis.ImageAnalysis;
import io.layerdive.analysis.Inefficiency;
import io.layerdive.bytes.HumanBytes;
import java.util.ArrayList;
import java.util.List;

/**
 * dive's CI report, character for character (without colours):
 *
 * <pre>
 * Analysis:
 *   efficiency:        98.44 %
 *   wastedBytes:       32025 bytes (32 kB)
 *   userWastedPercent: 48.35 %
 *
 * Inefficient Files:
 *   Count  Wasted Space  File Path
 *   2      13 kB         /root/saved.txt
 *
 * Evaluation:
 *   PASS  lowestEfficiency (0.9)
 *
 * PASS [pass:1]
 * </pre>
 *
 * Every inefficient file is listed, largest first; the text ends with a newline.
 */
public final class CiTextReport {
  private static final int LABEL_WIDTH = 18;

  private CiTextReport() {}

  public static String render(ImageAnalysis analysis, CiVerdict verdict) {
    return String.join(
            "\n\n", analysisSection(analysis), filesSection(analysis), evaluationSection(verdict))
        + "\n";
  }

  private static String analysisSection(ImageAnalysis analysis) {
    return "Analysis:\n"
        + row("efficiency", DiveFigures.efficiency(analysis))
        + "\n"
        + row("wastedBytes", DiveFigures.wastedBytes(analysis))
        + "\n"
        + row("userWastedPercent", DiveFigures.userWastedPercent(analysis));
  }

  private static String row(String label, String value) {
    return "  " + padRight(label + ":", LABEL_WIDTH) + " " + value;
  }

  private static String filesSection(ImageAnalysis analysis) {
    if (analysis.inefficiencies().isEmpty()) {
      return "Inefficient Files: (None)";
    }
    List<String> lines = new ArrayList<>();
    lines.add("Inefficient Files:");
    lines.add(fileRow("Count", "Wasted Space", "File Path"));
    for (Inefficiency file : analysis.inefficiencies()) {
      lines.add(
          fileRow(
              Integer.toString(file.count()),
              HumanBytes.format(file.cumulativeBytes()),
              file.path()));
    }
    return String.join("\n", lines);
  }

  private static String fileRow(String count, String size, String path) {
    return "  " + padRight(count, 5) + "  " + padRight(size, 12) + "  " + path;
  }

  private static String evaluationSection(CiVerdict verdict) {
    List<String> lines = new ArrayList<>();
    lines.add("Evaluation:");
    for (RuleResult result : verdict.results()) {
      String text =
          result.message().isEmpty()
              ? result.rule()
              : result.rule() + " (" + result.message() + ")";
      lines.add("  " + result.status().name() + "  " + text);
    }
    return String.join("\n", lines) + "\n\n" + summary(verdict);
  }

  /** "PASS [pass:3]" or "FAIL [pass:1 fail:1 skip:1]": only the non-zero counts. */
  static String summary(CiVerdict verdict) {
    List<String> counts = new ArrayList<>();
    addCount(counts, "pass", verdict.passCount());
    addCount(counts, "fail", verdict.failCount());
    addCount(counts, "skip", verdict.skipCount());
    return (verdict.passed() ? "PASS" : "FAIL") + " [" + String.join(" ", counts) + "]";
  }

  private static void addCount(List<String> counts, String name, int count) {
    if (count > 0) {
      counts.add(name + ":" + count);
    }
  }

  /** Pads by code points, as Go's fmt pads by runes. */
  private static String padRight(String text, int width) {
    int length = text.codePointCount(0, text.length());
    return length >= width ? text : text + " ".repeat(width - length);
  }
}
