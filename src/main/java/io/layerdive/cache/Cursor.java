package io.layerdive.cache;

/** Reads what {@link Bytes} wrote; any overrun or malformed value is a {@link CorruptEntry}. */
final class Cursor {
  private final byte[] buf;
  private int pos;
  private final int end;

  Cursor(byte[] buf, int pos, int end) {
    this.buf = buf;
    this.pos = pos;
    this.end = end;
  }

  boolean atEnd() {
    return pos == end;
  }

  int position() {
    return pos;
  }

  int get() {
    if (pos >= end) throw new CorruptEntry("ends early");
    return buf[pos++] & 0xff;
  }

  long varLong() {
    long v = 0;
    for (int shift = 0; shift < 70; shift += 7) {
      int b = get();
      v |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) return v;
    }
    throw new CorruptEntry("varint too long");
  }

  int varInt() {
    long v = varLong();
    if (v < 0 || v > Integer.MAX_VALUE) throw new CorruptEntry("count out of range: " + v);
    return (int) v;
  }

  /** A varint that was an int; negative ints were written sign-extended. */
  int intValue() {
    return (int) varLong();
  }

  long fixedLong() {
    if (end - pos < 8) throw new CorruptEntry("ends early");
    long v = 0;
    for (int i = 0; i < 8; i++) v |= (long) (buf[pos++] & 0xff) << (8 * i);
    return v;
  }

  byte[] bytes(int n) {
    if (n < 0 || end - pos < n) throw new CorruptEntry("ends early");
    byte[] out = new byte[n];
    System.arraycopy(buf, pos, out, 0, n);
    pos += n;
    return out;
  }

  /** Appends chars as {@link Bytes#putChars} wrote them to {@code prefix}'s first chars. */
  String chars(String prefix, int keep) {
    int n = varInt();
    if (n > end - pos) throw new CorruptEntry("ends early");
    char[] out = new char[keep + n];
    prefix.getChars(0, keep, out, 0);
    for (int i = keep; i < out.length; i++) {
      int b = buf[pos < end ? pos++ : fail()];
      if (b >= 0) {
        out[i] = (char) b;
      } else {
        int v = b & 0x7F;
        int shift = 7;
        while (true) {
          int x = get();
          v |= (x & 0x7F) << shift;
          if ((x & 0x80) == 0) break;
          shift += 7;
          if (shift > 14) throw new CorruptEntry("char too long");
        }
        if (v > 0xFFFF) throw new CorruptEntry("char out of range");
        out[i] = (char) v;
      }
    }
    return new String(out);
  }

  String string() {
    return chars("", 0);
  }

  private static int fail() {
    throw new CorruptEntry("ends early");
  }
}
