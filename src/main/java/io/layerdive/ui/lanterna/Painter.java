package io.layerdive.ui.lanterna;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.screen.Screen;
import io.layerdive.ui.Frame;
import io.layerdive.ui.Span;
import io.layerdive.ui.Style;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts a {@link Frame} into a screen's back buffer, cell by cell: styles through the {@link Theme},
 * text through {@link Glyphs} so that wide characters fill two cells and non-UTF-8 terminals get
 * ASCII. Every cell of the screen is written (lines shorter than the screen are padded with plain
 * blanks, longer ones clipped), so what is on the screen is exactly the frame. The caller refreshes,
 * and Lanterna then sends only the cells that changed.
 */
public final class Painter {
  private static final int MAX_CACHED_GLYPHS = 4096;
  private final Theme theme;
  private final Glyphs glyphs;
  private final Map<Style, TextCharacter[]> asciiCells = new EnumMap<>(Style.class);
  private final Map<Style, Map<String, TextCharacter>> otherCells = new EnumMap<>(Style.class);

  public Painter(TerminalCapabilities capabilities) {
    this(Theme.forDepth(capabilities.colors()), capabilities.charset());
  }

  Painter(Theme theme, java.nio.charset.Charset charset) {
    this.theme = theme;
    this.glyphs = new Glyphs(charset);
  }

  /** Writes the frame into the screen's back buffer and hides the cursor; does not refresh. */
  public void paint(Frame frame, Screen screen) {
    TerminalSize size = screen.getTerminalSize();
    int columns = size.getColumns();
    int rows = size.getRows();
    List<List<Span>> lines = frame.lines();
    for (int row = 0; row < rows; row++) {
      List<Span> line = row < lines.size() ? lines.get(row) : List.of();
      paintLine(line, row, columns, screen);
    }
    screen.setCursorPosition(null);
  }

  private void paintLine(List<Span> line, int row, int columns, Screen screen) {
    int[] column = {0};
    for (Span span : line) {
      if (column[0] >= columns) break;
      Style style = span.style();
      String text = span.text();
      if (Glyphs.isPlainAscii(text)) {
        TextCharacter[] cells = asciiCells.computeIfAbsent(style, this::asciiRow);
        for (int i = 0; i < text.length() && column[0] < columns; i++) {
          screen.setCharacter(column[0]++, row, cells[text.charAt(i)]);
        }
        continue;
      }
      glyphs.each(
          text,
          (glyph, width) -> {
            int at = column[0];
            if (at >= columns) return;
            if (at + width > columns) {
              // A wide glyph in the last column would wrap on the terminal: a blank instead.
              screen.setCharacter(at, row, cell(style, " "));
            } else {
              screen.setCharacter(at, row, cell(style, glyph));
            }
            column[0] = at + width;
          });
    }
    TextCharacter blank = asciiCells.computeIfAbsent(Style.NORMAL, this::asciiRow)[' '];
    for (int c = column[0]; c < columns; c++) screen.setCharacter(c, row, blank);
  }

  private TextCharacter[] asciiRow(Style style) {
    CellStyle look = theme.style(style);
    TextCharacter[] row = new TextCharacter[0x7f];
    for (char c = 0x20; c < 0x7f; c++) row[c] = make(String.valueOf(c), look);
    return row;
  }

  private TextCharacter cell(Style style, String glyph) {
    Map<String, TextCharacter> cells = otherCells.computeIfAbsent(style, s -> new HashMap<>());
    if (cells.size() > MAX_CACHED_GLYPHS) cells.clear();
    return cells.computeIfAbsent(glyph, g -> make(g, theme.style(style)));
  }

  private static TextCharacter make(String glyph, CellStyle look) {
    return TextCharacter.fromString(
        glyph, look.foreground(), look.background(), look.attributeSet())[0];
  }
}
