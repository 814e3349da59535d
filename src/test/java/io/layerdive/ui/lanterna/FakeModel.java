package io.layerdive.ui.lanterna;

import io.layerdive.ui.Frame;
import io.layerdive.ui.Span;
import io.layerdive.ui.Style;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A small stand-in for the explorer's model: a title, a list of file names with a cursor, two
 * panes that Tab switches between, a status bar; q quits. It records what it was told.
 */
class FakeModel implements ScreenModel {
  static final List<String> NAMES =
      List.of(
          "├── bin",
          "│   ├── bash",
          "│   └── ls",
          "├── etc",
          "│   ├── 設定.conf",
          "│   └── résumé.txt",
          "├── 📦 packages",
          "│   └── data…",
          "└── usr");

  final List<String> keys = new ArrayList<>();
  final List<Pointer> pointers = new ArrayList<>();
  private final Glyphs glyphs = new Glyphs(StandardCharsets.UTF_8);
  int cursor;
  boolean treeFocused;
  private boolean quit;

  @Override
  public Frame render(int width, int height) {
    List<List<Span>> lines = new ArrayList<>();
    lines.add(
        pad(
            width,
            new Span(treeFocused ? "● Current Layer Contents" : "  Current Layer Contents",
                treeFocused ? Style.TITLE_FOCUSED : Style.TITLE)));
    lines.add(pad(width, new Span("Permission  Size  Filetree", Style.HEADER)));
    for (int i = 0; i < NAMES.size() && lines.size() < height - 1; i++) {
      Style style = i == cursor ? Style.SELECTED : styleOf(i);
      lines.add(pad(width, new Span("drwxr-xr-x  1 kB  ", style), new Span(NAMES.get(i), style)));
    }
    while (lines.size() < height - 1) lines.add(List.of());
    lines.add(
        pad(
            width,
            new Span("^C", Style.STATUS_KEY),
            new Span(" Quit ", Style.STATUS_LABEL),
            new Span("Tab", Style.STATUS_KEY),
            new Span(" Switch view ", Style.STATUS_LABEL)));
    return new Frame(width, height, lines.subList(0, height));
  }

  private static Style styleOf(int i) {
    return switch (i % 4) {
      case 1 -> Style.ADDED;
      case 2 -> Style.REMOVED;
      case 3 -> Style.MODIFIED;
      default -> Style.NORMAL;
    };
  }

  /** Spans cut to the width, the last one padded with blanks in its own style. */
  private List<Span> pad(int width, Span... spans) {
    List<Span> out = new ArrayList<>();
    int used = 0;
    for (Span span : spans) {
      StringBuilder text = new StringBuilder();
      int[] room = {width - used};
      glyphs.each(
          span.text(),
          (glyph, w) -> {
            if (w <= room[0]) {
              text.append(glyph);
              room[0] -= w;
            } else {
              room[0] = 0;
            }
          });
      used = width - room[0];
      out.add(new Span(text.toString(), span.style()));
    }
    Span last = out.get(out.size() - 1);
    out.set(out.size() - 1, new Span(last.text() + " ".repeat(width - used), last.style()));
    return out;
  }

  @Override
  public boolean key(String keyName) {
    keys.add(keyName);
    switch (keyName) {
      case "down", "j" -> cursor = Math.min(NAMES.size() - 1, cursor + 1);
      case "up", "k" -> cursor = Math.max(0, cursor - 1);
      case "tab" -> treeFocused = !treeFocused;
      case "q" -> quit = true;
      default -> {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean pointer(Pointer pointer) {
    pointers.add(pointer);
    if (pointer.kind() == Pointer.Kind.CLICK && pointer.row() >= 2) {
      cursor = Math.min(NAMES.size() - 1, pointer.row() - 2);
    }
    return true;
  }

  @Override
  public boolean quitRequested() {
    return quit;
  }
}
