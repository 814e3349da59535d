package io.layerdive.ui.lanterna;

import com.googlecode.lanterna.TerminalSize;
import java.io.IOException;

/**
 * The terminal's size, asked once and then only again after a resize was signalled: asking runs a
 * process. Marked stale from the signal handler's thread, read under the terminal's lock.
 */
final class TtySize {
  /** Asks the tty for its size. */
  @FunctionalInterface
  interface Asker {
    TerminalSize ask() throws IOException;
  }

  private volatile boolean stale = true;
  private TerminalSize known;

  /** The size known, or a fresh one from {@code asker} when there is none or it is stale. */
  synchronized TerminalSize get(Asker asker) throws IOException {
    if (stale || known == null) {
      // Cleared before asking: a resize signalled while the process runs makes the next call ask
      // again.
      stale = false;
      try {
        known = asker.ask();
      } catch (IOException | RuntimeException e) {
        stale = true;
        throw e;
      }
    }
    return known;
  }

  /** A resize was signalled: the next {@link #get} asks again. */
  void stale() {
    stale = true;
  }
}
