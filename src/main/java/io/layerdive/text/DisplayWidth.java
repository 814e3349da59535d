package io.layerdive.text;

import java.text.Normalizer;
import org.jline.utils.WCWidth;

/**
 * Display width of text on a terminal, and the two operations that keep columns aligned: {@link
 * #sanitize} for text from an image (file names, commands), and {@link #truncate}/{@link #fit} to a
 * column budget.
 *
 * <p>Widths are JLine's {@code wcwidth}: 2 for wide East Asian characters and emoji, 0 for
 * combining marks, 1 otherwise. Text passed to the width and truncation methods is expected to be
 * sanitized; a control character there counts as 0 columns.
 */
public final class DisplayWidth {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private DisplayWidth() {}

  /** Columns one code point takes: 0, 1 or 2; -1 for a control character. */
  public static int of(int codePoint) {
    if (codePoint >= 0x20 && codePoint < 0x7f) return 1;
    return WCWidth.wcwidth(codePoint);
  }

  /** Columns a string takes; control characters count as 0. */
  public static int of(CharSequence text) {
    int width = 0;
    int len = text.length();
    for (int i = 0; i < len; ) {
      char c = text.charAt(i);
      if (c >= 0x20 && c < 0x7f) {
        width++;
        i++;
        continue;
      }
      int cp = Character.codePointAt(text, i);
      i += Character.charCount(cp);
      int w = WCWidth.wcwidth(cp);
      if (w > 0) width += w;
    }
    return width;
  }

  /**
   * Makes text from an image safe to draw: control characters (C0, DEL, C1) become {@code \xNN};
   * characters that have no width or position of their own but are not combining marks (format
   * characters such as bidirectional overrides and zero-width joiners, line separators, unpaired
   * surrogates, unassigned code points) become {@code ?}; emoji presentation selectors are dropped.
   * Combining marks stay, attached to the character before them, after NFC composition. The result
   * never moves the cursor, and its {@link #of width} is the number of columns a terminal uses.
   */
  public static String sanitize(String text) {
    if (isPlainAscii(text)) return text;
    String s =
        Normalizer.isNormalized(text, Normalizer.Form.NFC)
            ? text
            : Normalizer.normalize(text, Normalizer.Form.NFC);
    StringBuilder sb = new StringBuilder(s.length() + 8);
    boolean hasBase = false;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) {
        sb.append("\\x").append(HEX[(cp >> 4) & 0xf]).append(HEX[cp & 0xf]);
        hasBase = true;
        continue;
      }
      if (cp == 0xfe0e || cp == 0xfe0f) continue;
      int type = Character.getType(cp);
      boolean combining = type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK;
      if (combining) {
        if (hasBase) {
          sb.appendCodePoint(cp);
        } else {
          sb.append('?');
          hasBase = true;
        }
        continue;
      }
      if (type == Character.FORMAT
          || type == Character.LINE_SEPARATOR
          || type == Character.PARAGRAPH_SEPARATOR
          || type == Character.SURROGATE
          || type == Character.UNASSIGNED
          || WCWidth.wcwidth(cp) <= 0) {
        sb.append('?');
      } else {
        sb.appendCodePoint(cp);
      }
      hasBase = true;
    }
    return sb.toString();
  }

  private static boolean isPlainAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c >= 0x7f) return false;
    }
    return true;
  }

  /**
   * The longest prefix of {@code text} that fits in {@code columns}. A wide character that would
   * straddle the limit is left out whole; combining marks stay with their base character.
   */
  public static String truncate(String text, int columns) {
    if (columns <= 0) return "";
    int width = 0;
    int len = text.length();
    for (int i = 0; i < len; ) {
      int cp = text.codePointAt(i);
      int w = Math.max(0, of(cp));
      if (width + w > columns) return text.substring(0, i);
      width += w;
      i += Character.charCount(cp);
    }
    return text;
  }

  /** {@code text} cut to {@code columns} and padded with spaces to exactly that width. */
  public static String fit(String text, int columns) {
    String cut = truncate(text, columns);
    int pad = columns - of(cut);
    return pad <= 0 ? cut : cut + " ".repeat(pad);
  }

  /**
   * {@code text} if it fits in {@code columns}, otherwise cut one column short with {@code …}
   * appended, so that the reader sees something was left out.
   */
  public static String ellipsize(String text, int columns) {
    if (of(text) <= columns) return text;
    if (columns <= 0) return "";
    return truncate(text, columns - 1) + "…";
  }
}
