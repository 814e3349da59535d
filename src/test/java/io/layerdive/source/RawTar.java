package io.layerdive.source;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes tar streams byte by byte, so tests can make what ordinary writers refuse: raw name bytes,
 * {@code \0} type flags, names that climb out, PAX records of any kind, sparse entries.
 */
final class RawTar {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  /** A ustar header block; {@code name} bytes are written as given. */
  RawTar header(byte[] name, char type, long size, int mode, byte[] link, boolean gnu) {
    byte[] h = new byte[512];
    System.arraycopy(name, 0, h, 0, Math.min(100, name.length));
    octal(h, 100, 8, mode);
    octal(h, 108, 8, 0);
    octal(h, 116, 8, 0);
    octal(h, 124, 12, size);
    octal(h, 136, 12, 0);
    h[156] = (byte) type;
    if (link != null) System.arraycopy(link, 0, h, 157, Math.min(100, link.length));
    byte[] magic = (gnu ? "ustar  \0" : "ustar\u000000").getBytes(StandardCharsets.ISO_8859_1);
    System.arraycopy(magic, 0, h, 257, 8);
    checksum(h);
    out.writeBytes(h);
    return this;
  }

  RawTar header(String name, char type, long size, int mode) {
    return header(name.getBytes(StandardCharsets.UTF_8), type, size, mode, null, false);
  }

  RawTar file(String name, String content) {
    byte[] data = content.getBytes(StandardCharsets.UTF_8);
    header(name, '0', data.length, 0644);
    return data(data);
  }

  RawTar dir(String name) {
    return header(name, '5', 0, 0755);
  }

  RawTar data(byte[] data) {
    out.writeBytes(data);
    int pad = (512 - data.length % 512) % 512;
    out.writeBytes(new byte[pad]);
    return this;
  }

  /** A PAX extended header ('x' or 'g') with the given key=value records. */
  RawTar pax(char type, String... keyValues) {
    ByteArrayOutputStream records = new ByteArrayOutputStream();
    for (String kv : keyValues) {
      byte[] body = (" " + kv + "\n").getBytes(StandardCharsets.UTF_8);
      int len = body.length + 1;
      while (Integer.toString(len).length() + body.length != len) len++;
      records.writeBytes((len + "").getBytes(StandardCharsets.US_ASCII));
      records.writeBytes(body);
    }
    byte[] data = records.toByteArray();
    header("PaxHeaders/x", type, data.length, 0644);
    return data(data);
  }

  RawTar gnuLong(char type, String value) {
    byte[] data = (value + "\0").getBytes(StandardCharsets.UTF_8);
    header(
        "././@LongLink".getBytes(StandardCharsets.US_ASCII), type, data.length, 0644, null, true);
    return data(data);
  }

  RawTar end() {
    out.writeBytes(new byte[1024]);
    return this;
  }

  RawTar raw(byte[] bytes) {
    out.writeBytes(bytes);
    return this;
  }

  byte[] bytes() {
    return out.toByteArray();
  }

  static void octal(byte[] h, int off, int len, long value) {
    String s = Long.toOctalString(value);
    while (s.length() < len - 1) s = "0" + s;
    byte[] b = s.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(b, 0, h, off, len - 1);
    h[off + len - 1] = 0;
  }

  static void checksum(byte[] h) {
    for (int i = 148; i < 156; i++) h[i] = ' ';
    long sum = 0;
    for (byte b : h) sum += b & 0xff;
    String s = Long.toOctalString(sum);
    while (s.length() < 6) s = "0" + s;
    byte[] b = s.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(b, 0, h, 148, 6);
    h[154] = 0;
    h[155] = ' ';
  }
}
