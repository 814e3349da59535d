package io.layerdive.ui;

import java.util.ArrayList;
import java.util.List;

/**
 * Lines of styled text wrapped to a pane's width, with a scroll offset: the body of the details
 * panes and of the windows drawn over the screen.
 */
final class ScrollText {
  private int offset;
  private int pageHeight = 1;
  private int lineCount;

  int offset() {
    return offset;
  }

  void reset() {
    offset = 0;
  }

  void scrollBy(int delta) {
    offset = clamp(offset + delta);
  }

  void page(int direction) {
    scrollBy(direction * Math.max(1, pageHeight));
  }

  void toStart() {
    offset = 0;
  }

  void toEnd() {
    offset = Integer.MAX_VALUE / 2;
  }

  private int clamp(int value) {
    int max = Math.max(0, lineCount - pageHeight);
    return Math.max(0, Math.min(value, max));
  }

  /** Draws {@code lines} wrapped to {@code width} into the rows from {@code y}; returns rows used. */
  int draw(Canvas c, int x, int y, int width, int height, List<List<Span>> lines) {
    List<List<Span>> wrapped = new ArrayList<>();
    for (List<Span> line : lines) wrapped.addAll(TextWrap.wrap(line, width));
    lineCount = wrapped.size();
    pageHeight = Math.max(1, height);
    offset = clamp(offset);
    int row = 0;
    for (int i = offset; i < wrapped.size() && row < height; i++, row++) {
      int col = x;
      for (Span s : wrapped.get(i)) col += c.put(col, y + row, x + width - col, s.text(), s.style());
    }
    return row;
  }
}
