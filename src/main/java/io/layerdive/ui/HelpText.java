package io.layerdive.ui;

import io.layerdive.text.DisplayWidth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Predicate;

/** The help window's lines, generated from the key bindings: every command with its keys. */
final class HelpText {
  private HelpText() {}

  static List<List<Span>> lines(KeyBindings keys) {
    int keyWidth = 0;
    for (Command c : Command.values()) {
      if (c.configName() != null) keyWidth = Math.max(keyWidth, DisplayWidth.of(keys.shownKeys(c)));
    }
    keyWidth = Math.min(keyWidth, 24) + 2;
    List<List<Span>> out = new ArrayList<>();
    section(out, keys, keyWidth, "Everywhere", Command::isGlobal);
    section(out, keys, keyWidth, "Layer list", c -> c.panes().equals(EnumSet.of(Focus.LAYERS)));
    section(out, keys, keyWidth, "File tree", c -> !c.isGlobal() && c.panes().contains(Focus.TREE));
    out.add(List.of(new Span("Path filter and find lines", Style.HEADER)));
    out.add(entry(keyWidth, "(type)", "Edit the text; the tree follows as you type"));
    out.add(entry(keyWidth, "Backspace", Command.INPUT_BACKSPACE.description()));
    out.add(entry(keyWidth, "Enter", Command.INPUT_ACCEPT.description()));
    out.add(entry(keyWidth, keys.shownKeys(Command.CLOSE), Command.CLOSE.description()));
    out.add(List.of(new Span(" ", Style.NORMAL)));
    out.add(List.of(new Span("Mouse, where the terminal reports it", Style.HEADER)));
    out.add(
        entry(keyWidth, "click", "Select a layer or a row; on the selected directory, fold it"));
    out.add(entry(keyWidth, "wheel", "Move through the pane under the pointer"));
    out.add(List.of(new Span(" ", Style.NORMAL)));
    // The one place a user who never read the README learns that keys can be changed, and how.
    out.add(List.of(new Span("Changing the keys", Style.HEADER)));
    // Short lines: the window is as wide as its longest line, and at 80 columns nothing wraps.
    for (String line :
        List.of(
            "  In keys.yaml, in $XDG_CONFIG_HOME/layerdive (else ~/.config/layerdive):",
            "  one line per action, its name from the brackets above, a colon and its",
            "  keys, e.g. \"quit: ctrl+c,x\". Actions not listed keep their keys.")) {
      out.add(List.of(new Span(line, Style.NORMAL)));
    }
    return out;
  }

  private static void section(
      List<List<Span>> out,
      KeyBindings keys,
      int keyWidth,
      String title,
      Predicate<Command> which) {
    out.add(List.of(new Span(title, Style.HEADER)));
    for (Command c : Command.values()) {
      if (c.configName() == null || !which.test(c)) continue;
      out.add(entry(keyWidth, keys.shownKeys(c), c.description() + "  (" + c.configName() + ")"));
    }
    out.add(List.of(new Span(" ", Style.NORMAL)));
  }

  private static List<Span> entry(int keyWidth, String key, String text) {
    return List.of(
        new Span("  " + DisplayWidth.fit(key, keyWidth), Style.STATUS_KEY),
        new Span(text, Style.NORMAL));
  }
}
