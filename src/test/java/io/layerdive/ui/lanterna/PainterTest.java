package io.layerdive.ui.lanterna;

import static io.layerdive.ui.Style.ADDED;
import static io.layerdive.ui.Style.BORDER;
import static io.layerdive.ui.Style.COMPARE_BOTTOM;
import static io.layerdive.ui.Style.COMPARE_TOP;
import static io.layerdive.ui.Style.DIM;
import static io.layerdive.ui.Style.MODIFIED;
import static io.layerdive.ui.Style.NORMAL;
import static io.layerdive.ui.Style.REMOVED;
import static io.layerdive.ui.Style.SELECTED;
import static io.layerdive.ui.Style.STATUS_KEY;
import static io.layerdive.ui.Style.STATUS_LABEL;
import static io.layerdive.ui.Style.TITLE_FOCUSED;
import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.TextColor.ANSI;
import com.googlecode.lanterna.screen.Screen;
import io.layerdive.ui.Frame;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jline.utils.WCWidth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

class PainterTest {
  private static final int WIDTH = 48;
  private static final int HEIGHT = 10;

  /** A screen in the explorer's shape: two titled panes, tree lines, change kinds, status bar. */
  private static Frame explorerLike(int selectedRow) {
    Frames f = new Frames(WIDTH, HEIGHT);
    f.line("┃ ● Layers ┣━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━", TITLE_FOCUSED);
    f.line(" ", NORMAL, "  ", COMPARE_BOTTOM, " 5.6 MB  FROM debian", NORMAL);
    f.line(" ", NORMAL, "  ", COMPARE_TOP, " 12 kB   RUN apt-get update", NORMAL);
    f.line("│ Current Layer Contents ├─────────────────────", BORDER);
    String[] names = {"├── bin", "│   └── ls", "├── etc", "└── usr"};
    var styles = List.of(ADDED, REMOVED, MODIFIED, NORMAL);
    for (int i = 0; i < names.length; i++) {
      String text = String.format("%-" + (WIDTH - 1) + "s", "drwxr-xr-x  " + names[i]);
      f.line(" ", NORMAL, text, i == selectedRow ? SELECTED : styles.get(i));
    }
    f.line("wasted: ", DIM, "3.2 MB", io.layerdive.ui.Style.WASTED);
    f.line("^C", STATUS_KEY, " Quit ", STATUS_LABEL, "Tab", STATUS_KEY, " Switch ", STATUS_LABEL);
    return f.build();
  }

  private static void assertCell(
      VirtualScreen s, int column, int row, TextColor fg, TextColor bg, SGR... attributes) {
    TextCharacter cell = s.cell(column, row);
    assertThat(cell.getForegroundColor()).as("foreground at %d,%d", column, row).isEqualTo(fg);
    assertThat(cell.getBackgroundColor()).as("background at %d,%d", column, row).isEqualTo(bg);
    assertThat(cell.getModifiers()).as("attributes at %d,%d", column, row).containsExactlyInAnyOrder(attributes);
  }

  @Test
  void colours256(TestInfo test) {
    VirtualScreen s = new VirtualScreen(WIDTH, HEIGHT, ColorDepth.COLORS_256).show(explorerLike(1));

    ScreenGolden.assertMatches(getClass(), "explorer", s.text());
    assertCell(s, 0, 0, new TextColor.Indexed(213), ANSI.DEFAULT, SGR.BOLD);
    assertCell(s, 1, 1, ANSI.DEFAULT, ANSI.GREEN);
    assertCell(s, 1, 2, ANSI.DEFAULT, ANSI.MAGENTA);
    assertCell(s, 0, 3, new TextColor.Indexed(240), ANSI.DEFAULT);
    assertCell(s, 1, 4, ANSI.GREEN, ANSI.DEFAULT);
    assertCell(s, 5, 5, ANSI.DEFAULT, ANSI.DEFAULT, SGR.REVERSE, SGR.BOLD);
    assertCell(s, WIDTH - 1, 5, ANSI.DEFAULT, ANSI.DEFAULT, SGR.REVERSE, SGR.BOLD);
    assertCell(s, 1, 6, ANSI.YELLOW, ANSI.DEFAULT);
    assertCell(s, 9, 8, new TextColor.Indexed(208), ANSI.DEFAULT, SGR.BOLD);
    assertCell(s, 0, 9, ANSI.DEFAULT, ANSI.DEFAULT, SGR.REVERSE, SGR.BOLD);
    assertCell(s, 3, 9, ANSI.DEFAULT, ANSI.DEFAULT, SGR.REVERSE);
    assertCell(s, WIDTH - 1, 9, ANSI.DEFAULT, ANSI.DEFAULT);
  }

