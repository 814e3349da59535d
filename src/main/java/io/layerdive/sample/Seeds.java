package io.layerdive.sample;

import java.nio.charset.StandardCharsets;

/** Seeds and spreads derived from names, so generated images need no tables of random numbers. */
final class Seeds {
  private Seeds() {}

  /** A 64-bit seed from text: FNV-1a over the UTF-8 bytes, then mixed. */
  static long of(String text) {
    long h = 0xcbf29ce484222325L;
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return mix(h);
  }

  /** A value in {@code [0, bound)} from a seed and an index. */
  static int pick(long seed, long index, int bound) {
    return (int) Long.remainderUnsigned(mix(seed + index * 0x9E3779B97F4A7C15L), bound);
  }

  /** A factor in {@code [low, high)} from a seed and an index, for sizes that vary. */
  static double spread(long seed, long index, double low, double high) {
    double unit = (mix(seed ^ (index * 0xC2B2AE3D27D4EB4FL)) >>> 11) * 0x1.0p-53;
    return low + unit * (high - low);
  }

  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
