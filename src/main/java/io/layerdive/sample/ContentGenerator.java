package io.layerdive.sample;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * File contents from a seed: SplitMix64 words, little-endian, so the same seed gives the same bytes
 * on every machine and a shorter file is a prefix of a longer one with the same seed. Runs at
 * several GB/s, well ahead of SHA-256, so regenerating content is cheaper than storing it.
 */
final class ContentGenerator {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;
  private static final int CHUNK = 64 * 1024;
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private ContentGenerator() {}

  /** Reused per thread: a layer has thousands of small files, each would allocate its own. */
  private static final ThreadLocal<byte[]> BUFFER = ThreadLocal.withInitial(() -> new byte[CHUNK]);

  static void write(long seed, long size, OutputStream out) throws IOException {
    byte[] chunk = BUFFER.get();
    long state = start(seed);
    long left = size;
    while (left > 0) {
      int n = (int) Math.min(chunk.length, left);
      state = fill(chunk, roundUp8(n), state);
      out.write(chunk, 0, n);
      left -= n;
    }
  }

  static byte[] bytes(long seed, int size) {
    byte[] padded = new byte[(int) roundUp8(size)];
    fill(padded, padded.length, start(seed));
    return size == padded.length ? padded : java.util.Arrays.copyOf(padded, size);
  }

  /** Decorrelates neighbouring seeds, so seed 1 and seed 2 share no words. */
  private static long start(long seed) {
    return mix(seed ^ 0x5DEECE66DL) * 0x2545F4914F6CDD1DL;
  }

  /** Fills {@code length} bytes (a multiple of 8) and returns the next state. */
  private static long fill(byte[] buf, long length, long state) {
    for (int i = 0; i < length; i += 8) {
      state += GOLDEN;
      LONGS.set(buf, i, mix(state));
    }
    return state;
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private static long roundUp8(long n) {
    return (n + 7) & ~7L;
  }
}
