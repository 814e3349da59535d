package io.layerdive.ui;

import io.layerdive.text.DisplayWidth;
import java.util.ArrayList;
import java.util.List;

/**
 * A window drawn over the screen (help, layers of a path, advice, a message), scrollable; some of
 * its lines may be selectable, one of them selected.
 */
final class Overlay {
  enum Kind {
    HELP,
    PATH_HISTORY,
    ADVICE,
    MESSAGE,
    VIEWER
  }

  private final Kind kind;
  private final String title;
  private final List<List<Span>> lines;
  private final ScrollText body = new ScrollText();
  private final List<Integer> selectable;
  private int selected;

  Overlay(Kind kind, String title, List<List<Span>> lines) {
    this(kind, title, lines, List.of());
  }

  /**
   * @param selectable indexes of the lines that can be selected, in order; empty when none
   */
  Overlay(Kind kind, String title, List<List<Span>> lines, List<Integer> selectable) {
    this.kind = kind;
    this.title = title;
    this.lines = List.copyOf(lines);
    this.selectable = List.copyOf(selectable);
  }

  boolean hasSelection() {
    return !selectable.isEmpty();
  }

  /** Which selectable line is selected: 0 for the first. */
  int selected() {
    return selected;
  }

  /** Moves the selection and scrolls its line to the top (the first one shows the whole top). */
  void select(int delta) {
    if (selectable.isEmpty()) return;
    selected = Math.max(0, Math.min(selectable.size() - 1, selected + delta));
    body.toStart();
    if (selected > 0) body.scrollBy(selectable.get(selected));
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

    String hint =
        hasSelection()
            ? " ↑↓ select · Enter go · Esc close "
            : wrappedLines > boxHeight - 2 ? " ↑↓ scroll · Esc close " : " Esc close ";
    Box.draw(c, x, y, boxWidth, boxHeight, title, hint);
    body.draw(c, x + 2, y + 1, inner, boxHeight - 2, shownLines());
  }

  /** The lines with the selected one drawn selected. */
  private List<List<Span>> shownLines() {
    if (selectable.isEmpty()) return lines;
    List<List<Span>> shown = new ArrayList<>(lines);
    int line = selectable.get(selected);
    List<Span> marked = new ArrayList<>();
    for (Span s : lines.get(line)) marked.add(new Span(s.text(), Style.SELECTED));
    shown.set(line, marked);
    return shown;
  }
}
