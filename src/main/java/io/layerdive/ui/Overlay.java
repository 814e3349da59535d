package io.layerdive.ui;

import io.layerdive.text.DisplayWidth;
import java.util.List;

/** A window drawn over the screen (help, layers of a path, a message), scrollable. */
final class Overlay {
  enum Kind {
    HELP,
    PATH_HISTORY,
    MESSAGE
  }

  private final Kind kind;
  private final String title;
  private final List<List<Span>> lines;
  private final ScrollText body = new ScrollText();

  Overlay(Kind kind, String title, List<List<Span>> lines) {
    this.kind = kind;
    this.title = title;
    this.lines = List.copyOf(lines);
  }

  Kind kind() {
    return kind;
  }

  String title() {
    return title;
  }

  List<List<Span>> lines() {
    return lines;
  }

  void scrollBy(int delta) {
    body.scrollBy(delta);
  }

  void page(int direction) {
    body.page(direction);
  }

  void toStart() {
    body.toStart();
  }

  void toEnd() {
    body.toEnd();
  }

  void draw(Canvas c, int screenWidth, int screenHeight) {
    int contentWidth = DisplayWidth.of(title) + 4;
    for (List<Span> line : lines) {
      int w = 0;
      for (Span s : line) w += DisplayWidth.of(s.text());
      contentWidth = Math.max(contentWidth, w);
    }
    int boxWidth = Math.min(screenWidth - 2, Math.max(30, contentWidth + 4));
    int inner = boxWidth - 4;
    int wrappedLines = 0;
    for (List<Span> line : lines) wrappedLines += TextWrap.wrap(line, inner).size();
    int boxHeight = Math.min(screenHeight - 2, Math.max(3, wrappedLines + 2));
    int x = (screenWidth - boxWidth) / 2;
    int y = (screenHeight - boxHeight) / 2;

    String top = "┌─ " + title + " ";
    c.fill(x, y, boxWidth, Style.BORDER);
    int col = c.put(x, y, boxWidth - 1, top, Style.BORDER);
    c.put(
        x + col, y, boxWidth - 1 - col, "─".repeat(Math.max(0, boxWidth - 1 - col)), Style.BORDER);
    c.put(x + boxWidth - 1, y, 1, "┐", Style.BORDER);
    for (int row = 1; row < boxHeight - 1; row++) {
      c.fill(x, y + row, boxWidth, Style.NORMAL);
      c.put(x, y + row, 1, "│", Style.BORDER);
      c.put(x + boxWidth - 1, y + row, 1, "│", Style.BORDER);
    }
    body.draw(c, x + 2, y + 1, inner, boxHeight - 2, lines);
    String hint = wrappedLines > boxHeight - 2 ? " ↑↓ scroll · Esc close " : " Esc close ";
    c.fill(x, y + boxHeight - 1, boxWidth, Style.BORDER);
    c.put(x, y + boxHeight - 1, 1, "└", Style.BORDER);
    int hintWidth = DisplayWidth.of(hint);
    int dashes = Math.max(0, boxWidth - 2 - hintWidth - 1);
    col = x + 1 + c.put(x + 1, y + boxHeight - 1, dashes, "─".repeat(dashes), Style.BORDER);
    col += c.put(col, y + boxHeight - 1, x + boxWidth - 1 - col, hint, Style.DIM);
    c.put(
        col,
        y + boxHeight - 1,
        x + boxWidth - 1 - col,
        "─".repeat(Math.max(0, x + boxWidth - 1 - col)),
        Style.BORDER);
    c.put(x + boxWidth - 1, y + boxHeight - 1, 1, "┘", Style.BORDER);
  }
}
