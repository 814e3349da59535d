package io.layerdive.ui.lanterna;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * The escape sequence that asks a terminal to set the system clipboard: {@code ESC ] 52 ; c ;
 * BASE64 BEL}. xterm, kitty, iTerm2, WezTerm, Alacritty, foot and Windows Terminal know it; it
 * travels over SSH as any other output does.
 */
final class Osc52 {
  /** Terminals cap the sequence's length; a path never comes near this. */
  static final int MAX_TEXT_BYTES = 8 * 1024;

  private Osc52() {}

  /** The sequence for {@code text}, its UTF-8 bytes cut to {@link #MAX_TEXT_BYTES}. */
  static byte[] set(String text) {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    int length = Math.min(utf8.length, MAX_TEXT_BYTES);
    String payload = Base64.getEncoder().encodeToString(Arrays.copyOf(utf8, length));
    return ("\u001b]52;c;" + payload + "\u0007").getBytes(StandardCharsets.US_ASCII);
  }
}
