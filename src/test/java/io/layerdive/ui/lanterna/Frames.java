package io.layerdive.ui.lanterna;

import io.layerdive.ui.Frame;
import io.layerdive.ui.Span;
import io.layerdive.ui.Style;
import java.util.ArrayList;
import java.util.List;

/** Builds frames for tests, a line at a time. */
final class Frames {
  private final int width;
  private final int height;
  private final List<List<Span>> lines = new ArrayList<>();

  Frames(int width, int height) {
    this.width = width;
    this.height = height;
  }

  /** A line of alternating text and style: {@code line("a", NORMAL, "b", ADDED)}. */
  Frames line(Object... textAndStyle) {
    List<Span> spans = new ArrayList<>();
    for (int i = 0; i < textAndStyle.length; i += 2) {
      spans.add(new Span((String) textAndStyle[i], (Style) textAndStyle[i + 1]));
    }
    lines.add(spans);
    return this;
  }

  Frame build() {
    List<List<Span>> all = new ArrayList<>(lines);
    while (all.size() < height) all.add(List.of());
    return new Frame(width, height, all);
  }
}
