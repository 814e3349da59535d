package io.layerdive.analysis;

import java.util.Locale;

/** Sizes in advice texts: SI units with one decimal, as the rest of the program shows them. */
final class Sizes {
  private Sizes() {}

  static String human(long bytes) {
    if (bytes < 1000) return bytes + " B";
    String[] units = {"kB", "MB", "GB", "TB", "PB", "EB"};
    double value = bytes;
    int u = -1;
    while (value >= 999.95 && u < units.length - 1) {
      value /= 1000;
      u++;
    }
    return String.format(Locale.ROOT, value < 10 ? "%.1f %s" : "%.0f %s", value, units[u]);
  }
}
