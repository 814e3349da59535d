package io.layerdive.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyBindingsTest {
  private final KeyBindings keys = KeyBindings.defaults();

  @Test
  void diveDefaultsWithVimKeysAndQuit() {
    assertThat(keys.action(Focus.TREE, "ctrl+c")).contains(Command.QUIT);
    assertThat(keys.action(Focus.TREE, "q")).contains(Command.QUIT);
    assertThat(keys.action(Focus.LAYERS, "j")).contains(Command.DOWN);
    assertThat(keys.action(Focus.LAYERS, "k")).contains(Command.UP);
    assertThat(keys.action(Focus.TREE, "g")).contains(Command.FIRST);
    assertThat(keys.action(Focus.TREE, "G")).contains(Command.LAST);
    assertThat(keys.action(Focus.TREE, "/")).contains(Command.FILTER_FILES);
    assertThat(keys.action(Focus.TREE, "ctrl+slash")).contains(Command.FILTER_FILES);
    assertThat(keys.action(Focus.IMAGE_DETAILS, "?")).contains(Command.HELP);
    assertThat(keys.action(Focus.TREE, "esc")).contains(Command.CLOSE);
  }

  @Test
  void theSameKeyDoesWhatTheFocusedPaneSays() {
    assertThat(keys.action(Focus.LAYERS, "ctrl+a")).contains(Command.COMPARE_ALL);
    assertThat(keys.action(Focus.TREE, "ctrl+a")).contains(Command.TOGGLE_ADDED_FILES);
    assertThat(keys.action(Focus.LAYER_DETAILS, "ctrl+a")).isEmpty();
    assertThat(keys.action(Focus.LAYERS, "space")).isEmpty();
    assertThat(keys.action(Focus.TREE, "space")).contains(Command.TOGGLE_COLLAPSE_DIR);
  }

  @Test
  void modifiedFilesHaveAKeyThatTerminalsDeliver() {
    // Ctrl+M arrives as Enter; Ctrl+K is the key that works, and the one the status bar shows.
    assertThat(keys.action(Focus.TREE, "ctrl+k")).contains(Command.TOGGLE_MODIFIED_FILES);
    assertThat(keys.action(Focus.TREE, "ctrl+m")).contains(Command.TOGGLE_MODIFIED_FILES);
    assertThat(keys.shownKey(Command.TOGGLE_MODIFIED_FILES)).isEqualTo("^K");
  }

  @Test
  void keyNamesAreLenientButCanonical() {
    assertThat(KeyName.canonical("Ctrl+A")).isEqualTo("ctrl+a");
    assertThat(KeyName.canonical("PageUp")).isEqualTo("pgup");
    assertThat(KeyName.canonical("ctrl+/")).isEqualTo("ctrl+slash");
    assertThat(KeyName.canonical("G")).isEqualTo("G");
    assertThat(KeyName.canonical(" ")).isEqualTo("space");
    assertThat(KeyName.canonical("F12")).isEqualTo("f12");
    assertThat(KeyName.canonical("backtab")).isEqualTo("shift+tab");
    assertThat(KeyName.canonical("shift+g")).isEqualTo("G");
    assertThat(KeyName.canonical("Alt+Ctrl+X")).isEqualTo("ctrl+alt+x");
    assertThat(KeyName.canonical("ctrl+_")).isEqualTo("ctrl+slash");
    assertThat(KeyName.canonical("ctrl+]")).isEqualTo("ctrl+]");
    assertThat(KeyName.canonical("+")).isEqualTo("+");
    assertThat(KeyName.shown("ctrl+alt+x")).isEqualTo("^Alt+X");
    assertThat(KeyName.shown("shift+tab")).isEqualTo("Shift+Tab");
    assertThat(keys.action(Focus.TREE, "Ctrl+A")).contains(Command.TOGGLE_ADDED_FILES);
    assertThat(keys.action(Focus.TREE, "ctrl+shift+x")).isEmpty();
    assertThatThrownBy(() -> KeyName.canonical("ctrl+banana"))
        .hasMessageStartingWith("not a key: 'ctrl+banana'");
  }

  @Test
  void shownKeysAsTheStatusBarWritesThem() {
    assertThat(keys.shownKey(Command.QUIT)).isEqualTo("^C");
    assertThat(keys.shownKey(Command.TOGGLE_VIEW)).isEqualTo("Tab");
    assertThat(keys.shownKey(Command.TOGGLE_COLLAPSE_ALL_DIR)).isEqualTo("^Space");
    assertThat(keys.shownKeys(Command.FILTER_FILES)).isEqualTo("^F, ^/, /");
    assertThat(keys.shownKeys(Command.PAGE_UP)).isEqualTo("PgUp, u");
  }

  @Test
  void fileReplacesTheKeysOfTheActionsItNames(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("keys.yaml");
    Files.writeString(
        file,
        """
        # my keys
        keybinding:
          quit: ctrl+q          # not ctrl+c
          toggle-added-files: "ctrl+n, F2"
          page-down = pgdn
          extract-file: ctrl+e
        """);
    KeyBindings loaded = KeyBindings.load(file);
    assertThat(loaded.action(Focus.TREE, "ctrl+q")).contains(Command.QUIT);
    assertThat(loaded.action(Focus.TREE, "ctrl+c")).isEmpty();
    assertThat(loaded.action(Focus.TREE, "q")).isEmpty();
    assertThat(loaded.action(Focus.TREE, "f2")).contains(Command.TOGGLE_ADDED_FILES);
    assertThat(loaded.action(Focus.TREE, "ctrl+a")).isEmpty();
    assertThat(loaded.action(Focus.LAYERS, "ctrl+a")).contains(Command.COMPARE_ALL);
    assertThat(loaded.action(Focus.TREE, "d")).isEmpty();
    assertThat(loaded.action(Focus.TREE, "j")).contains(Command.DOWN);
  }

  @Test
  void problemsNameTheFileAndLine() {
    assertThatThrownBy(() -> KeyBindings.parse("quit: q\ntoggle-foo: x\n", "keys.yaml"))
        .hasMessageStartingWith("keys.yaml:2: unknown action 'toggle-foo' (known actions: quit,");
    assertThatThrownBy(() -> KeyBindings.parse("quit: hyper+q", "keys.yaml"))
        .hasMessageStartingWith("keys.yaml:1: not a key: 'hyper+q'");
    assertThatThrownBy(() -> KeyBindings.parse("quit\n", "keys.yaml"))
        .hasMessage("keys.yaml:1: expected 'action: keys', found 'quit'");
    assertThatThrownBy(() -> KeyBindings.parse("quit: q\nquit: x", "keys.yaml"))
        .hasMessage("keys.yaml:2: 'quit' is already given on line 1");
    assertThatThrownBy(() -> KeyBindings.parse("quit:\n", "keys.yaml"))
        .hasMessage("keys.yaml:1: no keys given for 'quit'");
    assertThatThrownBy(() -> KeyBindings.parse("filetree:\n", "keys.yaml"))
        .hasMessage("keys.yaml:1: unknown section 'filetree' (only keybinding: is read)");
  }

  @Test
  void twoCommandsOfOnePaneCannotShareAKey() {
    assertThatThrownBy(() -> KeyBindings.parse("\n\ntoggle-removed-files: ctrl+a\n", "keys.yaml"))
        .hasMessage(
            "keys.yaml:3: 'ctrl+a' is bound to both toggle-added-files and toggle-removed-files"
                + " in the same pane; give one of them another key");
    // A pane's own key may shadow a key that works everywhere, as dive's left and right do.
    KeyBindings shadowing = KeyBindings.parse("toggle-added-files: q", "keys.yaml");
    assertThat(shadowing.action(Focus.TREE, "q")).contains(Command.TOGGLE_ADDED_FILES);
    assertThat(shadowing.action(Focus.LAYERS, "q")).contains(Command.QUIT);
  }

  @Test
  void everyConfigurableCommandHasADefaultKey() {
    for (Command c : Command.values()) {
      if (c.configName() != null) assertThat(keys.keys(c)).as(c.configName()).isNotEmpty();
    }
    assertThat(Optional.ofNullable(Command.INPUT_ACCEPT.configName())).isEmpty();
  }
}
