package io.layerdive.ui.lanterna;

import io.layerdive.ui.Frame;
import java.util.Optional;

/**
 * What the event loop drives: a model that renders itself and reacts to named keys and to the
 * mouse. Calls come from one thread, the loop's.
 */
public interface ScreenModel {
  /** The whole screen at this size. */
  Frame render(int width, int height);

  /**
   * Reacts to a key named as {@link KeyNames} names it.
   *
   * @return whether the screen may have changed
   */
  boolean key(String keyName);

  /**
   * Reacts to a click or a wheel turn.
   *
   * @return whether the screen may have changed
   */
  boolean pointer(Pointer pointer);

  /**
   * Called when no input came: picks up results computed in the background.
   *
   * @return whether the screen may have changed
   */
  default boolean idle() {
    return false;
  }

  /** Whether the user asked to leave. */
  boolean quitRequested();

  /** Text the user asked to copy to the clipboard since the last call, handed over once. */
  default Optional<String> takeClipboard() {
    return Optional.empty();
  }
}
