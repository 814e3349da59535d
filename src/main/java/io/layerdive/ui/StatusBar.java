package io.layerdive.ui;

import io.layerdive.text.DisplayWidth;
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

  /**
   * Draws the items that fit whole, in order: an item cut in the middle ({@code ▏^Sp}) reads as a
   * key that does not exist, so the line ends after the last whole one. The diagnostics count is
   * kept at the end whatever the width.
   */
  static void draw(Canvas c, int y, int width, List<Item> items, String notice, int diagnostics) {
    c.fill(0, y, width, Style.STATUS_LABEL);
    String diagnosticsText =
        diagnostics <= 0 ? "" : diagnostics + (diagnostics == 1 ? " diagnostic " : " diagnostics ");
    int reserved = 1 + (diagnosticsText.isEmpty() ? 0 : 1 + DisplayWidth.of(diagnosticsText));
    int col = 0;
    if (notice != null) {
      col += c.put(col, y, width - col, "▏", Style.STATUS_LABEL);
      col += c.put(col, y, width - col, notice + " ", Style.STATUS_TOGGLED);
    }
    for (Item item : items) {
      int itemWidth =
          1
              + (item.key().isEmpty() ? 0 : DisplayWidth.of(item.key()) + 1)
              + DisplayWidth.of(item.label())
              + 1;
      if (col + itemWidth > width - reserved) break;
      Style label = item.toggled() ? Style.STATUS_TOGGLED : Style.STATUS_LABEL;
      Style key = item.toggled() ? Style.STATUS_TOGGLED : Style.STATUS_KEY;
      col += c.put(col, y, width - col, "▏", label);
      if (!item.key().isEmpty()) {
        col += c.put(col, y, width - col, item.key(), key);
        col += c.put(col, y, width - col, " ", label);
      }
      col += c.put(col, y, width - col, item.label() + " ", label);
    }
    if (!diagnosticsText.isEmpty()) {
      col += c.put(col, y, width - col, "▏", Style.STATUS_LABEL);
      col += c.put(col, y, width - col, diagnosticsText, Style.ERROR);
    }
    c.put(col, y, width - col, "▏", Style.STATUS_LABEL);
  }
}
