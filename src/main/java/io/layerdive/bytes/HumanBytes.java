package io.layerdive.bytes;

import java.util.Locale;
import java.util.Map;

/**
 * Byte counts for people, as dive shows and reads them: go-humanize v1.0.1's {@code Bytes} (SI,
 * base 1000: "6.4 kB", "1.2 MB") and {@code ParseBytes} ("20MB", "1.5 GiB", "512k").
 */
public final class HumanBytes {
  private static final String[] SI_UNITS = {"B", "kB", "MB", "GB", "TB", "PB", "EB"};
  private static final double BASE = 1000;
  private static final double LOG_BASE = GoLog.log(BASE);

  /** 2^64 as a double: go-humanize parses into a uint64 and rejects anything from here up. */
  private static final double UINT64_LIMIT = 0x1p64;

  private static final long KI = 1L << 10;
  private static final long K = 1000L;

  /** Lower-case unit → multiplier; a bare letter means SI, "i" means IEC, "b" is optional. */
  private static final Map<String, Long> UNITS =
      Map.ofEntries(
          Map.entry("", 1L),
          Map.entry("b", 1L),
          Map.entry("k", K),
          Map.entry("kb", K),
          Map.entry("ki", KI),
          Map.entry("kib", KI),
          Map.entry("m", K * K),
          Map.entry("mb", K * K),
          Map.entry("mi", KI * KI),
          Map.entry("mib", KI * KI),
          Map.entry("g", K * K * K),
          Map.entry("gb", K * K * K),
          Map.entry("gi", KI * KI * KI),
          Map.entry("gib", KI * KI * KI),
          Map.entry("t", K * K * K * K),
          Map.entry("tb", K * K * K * K),
          Map.entry("ti", KI * KI * KI * KI),
          Map.entry("tib", KI * KI * KI * KI),
          Map.entry("p", K * K * K * K * K),
          Map.entry("pb", K * K * K * K * K),
          Map.entry("pi", KI * KI * KI * KI * KI),
          Map.entry("pib", KI * KI * KI * KI * KI),
          Map.entry("e", K * K * K * K * K * K),
          Map.entry("eb", K * K * K * K * K * K),
          Map.entry("ei", KI * KI * KI * KI * KI * KI),
          Map.entry("eib", KI * KI * KI * KI * KI * KI));

  private HumanBytes() {}

  /**
   * go-humanize's {@code Bytes}: below 10 the plain count ("9 B"); otherwise one decimal below 10
   * of the unit ("6.4 kB") and none from 10 on ("13 kB", "1000 kB" for 999,999).
   *
   * <p>The arithmetic is Go's, double for double: unit = floor(log(s) / log(1000)) with Go's
   * logarithm, value = floor(s / 1000^unit * 10 + 0.5) / 10, printed with Go's half-to-even
   * rounding (10,500 is "10 kB").
   */
  public static String format(long bytes) {
    if (bytes < 0) {
      throw new IllegalArgumentException("byte count: must not be negative (" + bytes + ")");
    }
    if (bytes < 10) {
      return bytes + " B";
    }
    double size = (double) bytes;
    double exponent = Math.floor(GoLog.log(size) / LOG_BASE);
    double value = Math.floor(size / Math.pow(BASE, exponent) * 10 + 0.5) / 10;
    String number = value < 10 ? GoFloatFormat.fixed(value, 1) : GoFloatFormat.fixed(value, 0);
    return number + " " + SI_UNITS[(int) exponent];
  }

  /**
   * go-humanize's {@code ParseBytes}: a number (digits, '.', and ',' as a thousands separator)
   * followed by an optional unit, case-insensitive, spaces allowed before the unit. {@code kB},
   * {@code MB}, … and bare {@code k}, {@code M}, … are powers of 1000; {@code KiB}, {@code Ki}, …
   * are powers of 1024; so "20Mb" is 20,000,000. Fractions are cut off after scaling ("1.5 kB" is
   * 1500, "0.0015 kB" is 1).
   *
   * <p>Go returns a uint64; sizes from 2^63 to 2^64 (beyond 9.2 EB) come back as {@link
   * Long#MAX_VALUE}, which no real byte count reaches anyway.
   *
   * @throws IllegalArgumentException quoting the input, when it is not such a size
   */
  public static long parse(String text) {
    int end = 0;
    boolean hasComma = false;
    while (end < text.length() && isNumberChar(text.charAt(end))) {
      hasComma |= text.charAt(end) == ',';
      end++;
    }
    String number = text.substring(0, end);
    if (hasComma) {
      number = number.replace(",", "");
    }
    double value = parseNumber(text, number);
    String unit = goTrimSpace(text.substring(end)).toLowerCase(Locale.ROOT);
    Long multiplier = UNITS.get(unit);
    if (multiplier == null) {
      throw new IllegalArgumentException(
          "size \""
              + text
              + "\": unknown unit \""
              + unit
              + "\" (use B, kB, MB, GB, TB, PB, EB, their IEC forms KiB, MiB, GiB, …, or none)");
    }
    double bytes = value * multiplier;
    if (bytes >= UINT64_LIMIT) {
      throw new IllegalArgumentException(
          "size \"" + text + "\": too large (the limit is 2^64 bytes)");
    }
    return (long) bytes; // truncates like Go's uint64(f), and saturates at Long.MAX_VALUE
  }

  private static double parseNumber(String text, String number) {
    // Go's ParseFloat takes what we collected ("5", "5.", ".5") and rejects "", "." and "1.2.3".
    boolean hasDigit = number.chars().anyMatch(c -> c >= '0' && c <= '9');
    boolean oneDotAtMost = number.indexOf('.') == number.lastIndexOf('.');
    if (!hasDigit || !oneDotAtMost) {
      throw new IllegalArgumentException(
          "size \""
              + text
              + "\": does not start with a number (write e.g. 20MB, 1.5 GB or 512KiB)");
    }
    double value = Double.parseDouble(number);
    if (Double.isInfinite(value)) {
      throw new IllegalArgumentException("size \"" + text + "\": number out of range");
    }
    return value;
  }

  private static boolean isNumberChar(char c) {
    return (c >= '0' && c <= '9') || c == '.' || c == ',';
  }

  /** Go's strings.TrimSpace: Unicode White_Space, which differs from Java's isWhitespace. */
  private static String goTrimSpace(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isGoSpace(s.charAt(start))) {
      start++;
    }
    while (end > start && isGoSpace(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(start, end);
  }

  private static boolean isGoSpace(char c) {
    switch (c) {
      case '\t',
          '\n',
          '\u000B',
          '\f',
          '\r',
          ' ',
          '\u0085',
          '\u00A0',
          '\u1680',
          '\u2028',
          '\u2029',
          '\u202F',
          '\u205F',
          '\u3000' -> {
        return true;
      }
      default -> {
        return c >= '\u2000' && c <= '\u200A';
      }
    }
  }
}
