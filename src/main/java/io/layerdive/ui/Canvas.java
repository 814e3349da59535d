package io.layerdive.ui;

import io.layerdive.text.DisplayWidth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A grid of cells the panes draw into, turned into a {@link Frame} at the end. A wide character
 * takes two cells, the second marked as its continuation; writing over either half clears the
 * other, so overlays and clipping never leave half a character behind and every line is exactly the
 * canvas width.
 */
final class Canvas {
  private static final String BLANK = " ";

  private final int width;
  private final int height;
  // null marks the right half of a wide character.
  private final String[] glyph;
  private final Style[] style;

  Canvas(int width, int height) {
    this.width = width;
    this.height = height;
    this.glyph = new String[width * height];
    this.style = new Style[width * height];
    Arrays.fill(glyph, BLANK);
    Arrays.fill(style, Style.NORMAL);
  }

  int width() {
    return width;
  }

  int height() {
    return height;
  }

  /**
   * Writes sanitized text from column {@code x} of row {@code y}, using at most {@code maxColumns}
   * columns (and never past the right edge); returns the columns written. A wide character that
   * does not fit whole is left out.
   */
  int put(int x, int y, int maxColumns, String text, Style s) {
    if (y < 0 || y >= height || x >= width || maxColumns <= 0) return 0;
    int limit = Math.min(width, x + maxColumns);
    int col = x;
    int lastCell = -1;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      int n = Character.charCount(cp);
      int w = DisplayWidth.of(cp);
      if (w == 0) {
        // A combining mark joins the character before it.
        if (lastCell >= 0) glyph[lastCell] = glyph[lastCell] + text.substring(i, i + n);
        i += n;
        continue;
      }
      boolean control = w < 0;
      if (control) w = 1;
      if (col + w > limit) break;
      if (col >= 0) {
        int cell = y * width + col;
        clear(cell);
        if (w == 2) clear(cell + 1);
        glyph[cell] = control ? "?" : text.substring(i, i + n);
        style[cell] = s;
        if (w == 2) {
          glyph[cell + 1] = null;
          style[cell + 1] = s;
        }
        lastCell = cell;
      }
      col += w;
      i += n;
    }
    return col - x;
  }

  /** Fills {@code columns} cells from {@code x} with spaces in style {@code s}. */
  void fill(int x, int y, int columns, Style s) {
    if (y < 0 || y >= height) return;
    int from = Math.max(0, x);
    int to = Math.min(width, x + columns);
    for (int col = from; col < to; col++) {
      int cell = y * width + col;
      clear(cell);
      glyph[cell] = BLANK;
      style[cell] = s;
    }
  }

  /** Gives {@code columns} cells from {@code x} the style {@code s}, keeping their text. */
  void restyle(int x, int y, int columns, Style s) {
    if (y < 0 || y >= height) return;
    int from = Math.max(0, x);
    int to = Math.min(width, x + columns);
    for (int col = from; col < to; col++) style[y * width + col] = s;
  }

  /** Before a cell is overwritten: the other half of a wide character there becomes a space. */
  private void clear(int cell) {
    int col = cell % width;
    if (glyph[cell] == null && col > 0) {
      glyph[cell - 1] = BLANK;
    } else if (col + 1 < width && glyph[cell + 1] == null) {
      glyph[cell + 1] = BLANK;
    }
  }

  Frame toFrame() {
    List<List<Span>> lines = new ArrayList<>(height);
    StringBuilder run = new StringBuilder();
    for (int y = 0; y < height; y++) {
      List<Span> spans = new ArrayList<>();
      Style current = null;
      run.setLength(0);
      for (int x = 0; x < width; x++) {
        int cell = y * width + x;
        if (glyph[cell] == null) continue;
        if (style[cell] != current) {
          if (current != null) spans.add(new Span(run.toString(), current));
          run.setLength(0);
          current = style[cell];
        }
        run.append(glyph[cell]);
      }
      if (current != null) spans.add(new Span(run.toString(), current));
      lines.add(spans);
    }
    return new Frame(width, height, lines);
  }
}
