package io.layerdive.ui;

import java.util.List;

/**
 * Lines of styled text wrapped to a pane's width, scrolled by whole lines: the body of the details
 * panes and of the windows drawn over the screen. Only the lines on screen are wrapped, so a table
 * of ten thousand inefficiencies costs no more to draw than one of ten.
 */
final class ScrollText {
  private int offset;
  private int pageHeight = 1;
  private int maxOffset = Integer.MAX_VALUE;

  int offset() {
    return offset;
  }

  void reset() {
    offset = 0;
  }

  void scrollBy(int delta) {
    offset = Math.max(0, Math.min(offset + delta, maxOffset));
  }

  void page(int direction) {
    scrollBy(direction * Math.max(1, pageHeight));
  }

  void toStart() {
    offset = 0;
  }

  void toEnd() {
    offset = maxOffset;
  }

  /**
   * Draws {@code lines} wrapped to {@code width} into the rows from {@code y}; returns rows used.
   */
  int draw(Canvas c, int x, int y, int width, int height, List<List<Span>> lines) {
    pageHeight = Math.max(1, height);
    maxOffset = lastOffset(lines, width, height);
    offset = Math.max(0, Math.min(offset, maxOffset));
    int row = 0;
    for (int i = offset; i < lines.size() && row < height; i++) {
      for (List<Span> part : TextWrap.wrap(lines.get(i), width)) {
        if (row >= height) break;
        int col = x;
        for (Span s : part) col += c.put(col, y + row, x + width - col, s.text(), s.style());
        row++;
      }
    }
    return row;
  }

  /** The first line that still fills the pane to the end: wraps lines from the end only. */
  private static int lastOffset(List<List<Span>> lines, int width, int height) {
    int rows = 0;
    int i = lines.size();
    while (i > 0) {
      int h = TextWrap.wrap(lines.get(i - 1), width).size();
      if (rows + h > height) break;
      rows += h;
      i--;
    }
    return Math.min(i, Math.max(0, lines.size() - 1));
  }
}