  @Test
  void colours16() {
    VirtualScreen s = new VirtualScreen(WIDTH, HEIGHT, ColorDepth.COLORS_16).show(explorerLike(1));

    ScreenGolden.assertMatches(getClass(), "explorer", s.text());
    assertCell(s, 0, 0, ANSI.MAGENTA_BRIGHT, ANSI.DEFAULT, SGR.BOLD);
    assertCell(s, 1, 1, ANSI.DEFAULT, ANSI.GREEN);
    assertCell(s, 1, 4, ANSI.GREEN, ANSI.DEFAULT);
    assertCell(s, 5, 5, ANSI.DEFAULT, ANSI.DEFAULT, SGR.REVERSE, SGR.BOLD);
    assertCell(s, 1, 6, ANSI.YELLOW, ANSI.DEFAULT);
    assertCell(s, 0, 8, ANSI.BLACK_BRIGHT, ANSI.DEFAULT);
  }

  @Test
  void noColour() {
    VirtualScreen s = new VirtualScreen(WIDTH, HEIGHT, ColorDepth.NONE).show(explorerLike(2));

    ScreenGolden.assertMatches(getClass(), "explorer-no-colour", s.text());
    assertCell(s, 1, 1, ANSI.DEFAULT, ANSI.DEFAULT, SGR.UNDERLINE);
    assertCell(s, 1, 2, ANSI.DEFAULT, ANSI.DEFAULT, SGR.REVERSE);
    assertCell(s, 1, 4, ANSI.DEFAULT, ANSI.DEFAULT, SGR.BOLD);
    assertCell(s, 1, 5, ANSI.DEFAULT, ANSI.DEFAULT, SGR.CROSSED_OUT);
    assertCell(s, 1, 6, ANSI.DEFAULT, ANSI.DEFAULT, SGR.REVERSE, SGR.BOLD);
    assertCell(s, 1, 7, ANSI.DEFAULT, ANSI.DEFAULT);
  }

  @Test
  void asciiWhenTheTerminalIsNotUtf8() {
    VirtualScreen utf8 = new VirtualScreen(WIDTH, HEIGHT, ColorDepth.COLORS_16).show(explorerLike(1));
    VirtualScreen ascii =
        new VirtualScreen(WIDTH, HEIGHT, ColorDepth.COLORS_16, StandardCharsets.US_ASCII)
            .show(explorerLike(1));

    ScreenGolden.assertMatches(getClass(), "explorer-ascii", ascii.text());
    assertThat(ascii.text().chars()).allMatch(c -> c < 0x80);
    // Same columns: the status bar's second key starts where it did with box drawing.
    assertThat(ascii.columnOf("T", 9)).isEqualTo(utf8.columnOf("T", 9));
  }

