package io.layerdive.ui.lanterna;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What the terminal the explorer would run on can do.
 *
 * @param refusal why the full-screen explorer must not start (the caller prints the plain summary
 *     and this note instead), or empty when it may start
 * @param colors the colours the theme may use
 * @param charset how characters are encoded for the terminal; box drawing needs UTF-8
 */
public record TerminalCapabilities(Optional<String> refusal, ColorDepth colors, Charset charset) {
  public TerminalCapabilities {
    if (refusal == null || colors == null || charset == null) {
      throw new IllegalArgumentException("terminal capabilities need refusal, colors and charset");
    }
  }

  /** A terminal that can show the explorer. */
  public static TerminalCapabilities fullScreen(ColorDepth colors, Charset charset) {
    return new TerminalCapabilities(Optional.empty(), colors, charset);
  }

  /** A terminal that cannot show the explorer, and why. */
  public static TerminalCapabilities refused(String reason, Charset charset) {
    return new TerminalCapabilities(Optional.of(reason), ColorDepth.NONE, charset);
  }

  public boolean canShowFullScreen() {
    return refusal.isEmpty();
  }

  /** True when box drawing and other non-ASCII glyphs of the UI can be sent as they are. */
  public boolean unicode() {
    return charset.equals(StandardCharsets.UTF_8);
  }
}
