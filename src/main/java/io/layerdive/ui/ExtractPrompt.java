package io.layerdive.ui;

import io.layerdive.text.DisplayWidth;
import java.util.List;

/**
 * The window that asks where to extract: what is extracted, from which layers, and an editable line
 * with the target directory. Enter extracts, Esc closes.
 */
final class ExtractPrompt {
  private static final String LABEL = "Into directory: ";
  private static final String HINT = " Enter extract · Esc cancel ";

  private final String path;
  private final String from;
  private final List<LayerContents.Part> parts;
  private final InputLine line = new InputLine(LABEL);

  /**
   * @param path the selected path, as the tree shows it
   * @param from where it comes from: {@code layer 3}, {@code layers 0, 2, 5 as stacked}
   */
  ExtractPrompt(String path, String from, List<LayerContents.Part> parts, String target) {
    this.path = path;
    this.from = from;
    this.parts = List.copyOf(parts);
    line.type(target);
  }

  String path() {
    return path;
  }

  String from() {
    return from;
  }

  List<LayerContents.Part> parts() {
    return parts;
  }

  String target() {
    return line.text().strip();
  }

  void type(String text) {
    line.type(text);
  }

  void backspace() {
    line.backspace();
  }

  void draw(Canvas c, int screenWidth, int screenHeight) {
    int boxWidth = Math.min(screenWidth - 2, 76);
    int inner = boxWidth - 4;
    int boxHeight = 6;
    int x = (screenWidth - boxWidth) / 2;
    int y = Math.max(0, (screenHeight - boxHeight) / 2);
    Box.draw(c, x, y, boxWidth, boxHeight, "Extract", HINT);
    String what = DisplayWidth.sanitize(path) + "  (" + from + ")";
    c.put(x + 2, y + 1, inner, DisplayWidth.ellipsize(what, inner), Style.HEADER);
    int labelEnd = x + 2 + c.put(x + 2, y + 3, inner, LABEL, Style.FILTER_LABEL);
    int room = x + 2 + inner - labelEnd - 1;
    String shown = DisplayWidth.sanitize(line.text());
    if (DisplayWidth.of(shown) > room && room > 1) {
      // Keep the end in view, where the typing happens.
      String reversed = new StringBuilder(shown).reverse().toString();
      shown = "…" + new StringBuilder(DisplayWidth.truncate(reversed, room - 1)).reverse();
    }
    int end = labelEnd + c.put(labelEnd, y + 3, room, shown, Style.NORMAL);
    c.put(end, y + 3, 1, " ", Style.SELECTED);
  }
}
