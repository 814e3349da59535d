package io.layerdive.ui.lanterna;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.util.Optional;

/**
 * Names a key stroke the way key bindings spell keys: {@code q}, {@code ?}, {@code J} for printable
 * characters; {@code space}, {@code enter}, {@code tab}, {@code shift+tab}, {@code esc}, {@code
 * backspace}, {@code delete}, {@code insert}; {@code up}, {@code down}, {@code left}, {@code
 * right}, {@code home}, {@code end}, {@code pgup}, {@code pgdn}; {@code f1}…{@code f19}; control
 * keys as {@code ctrl+a}, {@code ctrl+space}, {@code ctrl+]}; other modifiers as {@code alt+x},
 * {@code ctrl+alt+x}, {@code shift+up}. Mouse, cursor reports and end of input have no name.
 */
public final class KeyNames {
  private KeyNames() {}

  public static Optional<String> name(KeyStroke key) {
    if (key == null) return Optional.empty();
    String base = base(key);
    if (base == null) return Optional.empty();
    StringBuilder name = new StringBuilder();
    if (key.isCtrlDown()) name.append("ctrl+");
    if (key.isAltDown()) name.append("alt+");
    // Shift is part of the character itself (J, ?), and shift+tab has a key type of its own.
    if (key.isShiftDown()
        && key.getKeyType() != KeyType.Character
        && key.getKeyType() != KeyType.ReverseTab) {
      name.append("shift+");
    }
    // Ctrl+/ and Ctrl+_ are one byte (0x1f), which Lanterna reports as ctrl+_; the canonical name
    // is dive's ctrl+slash.
    if (key.isCtrlDown() && (base.equals("_") || base.equals("/"))) base = "slash";
    return Optional.of(name.append(base).toString());
  }

  private static String base(KeyStroke key) {
    return switch (key.getKeyType()) {
      case Character -> {
        char c = key.getCharacter();
        yield c == ' ' ? "space" : String.valueOf(c);
      }
      case Escape -> "esc";
      case Backspace -> "backspace";
      case ArrowLeft -> "left";
      case ArrowRight -> "right";
      case ArrowUp -> "up";
      case ArrowDown -> "down";
      case Insert -> "insert";
      case Delete -> "delete";
      case Home -> "home";
      case End -> "end";
      case PageUp -> "pgup";
      case PageDown -> "pgdn";
      case Tab -> "tab";
      case ReverseTab -> "shift+tab";
      case Enter -> "enter";
      case F1 -> "f1";
      case F2 -> "f2";
      case F3 -> "f3";
      case F4 -> "f4";
      case F5 -> "f5";
      case F6 -> "f6";
      case F7 -> "f7";
      case F8 -> "f8";
      case F9 -> "f9";
      case F10 -> "f10";
      case F11 -> "f11";
      case F12 -> "f12";
      case F13 -> "f13";
      case F14 -> "f14";
      case F15 -> "f15";
      case F16 -> "f16";
      case F17 -> "f17";
      case F18 -> "f18";
      case F19 -> "f19";
      default -> null;
    };
  }
}
