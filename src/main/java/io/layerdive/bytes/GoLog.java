package io.layerdive.bytes;

/**
 * The natural logarithm as Go's {@code math.Log} computes it on amd64.
 *
 * <p>go-humanize picks the unit with {@code floor(log(s) / log(1000))}; near powers of 1000 an
 * answer one ulp away from Go's flips the unit ("1.0 PB" against "1000 TB"), so the JDK's {@code
 * Math.log} will not do. This is the classic reduction {@code x = 2^k * (1 + f)} with the
 * polynomial in {@code s = f / (2 + f)}, evaluated in the same order as Go's assembly.
 */
final class GoLog {
  private static final double HALF_SQRT2 = 7.07106781186547524401e-01;
  private static final double LN2_HI = 6.93147180369123816490e-01;
  private static final double LN2_LO = 1.90821492927058770002e-10;
  private static final double L1 = 6.666666666666735130e-01;
  private static final double L2 = 3.999999999940941908e-01;
  private static final double L3 = 2.857142874366239149e-01;
  private static final double L4 = 2.222219843214978396e-01;
  private static final double L5 = 1.818357216161805012e-01;
  private static final double L6 = 1.531383769920937332e-01;
  private static final double L7 = 1.479819860511658591e-01;

  private static final long MANTISSA_MASK = 0x000F_FFFF_FFFF_FFFFL;
  private static final long HALF_BITS = 0x3FE0_0000_0000_0000L;

  private GoLog() {}

  /** {@code ln(x)} for a positive, normal, finite {@code x} (all this package needs). */
  static double log(double x) {
    if (!(x >= Double.MIN_NORMAL) || Double.isInfinite(x)) {
      throw new IllegalArgumentException(
          "log: only positive normal numbers are supported (" + x + ")");
    }
    long bits = Double.doubleToRawLongBits(x);
    double f1 = Double.longBitsToDouble((bits & MANTISSA_MASK) | HALF_BITS);
    double k = (double) (((bits >>> 52) & 0x7FF) - 0x3FE);
    // The assembly tests "not less than" with the operands this way round, so equality also
    // takes the branch (Go's portable code uses a strict <).
    if (f1 <= HALF_SQRT2) {
      k -= 1;
      f1 *= 2;
    }
    double f = f1 - 1;
    double s = f / (2 + f);
    double s2 = s * s;
    double s4 = s2 * s2;
    double t1 = s2 * (L1 + s4 * (L3 + s4 * (L5 + s4 * L7)));
    double t2 = s4 * (L2 + s4 * (L4 + s4 * L6));
    double r = t1 + t2;
    double hfsq = 0.5 * f * f;
    return k * LN2_HI - ((hfsq - (s * (hfsq + r) + k * LN2_LO)) - f);
  }
}
