package io.layerdive.hash;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Streaming XXH64 (xxHash, 64-bit) as published by its author: 32-byte stripes over four lanes,
 * then the tail in 8-, 4- and 1-byte steps and the avalanche. Not thread-safe; {@link #reset()}
 * makes an instance reusable so a reader can hash many files without allocating.
 */
public final class Xxh64 {
  private static final long P1 = 0x9E3779B185EBCA87L;
  private static final long P2 = 0xC2B2AE3D27D4EB4FL;
  private static final long P3 = 0x165667B19E3779F9L;
  private static final long P4 = 0x85EBCA77C2B2AE63L;
  private static final long P5 = 0x27D4EB2F165667C5L;

  private static final VarHandle LONG_LE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INT_LE =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

  /** XXH64 of no bytes with seed 0: what dive records for links and whiteouts. */
  public static final long EMPTY = 0xEF46DB3751D8E999L;

  private final long seed;
  private final byte[] pending = new byte[32];
  private int pendingLength;
  private long totalLength;
  private long v1;
  private long v2;
  private long v3;
  private long v4;

  public Xxh64() {
    this(0);
  }

  public Xxh64(long seed) {
    this.seed = seed;
    reset();
  }

  /** XXH64 of {@code data[offset, offset+length)} with seed 0, in one call. */
  public static long hash(byte[] data, int offset, int length) {
    Xxh64 h = new Xxh64();
    h.update(data, offset, length);
    return h.digest();
  }

  public void reset() {
    v1 = seed + P1 + P2;
    v2 = seed + P2;
    v3 = seed;
    v4 = seed - P1;
    pendingLength = 0;
    totalLength = 0;
  }

  public void update(byte[] data, int offset, int length) {
    if (offset < 0 || length < 0 || offset > data.length - length) {
      throw new IndexOutOfBoundsException("offset " + offset + ", length " + length);
    }
    totalLength += length;
    if (pendingLength + length < 32) {
      System.arraycopy(data, offset, pending, pendingLength, length);
      pendingLength += length;
      return;
    }
    int end = offset + length;
    if (pendingLength > 0) {
      int fill = 32 - pendingLength;
      System.arraycopy(data, offset, pending, pendingLength, fill);
      stripes(pending, 0, 32);
      offset += fill;
      pendingLength = 0;
    }
    int stripeEnd = offset + ((end - offset) & ~31);
    if (stripeEnd > offset) {
      stripes(data, offset, stripeEnd);
      offset = stripeEnd;
    }
    pendingLength = end - offset;
    System.arraycopy(data, offset, pending, 0, pendingLength);
  }

  /** Consumes whole stripes of {@code data[from, to)}; {@code to - from} is a multiple of 32. */
  private void stripes(byte[] data, int from, int to) {
    // Lanes live in locals so the JIT keeps them in registers across the loop.
    long a = v1;
    long b = v2;
    long c = v3;
    long d = v4;
    for (int i = from; i < to; i += 32) {
      a = round(a, (long) LONG_LE.get(data, i));
      b = round(b, (long) LONG_LE.get(data, i + 8));
      c = round(c, (long) LONG_LE.get(data, i + 16));
      d = round(d, (long) LONG_LE.get(data, i + 24));
    }
    v1 = a;
    v2 = b;
    v3 = c;
    v4 = d;
  }

  /** The hash of everything given since the last reset; does not change the state. */
  public long digest() {
    long h;
    if (totalLength >= 32) {
      h =
          Long.rotateLeft(v1, 1)
              + Long.rotateLeft(v2, 7)
              + Long.rotateLeft(v3, 12)
              + Long.rotateLeft(v4, 18);
      h = merge(h, v1);
      h = merge(h, v2);
      h = merge(h, v3);
      h = merge(h, v4);
    } else {
      h = seed + P5;
    }
    h += totalLength;
    int i = 0;
    for (; i + 8 <= pendingLength; i += 8) {
      h ^= round(0, (long) LONG_LE.get(pending, i));
      h = Long.rotateLeft(h, 27) * P1 + P4;
    }
    if (i + 4 <= pendingLength) {
      h ^= ((int) INT_LE.get(pending, i) & 0xFFFFFFFFL) * P1;
      h = Long.rotateLeft(h, 23) * P2 + P3;
      i += 4;
    }
    for (; i < pendingLength; i++) {
      h ^= (pending[i] & 0xFFL) * P5;
      h = Long.rotateLeft(h, 11) * P1;
    }
    h ^= h >>> 33;
    h *= P2;
    h ^= h >>> 29;
    h *= P3;
    h ^= h >>> 32;
    return h;
  }

  private static long round(long acc, long input) {
    acc += input * P2;
    acc = Long.rotateLeft(acc, 31);
    return acc * P1;
  }

  private static long merge(long acc, long lane) {
    acc ^= round(0, lane);
    return acc * P1 + P4;
  }
}