  @Test
  void wideCharactersKeepTheColumnsAligned() {
    List<String> names =
        List.of("plain.txt", "設定.conf", "résumé.txt", "re\u0301sume\u0301", "📦 box",
            "☕ cup", "\uD835\uDC00 math", "👨\u200D👩 family", "한국어");
    Glyphs glyphs = new Glyphs(StandardCharsets.UTF_8);
    Frames f = new Frames(30, names.size());
    for (String name : names) {
      String padded = name + " ".repeat(Math.max(0, 16 - glyphs.width(name)));
      f.line(padded, NORMAL, "│", BORDER, "size", NORMAL);
    }

    VirtualScreen s = new VirtualScreen(30, names.size(), ColorDepth.COLORS_256).show(f.build());

    ScreenGolden.assertMatches(getClass(), "wide", s.text());
    for (int row = 0; row < names.size(); row++) {
      // Where Lanterna put the separator…
      assertThat(s.columnOf("│", row)).as("row %d: %s", row, names.get(row)).isEqualTo(16);
      // …is where a terminal that measures by wcwidth puts it too.
      int terminalColumns = 0;
      for (int column = 0; column < 16; column++) {
        TextCharacter cell = s.cell(column, row);
        terminalColumns +=
            cell.getCharacterString().codePoints().map(cp -> Math.max(0, WCWidth.wcwidth(cp))).sum();
        if (cell.isDoubleWidth()) column++;
      }
      assertThat(terminalColumns).as("row %d: %s", row, names.get(row)).isEqualTo(16);
    }
  }

  @Test
  void aWideGlyphThatWouldStraddleTheRightEdgeBecomesABlank() {
    Frame frame = new Frames(5, 1).line("abcd設", NORMAL).build();

    VirtualScreen s = new VirtualScreen(5, 1, ColorDepth.COLORS_256).show(frame);

    assertThat(s.text()).isEqualTo("abcd\n");
    assertThat(s.cell(4, 0).getCharacterString()).isEqualTo(" ");
  }

  @Test
  void theScreenShowsExactlyTheFrameWhateverWasThereBefore() {
    VirtualScreen s = new VirtualScreen(12, 3, ColorDepth.COLORS_256);
    s.show(new Frames(12, 3).line("a long line that does not fit", SELECTED).line("設定設定設定", NORMAL).build());

    s.show(new Frames(12, 3).line("short", NORMAL).line("x設", NORMAL).build());

    assertThat(s.text()).isEqualTo("short\nx設\n\n");
    assertCell(s, 7, 0, ANSI.DEFAULT, ANSI.DEFAULT);
  }

  @Test
  void aResizeRedrawsEverythingAtTheNewSize() {
    VirtualScreen s = new VirtualScreen(WIDTH, HEIGHT, ColorDepth.COLORS_256).show(explorerLike(0));

    s.terminal.setTerminalSize(new TerminalSize(30, 6));
    TerminalSize size = s.screen.doResizeIfNecessary();
    Frames f = new Frames(size.getColumns(), size.getRows());
    f.line("┃ ● Layers ┣━━━━━━━━━━━━━━━━━━━", TITLE_FOCUSED).line(" 30 x 6", NORMAL);
    s.show(f.build(), Screen.RefreshType.COMPLETE);

    assertThat(size).isEqualTo(new TerminalSize(30, 6));
    ScreenGolden.assertMatches(getClass(), "resized", s.text());
  }

  @Test
  void moveTheSelectionAndOnlyTheTwoRowsThatChangedAreSent() {
    VirtualScreen s = new VirtualScreen(WIDTH, HEIGHT, ColorDepth.COLORS_256).show(explorerLike(0));
    s.terminal.getAndResetDirtyCells();
    s.terminal.isWholeBufferDirtyThenReset();

    s.show(explorerLike(1));

    assertThat(s.terminal.isWholeBufferDirtyThenReset()).isFalse();
    TreeSet<TerminalPosition> dirty = s.terminal.getAndResetDirtyCells();
    Set<Integer> rows = dirty.stream().map(TerminalPosition::getRow).collect(Collectors.toSet());
    assertThat(rows).containsExactlyInAnyOrder(4, 5);
  }

  @Test
  void anUnchangedFrameSendsNothing() {
    VirtualScreen s = new VirtualScreen(WIDTH, HEIGHT, ColorDepth.COLORS_256).show(explorerLike(0));
    s.terminal.getAndResetDirtyCells();

    s.show(explorerLike(0));

    assertThat(s.terminal.getAndResetDirtyCells()).isEmpty();
  }
}
