package io.layerdive.export;

import com.fasterxml.jackson.core.io.NumberOutput;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * A {@code float64} as Go's {@code encoding/json} writes it: the shortest decimal that reads back
 * as the same double, plain from 1e-6 up to 1e21 ({@code 1}, {@code 0.75}, {@code 0.000001}), with
 * an exponent outside ({@code 1e-7}, {@code 1e+21}).
 *
 * <p>The digits come from Jackson's Schubfach writer, because Java 17's {@link Double#toString} is
 * not always shortest ({@code 1.9999999999999998E23} for 2e23). Schubfach, like Java 19's {@code
 * toString}, never writes fewer than two digits, so a one-digit decimal is tried on top: Go prints
 * {@code 5e-324} where Schubfach says {@code 4.9E-324}.
 */
final class GoJsonFloat {
  private static final double PLAIN_FROM = 1e-6;
  private static final double PLAIN_BELOW = 1e21;
  private static final MathContext ONE_DIGIT = new MathContext(1, RoundingMode.HALF_EVEN);

  private GoJsonFloat() {}

  /**
   * @throws IllegalArgumentException for NaN and infinities, which JSON cannot hold
   */
  static String format(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new IllegalArgumentException("not a JSON number: " + value);
    }
    if (value == 0) {
      return Double.doubleToRawLongBits(value) < 0 ? "-0" : "0";
    }
    BigDecimal shortest = shortestDecimal(value);
    double abs = Math.abs(value);
    if (abs >= PLAIN_FROM && abs < PLAIN_BELOW) {
      return shortest.toPlainString();
    }
    String digits = shortest.unscaledValue().abs().toString();
    int exponent = digits.length() - 1 - shortest.scale();
    StringBuilder sb = new StringBuilder(digits.length() + 8);
    if (value < 0) sb.append('-');
    sb.append(digits.charAt(0));
    if (digits.length() > 1) sb.append('.').append(digits, 1, digits.length());
    // Go writes at least two exponent digits; encoding/json then trims "e-07" to "e-7", not "e+21".
    sb.append('e').append(exponent < 0 ? '-' : '+');
    int magnitude = Math.abs(exponent);
    if (magnitude < 10 && exponent > 0) sb.append('0');
    sb.append(magnitude);
    return sb.toString();
  }

  private static BigDecimal shortestDecimal(double value) {
    BigDecimal decimal = new BigDecimal(NumberOutput.toString(value, true)).stripTrailingZeros();
    if (decimal.precision() == 2) {
      BigDecimal oneDigit = new BigDecimal(value).round(ONE_DIGIT);
      if (oneDigit.doubleValue() == value) return oneDigit.stripTrailingZeros();
    }
    return decimal;
  }
}
