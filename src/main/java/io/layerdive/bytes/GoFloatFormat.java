package io.layerdive.bytes;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Go's {@code fmt} formatting of a {@code float64}, for output that must match dive's character for
 * character.
 *
 * <p>Go rounds the exact binary value half-to-even ({@code %.0f} of 10.5 is "10"), while {@code
 * String.format} rounds half-up from the shortest decimal ("11", and "1.01" for 1.005, whose binary
 * value is below 1.005). Hence {@link BigDecimal}, which sees the exact value.
 */
public final class GoFloatFormat {
  private static final int MAX_SIGNIFICANT_DIGITS = 17;

  private GoFloatFormat() {}

  /** Go's {@code %.Nf}: {@code fixed(0.125, 2)} is "0.12", infinities are "+Inf" / "-Inf". */
  public static String fixed(double value, int decimals) {
    if (decimals < 0) {
      throw new IllegalArgumentException("decimals: must not be negative (" + decimals + ")");
    }
    String special = special(value);
    if (special != null) {
      return special;
    }
    String digits =
        new BigDecimal(value).setScale(decimals, RoundingMode.HALF_EVEN).abs().toPlainString();
    return isNegative(value) ? "-" + digits : digits;
  }

  /**
   * Go's {@code %v}: the shortest decimal that reads back as the same double, in exponent form when
   * the exponent is below -4 or at least 6 ({@code 0.9} → "0.9", {@code 1e-5} → "1e-05", {@code
   * 1e6} → "1e+06").
   */
  public static String shortest(double value) {
    String special = special(value);
    if (special != null) {
      return special;
    }
    String sign = isNegative(value) ? "-" : "";
    if (value == 0) {
      return sign + "0";
    }
    BigDecimal decimal = shortestDecimal(Math.abs(value)).stripTrailingZeros();
    String digits = decimal.unscaledValue().toString();
    int exponent = digits.length() - 1 - decimal.scale();
    if (exponent < -4 || exponent >= 6) {
      String mantissa =
          digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
      String exponentDigits = String.format("%02d", Math.abs(exponent));
      return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + exponentDigits;
    }
    return sign + decimal.toPlainString();
  }

  private static BigDecimal shortestDecimal(double positive) {
    BigDecimal exact = new BigDecimal(positive);
    for (int precision = 1; precision < MAX_SIGNIFICANT_DIGITS; precision++) {
      BigDecimal candidate = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
      if (candidate.doubleValue() == positive) {
        return candidate;
      }
    }
    return exact.round(new MathContext(MAX_SIGNIFICANT_DIGITS, RoundingMode.HALF_EVEN));
  }

  private static String special(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "+Inf" : "-Inf";
    }
    return null;
  }

  private static boolean isNegative(double value) {
    return value < 0 || (value == 0 && 1 / value < 0);
  }
}
