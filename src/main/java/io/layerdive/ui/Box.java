package io.layerdive.ui;

import io.layerdive.text.DisplayWidth;

/** The frame every floating window is drawn in: a title in the top edge, a key hint in the bottom. */
final class Box {
  private Box() {}

  /** Draws the edges and clears the inside; the caller fills the inside. */
  static void draw(Canvas c, int x, int y, int width, int height, String title, String hint) {
    c.fill(x, y, width, Style.BORDER);
    int col = c.put(x, y, width - 1, "┌─ " + title + " ", Style.BORDER);
    c.put(x + col, y, width - 1 - col, "─".repeat(Math.max(0, width - 1 - col)), Style.BORDER);
    c.put(x + width - 1, y, 1, "┐", Style.BORDER);
    for (int row = 1; row < height - 1; row++) {
      c.fill(x, y + row, width, Style.NORMAL);
      c.put(x, y + row, 1, "│", Style.BORDER);
      c.put(x + width - 1, y + row, 1, "│", Style.BORDER);
    }
    int bottom = y + height - 1;
    c.fill(x, bottom, width, Style.BORDER);
    c.put(x, bottom, 1, "└", Style.BORDER);
    // The hint sits at the right, as the dashes before it leave room.
    int dashes = Math.max(0, width - 2 - DisplayWidth.of(hint) - 1);
    col = x + 1 + c.put(x + 1, bottom, dashes, "─".repeat(dashes), Style.BORDER);
    col += c.put(col, bottom, x + width - 1 - col, hint, Style.DIM);
    c.put(col, bottom, x + width - 1 - col, "─".repeat(Math.max(0, x + width - 1 - col)), Style.BORDER);
    c.put(x + width - 1, bottom, 1, "┘", Style.BORDER);
  }
}
