package io.layerdive.ui;

import java.util.Locale;
import java.util.Map;

/**
 * Keys as text, the names a key binding file uses and the terminal layer reports.
 *
 * <p>Canonical names:
 *
 * <ul>
 *   <li>a printable character stands for itself, case kept: {@code q}, {@code G}, {@code ?}, {@code
 *       /}; the space bar is {@code space};
 *   <li>named keys: {@code up down left right pgup pgdn home end tab shift+tab enter esc backspace
 *       delete insert f1 … f19};
 *   <li>modifiers before the key, in the order {@code ctrl+}, {@code alt+}, {@code shift+}: {@code
 *       ctrl+a}, {@code ctrl+space}, {@code ctrl+]}, {@code alt+x}, {@code ctrl+alt+x}, {@code
 *       shift+up}; a letter after {@code ctrl+} is lower case; {@code ctrl+/} (the same byte as
 *       {@code ctrl+_} on a terminal) is {@code ctrl+slash}, as dive names it.
 * </ul>
 *
 * Parsing is lenient about case and a few aliases ({@code PageUp}, {@code Escape}, {@code backtab},
 * {@code Ctrl+A}, {@code shift+g}); {@link #canonical} returns the form above.
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
          Map.entry("enter", "Enter"),
          Map.entry("esc", "Esc"),
          Map.entry("backspace", "Backspace"),
          Map.entry("delete", "Delete"),
          Map.entry("insert", "Insert"),
          Map.entry("space", "Space"),
          Map.entry("slash", "/"));

  private KeyName() {}

  /** The canonical name of a key written by a person; the message quotes bad input. */
  public static String canonical(String text) {
    if (text == null || text.isEmpty()) throw notAKey(text);
    if (text.equals(" ")) return "space";
    String key = text.strip();
    if (isSingleCharacter(key)) return key;
    boolean ctrl = false;
    boolean alt = false;
    boolean shift = false;
    String rest = key;
    while (true) {
      String lower = rest.toLowerCase(Locale.ROOT);
      if (lower.startsWith("ctrl+") && rest.length() > 5) {
        ctrl = true;
        rest = rest.substring(5);
      } else if (lower.startsWith("alt+") && rest.length() > 4) {
        alt = true;
        rest = rest.substring(4);
      } else if (lower.startsWith("shift+") && rest.length() > 6) {
        shift = true;
        rest = rest.substring(6);
      } else {
        break;
      }
    }
    String base = base(rest, ctrl);
    if (base == null) throw notAKey(text);
    if (base.equals("backtab")) {
      base = "tab";
      shift = true;
    }
    if (shift && !ctrl && !alt && isSingleCharacter(base) && !base.equals("space")) {
      // Shift is part of a printable character: shift+g is G.
      return base.toUpperCase(Locale.ROOT);
    }
    if (!ctrl && !alt && !shift && base.equals("slash")) throw notAKey(text);
    StringBuilder out = new StringBuilder();
    if (ctrl) out.append("ctrl+");
    if (alt) out.append("alt+");
    if (shift) out.append("shift+");
    return out.append(base).toString();
  }

  private static String base(String rest, boolean ctrl) {
    if (isSingleCharacter(rest)) {
      if (rest.equals(" ")) return "space";
      if (ctrl && (rest.equals("/") || rest.equals("_"))) return "slash";
      return ctrl ? rest.toLowerCase(Locale.ROOT) : rest;
    }
    String lower = rest.toLowerCase(Locale.ROOT);
    if (lower.equals("slash")) return "slash";
    if (lower.equals("backtab")) return "backtab";
    String named = NAMED.get(lower);
    if (named != null) return named;
    if (lower.matches("f([1-9]|1[0-9])")) return lower;
    return null;
  }

  private static boolean isSingleCharacter(String s) {
    if (s.isEmpty() || s.codePointCount(0, s.length()) != 1) return false;
    return !Character.isISOControl(s.codePointAt(0));
  }

  private static IllegalArgumentException notAKey(String text) {
    return new IllegalArgumentException(
        "not a key: '"
            + text
            + "' (use a character such as q or ?, ctrl+a … ctrl+z, ctrl+space, ctrl+slash, alt+x,"
            + " or up, down, left, right, pgup, pgdn, home, end, tab, shift+tab, enter, esc, space,"
            + " f1 … f19)");
  }

  /** How the status bar and the help window write a key: {@code ^C}, {@code Tab}, {@code q}. */
  public static String shown(String canonical) {
    String rest = canonical;
    StringBuilder out = new StringBuilder();
    if (rest.length() > 1 && rest.startsWith("ctrl+")) {
      out.append('^');
      rest = rest.substring(5);
    }
    if (rest.length() > 1 && rest.startsWith("alt+")) {
      out.append("Alt+");
      rest = rest.substring(4);
    }
    if (rest.length() > 1 && rest.startsWith("shift+")) {
      out.append("Shift+");
      rest = rest.substring(6);
    }
    String named = SHOWN.get(rest);
    if (named != null) return out.append(named).toString();
    if (rest.matches("f([1-9]|1[0-9])"))
      return out.append(rest.toUpperCase(Locale.ROOT)).toString();
    if (canonical.startsWith("ctrl+")) return out.append(rest.toUpperCase(Locale.ROOT)).toString();
    return out.append(rest).toString();
  }

  /** Whether the key types a character into a text line (a printable character or space). */
  static boolean isText(String canonical) {
    return canonical.equals("space") || isSingleCharacter(canonical);
  }

  /** The character a text key types. */
  static String text(String canonical) {
    return canonical.equals("space") ? " " : canonical;
  }
}
