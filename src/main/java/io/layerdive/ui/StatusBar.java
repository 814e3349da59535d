package io.layerdive.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The bottom line: dive's {@code ▏^C Quit ▏Tab Switch view ▏^F Filter …}: the keys that work
 * everywhere, then those of the focused pane, each with its first key; toggles that are on are
 * drawn {@link Style#STATUS_TOGGLED}. Built from {@link KeyBindings} and {@link Command} labels.
 */
final class StatusBar {
  record Item(String key, String label, boolean toggled) {}

  private StatusBar() {}

  /** The items for a pane; {@code isOn} tells which toggles are on. */
  static List<Item> items(KeyBindings keys, Focus focus, Predicate<Command> isOn) {
    List<Item> items = new ArrayList<>();
    for (Command c : Command.values()) {
      if (c.label() != null && c.isGlobal()) items.add(item(keys, c, isOn));
    }
    for (Command c : Command.values()) {
      if (c.label() != null && !c.isGlobal() && c.panes().contains(focus)) {
        items.add(item(keys, c, isOn));
      }
    }
    return items;
  }

  /** The items while a text line has the keys: what typing does, and how to leave. */
  static List<Item> inputItems(KeyBindings keys, String typing) {
    List<Item> items = new ArrayList<>();
    items.add(new Item(keys.shownKey(Command.QUIT), Command.QUIT.label(), false));
    items.add(new Item("", typing, false));
    items.add(new Item("Enter", "Keep", false));
    items.add(new Item(keys.shownKey(Command.CLOSE), "Close", false));
    items.add(new Item(keys.shownKey(Command.TOGGLE_VIEW), "Tree", false));
    return items;
  }

  private static Item item(KeyBindings keys, Command c, Predicate<Command> isOn) {
    return new Item(keys.shownKey(c), c.label(), isOn.test(c));
  }

  static void draw(Canvas c, int y, int width, List<Item> items, String notice, int diagnostics) {
    c.fill(0, y, width, Style.STATUS_LABEL);
    int col = 0;
    if (notice != null) {
      col += c.put(col, y, width - col, "▏", Style.STATUS_LABEL);
      col += c.put(col, y, width - col, notice + " ", Style.STATUS_TOGGLED);
    }
    for (Item item : items) {
      Style label = item.toggled() ? Style.STATUS_TOGGLED : Style.STATUS_LABEL;
      Style key = item.toggled() ? Style.STATUS_TOGGLED : Style.STATUS_KEY;
      col += c.put(col, y, width - col, "▏", label);
      if (!item.key().isEmpty()) {
        col += c.put(col, y, width - col, item.key(), key);
        col += c.put(col, y, width - col, " ", label);
      }
      col += c.put(col, y, width - col, item.label() + " ", label);
    }
    if (diagnostics > 0) {
      col += c.put(col, y, width - col, "▏", Style.STATUS_LABEL);
      String text = diagnostics + (diagnostics == 1 ? " diagnostic " : " diagnostics ");
      col += c.put(col, y, width - col, text, Style.ERROR);
    }
    c.put(col, y, width - col, "▏", Style.STATUS_LABEL);
  }
}
