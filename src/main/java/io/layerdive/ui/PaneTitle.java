package io.layerdive.ui;

/**
 * A pane's title line as dive draws it: {@code ┃ ● Title ┣━━━…} when the pane has the keys, {@code
 * │ Title ├───…} otherwise, filling the pane's width.
 */
final class PaneTitle {
  private PaneTitle() {}

  static void draw(Canvas c, int x, int y, int width, String title, boolean focused) {
    c.fill(x, y, width, Style.BORDER);
    if (title == null) {
      c.put(x, y, width, (focused ? "━" : "─").repeat(width), Style.BORDER);
      return;
    }
    int col = x;
    col += c.put(col, y, width, focused ? "┃" : "│", Style.BORDER);
    String text = focused ? " ● " + title + " " : " " + title + " ";
    col += c.put(col, y, x + width - col, text, focused ? Style.TITLE_FOCUSED : Style.TITLE);
    col += c.put(col, y, x + width - col, focused ? "┣" : "├", Style.BORDER);
    int rest = x + width - col;
    if (rest > 0) c.put(col, y, rest, (focused ? "━" : "─").repeat(rest), Style.BORDER);
  }
}
