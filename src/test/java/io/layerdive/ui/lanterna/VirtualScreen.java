package io.layerdive.ui.lanterna;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import io.layerdive.ui.Frame;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** A Lanterna screen on a virtual terminal, painted through the real {@link Painter}. */
final class VirtualScreen {
  final DefaultVirtualTerminal terminal;
  final TerminalScreen screen;
  final Painter painter;

  VirtualScreen(int columns, int rows, ColorDepth colors, Charset charset) {
    terminal = new DefaultVirtualTerminal(new TerminalSize(columns, rows));
    painter = new Painter(TerminalCapabilities.fullScreen(colors, charset));
    try {
      screen = new TerminalScreen(terminal);
      screen.startScreen();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  VirtualScreen(int columns, int rows, ColorDepth colors) {
    this(columns, rows, colors, StandardCharsets.UTF_8);
  }

  /** Paints the frame and sends the changes to the virtual terminal. */
  VirtualScreen show(Frame frame) {
    return show(frame, Screen.RefreshType.DELTA);
  }

  VirtualScreen show(Frame frame, Screen.RefreshType refresh) {
    painter.paint(frame, screen);
    try {
      screen.refresh(refresh);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** What the terminal shows, a line per row, trailing blanks dropped. */
  String text() {
    return text(terminal);
  }

  static String text(DefaultVirtualTerminal terminal) {
    TerminalSize size = terminal.getTerminalSize();
    StringBuilder out = new StringBuilder();
    for (int row = 0; row < size.getRows(); row++) {
      StringBuilder line = new StringBuilder();
      for (int column = 0; column < size.getColumns(); column++) {
        TextCharacter cell = terminal.getCharacter(column, row);
        line.append(cell.getCharacterString());
        if (cell.isDoubleWidth()) column++;
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    return out.toString();
  }

  /** The terminal's cell at a column and row; the right half of a wide glyph gives the glyph. */
  TextCharacter cell(int column, int row) {
    return terminal.getCharacter(column, row);
  }

  /** The column where {@code glyph} first appears on the row, counting cells as the terminal does. */
  int columnOf(String glyph, int row) {
    int columns = terminal.getTerminalSize().getColumns();
    for (int column = 0; column < columns; column++) {
      TextCharacter cell = terminal.getCharacter(column, row);
      if (cell.getCharacterString().equals(glyph)) return column;
      if (cell.isDoubleWidth()) column++;
    }
    return -1;
  }
}
