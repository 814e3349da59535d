package io.layerdive.analysis.ci;

import io.layerdive.bytes.HumanBytes;
import java.util.Locale;
import java.util.regex.Pattern;

/** Reading a rule's configured value the way dive does. */
final class Thresholds {
  /** Decimal numbers as Go's ParseFloat reads them (hex floats and underscores left out). */
  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

  private Thresholds() {}

  /** dive's "disabled", "off", "false" or empty, in any case and with spaces around. */
  static boolean isDisabled(String value) {
    String v = value.strip().toLowerCase(Locale.ROOT);
    return v.isEmpty() || v.equals("disabled") || v.equals("off") || v.equals("false");
  }

  /** A ratio between 0 and 1 inclusive. */
  static double ratio(String rule, String value) {
    if (!DECIMAL.matcher(value).matches()) {
      throw new CiConfigException(
          rule
              + ": \""
              + value
              + "\" is not a number (give a ratio between 0 and 1 such as 0.9, or \"disabled\")");
    }
    double ratio = Double.parseDouble(value);
    if (ratio < 0 || ratio > 1) {
      throw new CiConfigException(
          rule
              + ": \""
              + value
              + "\" is outside the allowed range 0..1 (a ratio: 0.9 means 90 %; or \"disabled\")");
    }
    return ratio;
  }

  /** A byte size such as 20MB or 1.5GiB. */
  static long size(String rule, String value) {
    try {
      return HumanBytes.parse(value);
    } catch (IllegalArgumentException e) {
      throw new CiConfigException(rule + ": " + e.getMessage() + ", or \"disabled\"", e);
    }
  }
}
