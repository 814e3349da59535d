package io.layerdive.export;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * String escaping as Go's {@code encoding/json} does it (Go 1.22 and later, which dive is built
 * with): {@code <}, {@code >}, {@code &}, U+2028 and U+2029 as six-character escapes (backslash,
 * {@code u}, four lower-case hex digits), so {@code &&} in a Dockerfile command comes out as two
 * escapes; backspace, form feed, newline, return and tab as their two-character escapes; other
 * control characters as six-character escapes; everything else written as is.
 */
final class GoJsonEscapes extends CharacterEscapes {
  private static final long serialVersionUID = 1L;
  private static final String HEX = "0123456789abcdef";

  private final int[] asciiEscapes;

  GoJsonEscapes() {
    int[] codes = standardAsciiEscapesForJSON();
    for (int c = 0; c < 0x20; c++) {
      if ("\b\f\n\r\t".indexOf(c) < 0) codes[c] = ESCAPE_CUSTOM;
    }
    codes['<'] = ESCAPE_CUSTOM;
    codes['>'] = ESCAPE_CUSTOM;
    codes['&'] = ESCAPE_CUSTOM;
    this.asciiEscapes = codes;
  }

  @Override
  public int[] getEscapeCodesForAscii() {
    return asciiEscapes.clone();
  }

  @Override
  public SerializableString getEscapeSequence(int ch) {
    if (ch < 0x80 && asciiEscapes[ch] != ESCAPE_CUSTOM) return null;
    if (ch >= 0x80 && ch != 0x2028 && ch != 0x2029) return null;
    return new SerializedString(
        "\\u"
            + HEX.charAt((ch >> 12) & 0xf)
            + HEX.charAt((ch >> 8) & 0xf)
            + HEX.charAt((ch >> 4) & 0xf)
            + HEX.charAt(ch & 0xf));
  }
}
