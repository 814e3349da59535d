package io.layerdive.ui;

import java.util.Locale;
import java.util.Map;

/**
 * Keys as text, the names a key binding file uses and the terminal layer reports.
 *
 * <p>Canonical names:
 *
 * <ul>
 *   <li>a printable character stands for itself, case kept: {@code q}, {@code G}, {@code ?},
 *       {@code /}; the space bar is {@code space};
 *   <li>control keys: {@code ctrl+a} … {@code ctrl+z}, {@code ctrl+space}, {@code ctrl+slash};
 *   <li>named keys: {@code up down left right pgup pgdn home end tab backtab enter esc backspace
 *       delete insert f1 … f12}.
 * </ul>
 *
 * Parsing is lenient about case and a few aliases ({@code PageUp}, {@code Escape}, {@code
 * Ctrl+A}, {@code ctrl+/}); {@link #canonical} returns the form above.
 */
public final class KeyName {
  private static final Map<String, String> NAMED =
      Map.ofEntries(
          Map.entry("up", "up"),
          Map.entry("down", "down"),
          Map.entry("left", "left"),
          Map.entry("right", "right"),
          Map.entry("pgup", "pgup"),
          Map.entry("pageup", "pgup"),
          Map.entry("pgdn", "pgdn"),
          Map.entry("pgdown", "pgdn"),
          Map.entry("pagedown", "pgdn"),
          Map.entry("home", "home"),
          Map.entry("end", "end"),
          Map.entry("tab", "tab"),
          Map.entry("backtab", "backtab"),
          Map.entry("enter", "enter"),
          Map.entry("return", "enter"),
          Map.entry("esc", "esc"),
          Map.entry("escape", "esc"),
          Map.entry("backspace", "backspace"),
          Map.entry("delete", "delete"),
          Map.entry("del", "delete"),
          Map.entry("insert", "insert"),
          Map.entry("space", "space"));

  private static final Map<String, String> SHOWN =
      Map.ofEntries(
          Map.entry("up", "↑"),
          Map.entry("down", "↓"),
          Map.entry("left", "←"),
          Map.entry("right", "→"),
          Map.entry("pgup", "PgUp"),
          Map.entry("pgdn", "PgDn"),
          Map.entry("home", "Home"),
          Map.entry("end", "End"),
          Map.entry("tab", "Tab"),
          Map.entry("backtab", "Shift+Tab"),
          Map.entry("enter", "Enter"),
          Map.entry("esc", "Esc"),
          Map.entry("backspace", "Backspace"),
          Map.entry("delete", "Delete"),
          Map.entry("insert", "Insert"),
          Map.entry("space", "Space"));

  private KeyName() {}

  /** The canonical name of a key written by a person; the message quotes bad input. */
  public static String canonical(String text) {
    String key = text == null ? "" : text.strip();
    if (key.isEmpty() && text != null && text.equals(" ")) return "space";
    if (key.codePointCount(0, key.length()) == 1) {
      int cp = key.codePointAt(0);
      if (!Character.isISOControl(cp)) return key;
    }
    String lower = key.toLowerCase(Locale.ROOT);
    if (lower.startsWith("ctrl+") && lower.length() > 5) {
      String rest = lower.substring(5);
      if (rest.length() == 1 && rest.charAt(0) >= 'a' && rest.charAt(0) <= 'z') return lower;
      if (rest.equals("space")) return "ctrl+space";
      if (rest.equals("slash") || rest.equals("/")) return "ctrl+slash";
    }
    String named = NAMED.get(lower);
    if (named != null) return named;
    if (lower.matches("f([1-9]|1[0-2])")) return lower;
    throw new IllegalArgumentException(
        "not a key: '"
            + text
            + "' (use a character such as q or ?, ctrl+a … ctrl+z, ctrl+space, ctrl+slash,"
            + " or up, down, left, right, pgup, pgdn, home, end, tab, enter, esc, space, f1 … f12)");
  }

  /** How the status bar and the help window write a key: {@code ^C}, {@code Tab}, {@code q}. */
  public static String shown(String canonical) {
    if (canonical.startsWith("ctrl+")) {
      String rest = canonical.substring(5);
      return switch (rest) {
        case "space" -> "^Space";
        case "slash" -> "^/";
        default -> "^" + rest.toUpperCase(Locale.ROOT);
      };
    }
    String named = SHOWN.get(canonical);
    if (named != null) return named;
    if (canonical.matches("f([1-9]|1[0-2])")) return canonical.toUpperCase(Locale.ROOT);
    return canonical;
  }

  /** Whether the key types a character into a text line (a printable character or space). */
  static boolean isText(String canonical) {
    return canonical.equals("space") || canonical.codePointCount(0, canonical.length()) == 1;
  }

  /** The character a text key types. */
  static String text(String canonical) {
    return canonical.equals("space") ? " " : canonical;
  }
}
