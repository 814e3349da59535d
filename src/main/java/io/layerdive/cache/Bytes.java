package io.layerdive.cache;

import java.util.Arrays;

/** A growing byte buffer with the few encodings of the cache format: varints, chars, longs. */
final class Bytes {
  private byte[] buf;
  private int len;

  Bytes(int capacity) {
    buf = new byte[Math.max(16, capacity)];
  }

  int length() {
    return len;
  }

  byte[] array() {
    return buf;
  }

  void clear() {
    len = 0;
  }

  private void ensure(int more) {
    if (len + more > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
    }
  }

  void put(int b) {
    ensure(1);
    buf[len++] = (byte) b;
  }

  void putBytes(byte[] b, int off, int n) {
    ensure(n);
    System.arraycopy(b, off, buf, len, n);
    len += n;
  }

  /** Unsigned LEB128; negative values take ten bytes. */
  void putVarLong(long v) {
    ensure(10);
    while ((v & ~0x7FL) != 0) {
      buf[len++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    buf[len++] = (byte) v;
  }

  void putLong(long v) {
    ensure(8);
    for (int i = 0; i < 8; i++) buf[len++] = (byte) (v >>> (8 * i));
  }

  /** Chars {@code from} to the end of {@code s}, each a varint: exact for any UTF-16 text. */
  void putChars(String s, int from) {
    int n = s.length() - from;
    putVarLong(n);
    ensure(3 * n);
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        buf[len++] = (byte) c;
      } else {
        int v = c;
        while ((v & ~0x7F) != 0) {
          buf[len++] = (byte) ((v & 0x7F) | 0x80);
          v >>>= 7;
        }
        buf[len++] = (byte) v;
      }
    }
  }

  void putString(String s) {
    putChars(s, 0);
  }
}
