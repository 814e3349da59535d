package io.layerdive.ui.lanterna;

import java.util.Optional;

/**
 * How an explorer session ended. The terminal is always restored by the time this is returned.
 *
 * @param failure the exception for {@link Ending#LOAD_FAILED}, {@link Ending#FAILED} and {@link
 *     Ending#NOT_STARTED}; its message is ready for the user
 * @param strayOutput what was printed to {@code System.out} or {@code System.err} while the screen
 *     was up (kept off the screen); empty when nothing was
 */
public record ExplorerResult(Ending ending, Optional<Throwable> failure, String strayOutput) {
  public enum Ending {
    /** The user quit the explorer: q, Ctrl+C, or the end of input. */
    QUIT,
    /** The user left while the image was loading: Esc, q or Ctrl+C. The loader was interrupted. */
    CANCELLED,
    /** The loader failed; the image was not shown. */
    LOAD_FAILED,
    /** The explorer itself failed: a terminal error, or a model that threw. */
    FAILED,
    /** The terminal could not be taken over; nothing was shown and the loader was interrupted. */
    NOT_STARTED
  }

  static ExplorerResult of(Ending ending, String strayOutput) {
    return new ExplorerResult(ending, Optional.empty(), strayOutput);
  }

  static ExplorerResult failed(Ending ending, Throwable failure, String strayOutput) {
    return new ExplorerResult(ending, Optional.of(failure), strayOutput);
  }
}
