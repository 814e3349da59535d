package io.layerdive.ui;

import java.util.Locale;

/**
 * Byte counts as dive shows them (go-humanize's SI {@code Bytes}: "0 B", "6.4 kB", "1.2 MB").
 * Stands in for the shared bytes package until it is available on this branch.
 */
final class SizeText {
  private static final String[] UNITS = {"B", "kB", "MB", "GB", "TB", "PB", "EB"};

  private SizeText() {}

  static String of(long bytes) {
    if (bytes < 10) return bytes + " B";
    int unit = 0;
    double scale = 1;
    while (unit + 1 < UNITS.length && bytes / scale >= 1000) {
      scale *= 1000;
      unit++;
    }
    double value = Math.floor(bytes / scale * 10 + 0.5) / 10;
    String pattern = value < 10 ? "%.1f %s" : "%.0f %s";
    return String.format(Locale.ROOT, pattern, value, UNITS[unit]);
  }
}
