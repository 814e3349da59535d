package io.layerdive.ui.lanterna;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.terminal.ansi.UnixTerminal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;

/**
 * Lanterna's Unix terminal with the tty put into raw mode by one {@code stty} call instead of four
 * (each is a process, and they add up at start), and with more keys kept from the tty driver:
 * Ctrl+C, Ctrl+\ and Ctrl+Z arrive as keys instead of signals (the explorer quits on Ctrl+C and
 * suspends itself properly on Ctrl+Z, after restoring the screen), and Ctrl+S/Ctrl+Q no longer
 * freeze the output. The settings saved at start are restored on close, by Lanterna's own shutdown
 * hook, and around a suspension. The size comes from {@code stty size}, asked again only after the
 * terminal signals a resize: Lanterna asks twice while opening the screen, and the second process
 * would delay the first frame. {@code icrnl} stays on: Lanterna decodes Enter from {@code \n} and
 * would hold a lone {@code \r} back as the start of a longer sequence.
 */
final class RawUnixTerminal extends UnixTerminal {
  private static final String[] RAW = {
    "-icanon", "min", "1", "-echo", "-ixon", "-iexten", "intr", "undef", "quit", "undef", "susp",
    "undef"
  };

  /**
   * Made on first use: Lanterna's constructor, which runs before any initialiser here, calls in.
   */
  private TtySize size;

  /** Whether the explorer's own (alternate) screen is showing. Guarded by this. */
  private boolean ownScreen;

  /** Something drawn on the explorer's screen. */
  @FunctionalInterface
  interface Drawing {
    void draw() throws IOException;
  }

  RawUnixTerminal(InputStream input, OutputStream output, Charset charset) throws IOException {
    super(input, output, charset, CtrlCBehaviour.TRAP);
  }

  @Override
  protected void canonicalMode(boolean enabled) throws IOException {
    if (enabled) {
      runSTTYCommand("icanon");
    } else {
      runSTTYCommand(RAW);
    }
  }

  @Override
  protected void keyEchoEnabled(boolean enabled) {
    // Part of the single raw-mode call above; the saved settings bring echo back.
  }

  @Override
  protected void keyStrokeSignalsEnabled(boolean enabled) {
    // Part of the single raw-mode call above; the saved settings bring the signals back.
  }

  /**
   * The size as the tty driver knows it. Lanterna would ask the terminal to report the cursor at
   * (5000, 5000) instead, which waits up to five seconds for terminals that do not answer, and
   * needs every write flushed at once, which would defeat the output buffer that lets a refresh
   * leave in one write.
   */
  @Override
  protected TerminalSize findTerminalSize() throws IOException {
    return size().get(this::askTerminalSize);
  }

  private synchronized TtySize size() {
    if (size == null) size = new TtySize();
    return size;
  }

  @Override
  protected void registerTerminalResizeListener(Runnable onResize) throws IOException {
    super.registerTerminalResizeListener(
        () -> {
          size().stale();
          onResize.run();
        });
  }

  private TerminalSize askTerminalSize() throws IOException {
    String[] rowsColumns = runSTTYCommand("size").trim().split("\\s+");
    if (rowsColumns.length == 2) {
      try {
        int rows = Integer.parseInt(rowsColumns[0]);
        int columns = Integer.parseInt(rowsColumns[1]);
        if (rows > 0 && columns > 0) return new TerminalSize(columns, rows);
      } catch (NumberFormatException e) {
        // Fall through to the conventional size.
      }
    }
    return new TerminalSize(80, 24);
  }

  /**
   * OSC 52: the terminal puts {@code text} on the system clipboard, even over SSH, where it allows
   * programs to. Sent at once, between two frames.
   */
  void setClipboard(String text) throws IOException {
    writeToTerminal(Osc52.set(text));
    flush();
  }

  @Override
  public synchronized void enterPrivateMode() throws IOException {
    super.enterPrivateMode();
    ownScreen = true;
  }

  /**
   * Also called by Lanterna's own shutdown hook, which on a kill runs beside the explorer's loop
   * and its own hook: from here on nothing is drawn, or it would land on the shell's screen.
   */
  @Override
  public synchronized void exitPrivateMode() throws IOException {
    ownScreen = false;
    super.exitPrivateMode();
  }

  /** Draws only while the explorer's screen shows, and never across the switch back. */
  synchronized void onOwnScreen(Drawing drawing) throws IOException {
    if (ownScreen) drawing.draw();
  }

  /** Gives the tty back its settings from before, for a suspension. */
  void cooked() throws IOException {
    restoreTerminalSettings();
  }

  /** Raw mode again, after a suspension; the terminal may have been resized meanwhile. */
  void raw() throws IOException {
    size().stale();
    canonicalMode(false);
  }
}
