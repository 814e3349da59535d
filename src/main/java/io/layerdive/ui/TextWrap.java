package io.layerdive.ui;

import io.layerdive.text.DisplayWidth;
import java.util.ArrayList;
import java.util.List;

/** Wraps a line of spans to a column width, at a space where there is one, else anywhere. */
final class TextWrap {
  private TextWrap() {}

  static List<List<Span>> wrap(List<Span> line, int width) {
    List<List<Span>> out = new ArrayList<>();
    if (width <= 0) return out;
    // Flatten into code points with their styles, then cut.
    List<int[]> cells = new ArrayList<>();
    List<Style> styles = new ArrayList<>();
    for (Span s : line) {
      String t = s.text();
      for (int i = 0; i < t.length(); ) {
        int cp = t.codePointAt(i);
        i += Character.charCount(cp);
        cells.add(new int[] {cp, Math.max(0, DisplayWidth.of(cp))});
        styles.add(s.style());
      }
    }
    int start = 0;
    int total = cells.size();
    if (total == 0) {
      out.add(List.of());
      return out;
    }
    while (start < total) {
      int col = 0;
      int end = start;
      int lastSpace = -1;
      while (end < total && col + cells.get(end)[1] <= width) {
        if (cells.get(end)[0] == ' ') lastSpace = end;
        col += cells.get(end)[1];
        end++;
      }
      if (end == start) end = start + 1; // a character wider than the pane: take it anyway
      int cut = end;
      if (end < total && cells.get(end)[0] != ' ' && lastSpace > start) {
        // Break at the space unless the word after it would not fit on a line of its own anyway
        // (a digest): then moving it down only wastes a line.
        int wordWidth = 0;
        for (int i = lastSpace + 1; i < total && cells.get(i)[0] != ' '; i++)
          wordWidth += cells.get(i)[1];
        if (wordWidth <= width) cut = lastSpace + 1;
      }
      out.add(spans(cells, styles, start, cut));
      start = cut;
    }
    return out;
  }

  private static List<Span> spans(List<int[]> cells, List<Style> styles, int from, int to) {
    List<Span> spans = new ArrayList<>();
    StringBuilder sb = new StringBuilder();
    Style current = null;
    for (int i = from; i < to; i++) {
      if (styles.get(i) != current && current != null) {
        spans.add(new Span(sb.toString(), current));
        sb.setLength(0);
      }
      current = styles.get(i);
      sb.appendCodePoint(cells.get(i)[0]);
    }
    if (current != null) spans.add(new Span(sb.toString(), current));
    return spans;
  }
}
