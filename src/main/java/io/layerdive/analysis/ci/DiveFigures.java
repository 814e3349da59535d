package io.layerdive.analysis.ci;

import io.layerdive.analysis.ImageAnalysis;
import io.layerdive.bytes.GoFloatFormat;
import io.layerdive.bytes.HumanBytes;

/** The three figures of dive's "Analysis:" block, formatted as dive formats them. */
final class DiveFigures {
  private DiveFigures() {}

  /** "98.44 %". */
  static String efficiency(ImageAnalysis analysis) {
    return GoFloatFormat.fixed(analysis.efficiency() * 100, 2) + " %";
  }

  /** "32025 bytes (32 kB)", or "0 bytes " (trailing space included) when nothing is wasted. */
  static String wastedBytes(ImageAnalysis analysis) {
    long wasted = analysis.wastedBytes();
    return wasted + " bytes " + (wasted > 0 ? "(" + HumanBytes.format(wasted) + ")" : "");
  }

  /** "48.35 %", or "0 %" when nothing is wasted. */
  static String userWastedPercent(ImageAnalysis analysis) {
    return analysis.wastedBytes() > 0
        ? GoFloatFormat.fixed(analysis.userWastedRatio() * 100, 2) + " %"
        : "0 %";
  }
}
