package io.layerdive.ui.lanterna;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.ExtendedTerminal;
import com.googlecode.lanterna.terminal.MouseCaptureMode;
import com.googlecode.lanterna.terminal.Terminal;
import io.layerdive.ui.Frame;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.Charset;

/**
 * The terminal while the explorer owns it: alternate screen, hidden cursor, raw keys, mouse
 * reports, and the standard streams captured. {@link #close} gives all of it back, exactly once,
 * whichever comes first: the explorer leaving, or the JVM shutting down on a signal (SIGTERM, or a
 * SIGINT sent from outside), whose hook also replays what was captured onto the real stderr.
 * Drawing and closing exclude each other, so nothing is drawn over the shell once it is restored.
 */
final class TerminalSession implements AutoCloseable {
  /** Opens the terminal the session runs on. */
  @FunctionalInterface
  interface TerminalOpener {
    Terminal open(Charset charset) throws IOException;
  }

  private final Terminal terminal;
  private final TerminalScreen screen;
  private final Painter painter;
  private final boolean captureStreams;
  private final Thread shutdownHook;
  private StreamCapture capture;
  private boolean closed;
  private String captured = "";

  private TerminalSession(
      Terminal terminal, TerminalScreen screen, Painter painter, boolean captureStreams) {
    this.terminal = terminal;
    this.screen = screen;
    this.painter = painter;
    this.captureStreams = captureStreams;
    this.shutdownHook = new Thread(this::closeOnShutdown, "layerdive-terminal-restore");
  }

  static TerminalSession open(
      TerminalOpener opener,
      TerminalCapabilities capabilities,
      boolean mouse,
      boolean captureStreams)
      throws IOException {
    Terminal terminal = opener.open(capabilities.charset());
    TerminalSession session = null;
    try {
      if (mouse && terminal instanceof ExtendedTerminal extended) {
        extended.setMouseCaptureMode(MouseCaptureMode.CLICK_RELEASE);
      }
      TerminalScreen screen = new TerminalScreen(terminal);
      session = new TerminalSession(terminal, screen, new Painter(capabilities), captureStreams);
      Runtime.getRuntime().addShutdownHook(session.shutdownHook);
      screen.startScreen();
      screen.setCursorPosition(null);
      session.startCapture(capabilities.charset());
      return session;
    } catch (IOException | RuntimeException e) {
      try {
        if (session != null) {
          session.close();
        } else {
          terminal.close();
        }
      } catch (IOException | RuntimeException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  private void startCapture(Charset charset) {
    if (captureStreams) capture = StreamCapture.start(charset);
  }

  /** The next key or mouse event, or null when none is waiting. */
  KeyStroke poll() throws IOException {
    return screen.pollInput();
  }

  /** The new size if the terminal was resized since the last call, else null. */
  synchronized TerminalSize resizeIfNecessary() {
    return closed ? null : screen.doResizeIfNecessary();
  }

  synchronized TerminalSize size() {
    return screen.getTerminalSize();
  }

  /**
   * Shows the frame: only changed cells are sent, unless {@code complete} (after a resize or a
   * suspension) redraws everything.
   */
  synchronized void draw(Frame frame, boolean complete) throws IOException {
    if (closed) return;
    RawUnixTerminal.Drawing drawing =
        () -> {
          painter.paint(frame, screen);
          screen.refresh(complete ? Screen.RefreshType.COMPLETE : Screen.RefreshType.DELTA);
        };
    if (terminal instanceof RawUnixTerminal raw) {
      raw.onOwnScreen(drawing);
    } else {
      drawing.draw();
    }
  }

  /**
   * Asks the terminal to put {@code text} on the system clipboard (OSC 52). Terminals that do not
   * know the sequence ignore it; tmux passes it on with {@code set-clipboard on}.
   */
  synchronized void copyToClipboard(String text) {
    if (closed || !(terminal instanceof RawUnixTerminal raw)) return;
    try {
      raw.setClipboard(text);
    } catch (IOException e) {
      // The terminal went away; the next draw finds out too.
    }
  }

  /**
   * Ctrl+Z: gives the shell its screen and tty modes back, stops the process as the tty driver
   * would have, and takes the terminal again when the shell resumes it. The caller redraws
   * completely afterwards.
   */
  synchronized void suspend() throws IOException {
    if (closed || !(terminal instanceof RawUnixTerminal raw)) return;
    screen.stopScreen(false);
    raw.cooked();
    raiseStop();
    raw.raw();
    screen.startScreen();
    screen.setCursorPosition(null);
  }

  private static void raiseStop() {
    // What the tty driver does on Ctrl+Z: SIGTSTP to the whole foreground process group. The JVM
    // cannot raise a signal it has no handler for, so a shell does it; it returns once resumed.
    try {
      Process kill =
          new ProcessBuilder("sh", "-c", "kill -s TSTP 0")
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      kill.waitFor();
    } catch (IOException e) {
      // No shell to stop us: carry on in the foreground.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Restores the terminal and the standard streams; returns what was captured meanwhile. */
  synchronized String restore() {
    if (closed) return captured;
    closed = true;
    try {
      screen.stopScreen(false);
    } catch (IOException | RuntimeException ignored) {
      // The terminal went away; closing below still restores the tty modes where it can.
    }
    try {
      terminal.close();
    } catch (IOException | RuntimeException ignored) {
      // As above: nothing more can be done for a terminal that is gone.
    }
    if (capture != null) captured = capture.stop();
    return captured;
  }

  @Override
  public void close() {
    restore();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // The hook is running or about to; it finds the session closed.
    }
  }

  private void closeOnShutdown() {
    PrintStream err = capture != null ? capture.originalErr() : null;
    boolean wasOpen;
    synchronized (this) {
      wasOpen = !closed;
    }
    String text = restore();
    if (wasOpen && err != null && !text.isEmpty()) {
      err.print(text);
      err.flush();
    }
  }
}
