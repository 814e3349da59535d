package io.layerdive.ui;

import io.layerdive.text.DisplayWidth;

/**
 * A one-line text field at the bottom of the screen: the path filter ({@code Path Filter: }) or the
 * name finder. Keys only append or delete at the end, as in dive; a reversed cell stands for the
 * cursor.
 */
final class InputLine {
  /** dive's limit on the filter text. */
  static final int MAX_LENGTH = 200;

  private final String label;
  private final StringBuilder text = new StringBuilder();

  InputLine(String label) {
    this.label = label;
  }

  String text() {
    return text.toString();
  }

  void type(String s) {
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isISOControl(cp)) continue;
      if (text.codePointCount(0, text.length()) >= MAX_LENGTH) return;
      text.appendCodePoint(cp);
    }
  }

  void backspace() {
    if (text.length() == 0) return;
    int cut = text.offsetByCodePoints(text.length(), -1);
    text.setLength(cut);
  }

  void clear() {
    text.setLength(0);
  }

  /** Draws label, text, cursor when focused, and an optional hint after it. */
  void draw(Canvas c, int y, int width, boolean focused, String hint, Style hintStyle) {
    c.fill(0, y, width, Style.NORMAL);
    int col = c.put(0, y, width, label, Style.FILTER_LABEL);
    String shown = DisplayWidth.sanitize(text.toString());
    int room = width - col - 1;
    if (DisplayWidth.of(shown) > room && room > 1) {
      // Keep the end of a long text in view, where the typing happens.
      String reversed = new StringBuilder(shown).reverse().toString();
      shown = "…" + new StringBuilder(DisplayWidth.truncate(reversed, room - 1)).reverse();
    }
    col += c.put(col, y, width - col, shown, Style.NORMAL);
    if (focused) col += c.put(col, y, width - col, " ", Style.SELECTED);
    if (hint != null) c.put(col, y, width - col, " " + hint, hintStyle);
  }
}
