package io.layerdive.source;

/**
 * Turns the name bytes of a tar header into image paths: UTF-8 where the bytes are UTF-8, each
 * other byte escaped as {@code \xNN} so that names stay distinct and printable; then cleaned of
 * {@code .}, {@code ..}, repeated and leading slashes so that no path leaves the image root.
 */
final class EntryNames {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private EntryNames() {}

  /** Decodes {@code b[off, off+len)} up to the first NUL, as Go's tar reader cuts names. */
  static String decodeField(byte[] b, int off, int len) {
    int end = off;
    int max = off + len;
    while (end < max && b[end] != 0) end++;
    return decode(b, off, end - off);
  }

  /** Decodes UTF-8, escaping every byte that is not part of a well-formed sequence. */
  static String decode(byte[] b, int off, int len) {
    int end = off + len;
    int i = off;
    while (i < end && b[i] >= 0) i++;
    if (i == end) {
      return new String(b, off, len, java.nio.charset.StandardCharsets.ISO_8859_1);
    }
    return decodeFrom(b, off, i, end);
  }

  /**
   * The rare case, kept out of {@link #decode} so that the ASCII path stays small for the JIT:
   * {@code b[off, i)} is ASCII, {@code b[i]} is not.
   */
  private static String decodeFrom(byte[] b, int off, int i, int end) {
    int len = end - off;
    StringBuilder sb = new StringBuilder(len + 8);
    for (int k = off; k < i; k++) sb.append((char) b[k]);
    while (i < end) {
      int c = b[i] & 0xff;
      if (c < 0x80) {
        sb.append((char) c);
        i++;
        continue;
      }
      int n = sequenceLength(b, i, end);
      if (n == 0) {
        sb.append("\\x").append(HEX[c >> 4]).append(HEX[c & 0xf]);
        i++;
        continue;
      }
      int cp;
      if (n == 2) {
        cp = ((c & 0x1f) << 6) | (b[i + 1] & 0x3f);
      } else if (n == 3) {
        cp = ((c & 0x0f) << 12) | ((b[i + 1] & 0x3f) << 6) | (b[i + 2] & 0x3f);
      } else {
        cp =
            ((c & 0x07) << 18)
                | ((b[i + 1] & 0x3f) << 12)
                | ((b[i + 2] & 0x3f) << 6)
                | (b[i + 3] & 0x3f);
      }
      sb.appendCodePoint(cp);
      i += n;
    }
    return sb.toString();
  }

  /** Length of the well-formed UTF-8 sequence at {@code i} (RFC 3629), or 0 when there is none. */
  private static int sequenceLength(byte[] b, int i, int end) {
    int c = b[i] & 0xff;
    if (c >= 0xc2 && c <= 0xdf) {
      return i + 1 < end && isContinuation(b[i + 1]) ? 2 : 0;
    }
    if (c >= 0xe0 && c <= 0xef) {
      if (i + 2 >= end || !isContinuation(b[i + 1]) || !isContinuation(b[i + 2])) return 0;
      int c1 = b[i + 1] & 0xff;
      if (c == 0xe0 && c1 < 0xa0) return 0; // overlong
      if (c == 0xed && c1 > 0x9f) return 0; // surrogate
      return 3;
    }
    if (c >= 0xf0 && c <= 0xf4) {
      if (i + 3 >= end
          || !isContinuation(b[i + 1])
          || !isContinuation(b[i + 2])
          || !isContinuation(b[i + 3])) return 0;
      int c1 = b[i + 1] & 0xff;
      if (c == 0xf0 && c1 < 0x90) return 0; // overlong
      if (c == 0xf4 && c1 > 0x8f) return 0; // beyond U+10FFFF
      return 4;
    }
    return 0;
  }

  private static boolean isContinuation(byte b) {
    return (b & 0xc0) == 0x80;
  }

  /**
   * A cleaned path: no leading or trailing slash, no empty, {@code .} or {@code ..} components;
   * empty for the root. {@code climbed} tells that a {@code ..} tried to leave the root and was
   * stopped there.
   */
  record Cleaned(String path, boolean climbed) {}

  static Cleaned clean(String name) {
    if (isClean(name)) return new Cleaned(name, false);
    String[] parts = name.split("/", -1);
    String[] stack = new String[parts.length];
    int depth = 0;
    boolean climbed = false;
    for (String part : parts) {
      if (part.isEmpty() || part.equals(".")) continue;
      if (part.equals("..")) {
        if (depth > 0) depth--;
        else climbed = true;
        continue;
      }
      stack[depth++] = part;
    }
    return new Cleaned(String.join("/", java.util.Arrays.asList(stack).subList(0, depth)), climbed);
  }

  /** True when {@link #clean} would return {@code name} unchanged: the common case, no copy. */
  private static boolean isClean(String name) {
    int n = name.length();
    if (n == 0) return false;
    int start = 0;
    for (int i = 0; i <= n; i++) {
      if (i == n || name.charAt(i) == '/') {
        int len = i - start;
        if (len == 0) return false;
        if (len == 1 && name.charAt(start) == '.') return false;
        if (len == 2 && name.charAt(start) == '.' && name.charAt(start + 1) == '.') return false;
        start = i + 1;
      }
    }
    return true;
  }
}
