package io.layerdive.source.daemon;

import java.util.Locale;

/** Byte counts as progress lines show them: decimal units, as the docker CLI prints them. */
final class ByteCounts {
  private static final String[] UNITS = {"B", "kB", "MB", "GB", "TB"};

  private ByteCounts() {}

  static String human(long bytes) {
    if (bytes < 1000) {
      return bytes + " B";
    }
    double value = bytes;
    int unit = 0;
    while (value >= 1000 && unit < UNITS.length - 1) {
      value /= 1000;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
  }
}
