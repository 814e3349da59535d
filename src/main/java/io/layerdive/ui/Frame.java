package io.layerdive.ui;

import java.util.List;

/**
 * One whole screen: exactly {@code height} lines, each a list of spans whose display width adds up
 * to at most {@code width} columns, plus where the terminal cursor should be (or none).
 */
public record Frame(int width, int height, List<List<Span>> lines) {
  public Frame {
    lines = lines.stream().map(List::copyOf).toList();
    if (lines.size() != height) {
      throw new IllegalArgumentException("frame of height " + height + " has " + lines.size() + " lines");
    }
  }

  /** The text of every line, styles dropped, trailing blanks kept: for golden files. */
  public String text() {
    StringBuilder sb = new StringBuilder();
    for (List<Span> line : lines) {
      for (Span span : line) sb.append(span.text());
      sb.append('\n');
    }
    return sb.toString();
  }
}
