package io.layerdive.ui.lanterna;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.input.DefaultKeyDecodingProfile;
import com.googlecode.lanterna.input.InputDecoder;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.input.MouseAction;
import com.googlecode.lanterna.input.MouseActionType;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class KeyNamesTest {
  /** The key names Lanterna's decoder makes of the bytes a terminal sends. */
  private static List<String> decode(String bytes) throws IOException {
    InputDecoder decoder = new InputDecoder(new StringReader(bytes));
    decoder.addProfile(new DefaultKeyDecodingProfile());
    List<String> names = new ArrayList<>();
    KeyStroke key;
    while ((key = decoder.getNextCharacter(false)) != null && key.getKeyType() != KeyType.EOF) {
      names.add(KeyNames.name(key).orElse("<none>"));
    }
    return names;
  }

  static Stream<Arguments> sequences() {
    return Stream.of(
        Arguments.of("\u0001", "ctrl+a"),
        Arguments.of("\u0003", "ctrl+c"),
        Arguments.of("\u0015", "ctrl+u"),
        Arguments.of("\u001a", "ctrl+z"),
        Arguments.of("\u0000", "ctrl+space"),
        Arguments.of("\u001d", "ctrl+]"),
        Arguments.of("\u001b[5~", "pgup"),
        Arguments.of("\u001b[6~", "pgdn"),
        Arguments.of("\u001b[H", "home"),
        Arguments.of("\u001b[F", "end"),
        Arguments.of("\u001b[A", "up"),
        Arguments.of("\u001b[B", "down"),
        Arguments.of("\u001b[C", "right"),
        Arguments.of("\u001b[D", "left"),
        Arguments.of("\u001b[1;5A", "ctrl+up"),
        Arguments.of("\u001b[1;2B", "shift+down"),
        Arguments.of("\t", "tab"),
        Arguments.of("\u001b[Z", "shift+tab"),
        Arguments.of("\n", "enter"),
        Arguments.of("\u007f", "backspace"),
        Arguments.of("\u001b[3~", "delete"),
        Arguments.of("\u001bOP", "f1"),
        Arguments.of(" ", "space"),
        Arguments.of("q", "q"),
        Arguments.of("?", "?"),
        Arguments.of("J", "J"),
        Arguments.of("/", "/"),
        Arguments.of("\u001bx", "alt+x"),
        // Every control key the default bindings use, as terminals send them.
        Arguments.of("\u0002", "ctrl+b"),
        Arguments.of("\u0005", "ctrl+e"),
        Arguments.of("\u0006", "ctrl+f"),
        Arguments.of("\u000b", "ctrl+k"),
        Arguments.of("\u000c", "ctrl+l"),
        Arguments.of("\u000f", "ctrl+o"),
        Arguments.of("\u0010", "ctrl+p"),
        Arguments.of("\u0012", "ctrl+r"),
        // Ctrl+/ and Ctrl+_ send the same byte; dive's default filter key names it ctrl+slash.
        Arguments.of("\u001f", "ctrl+slash"),
        // Home and End as tmux and screen send them, and in xterm's application cursor mode.
        Arguments.of("\u001b[1~", "home"),
        Arguments.of("\u001b[4~", "end"),
        Arguments.of("\u001bOH", "home"),
        Arguments.of("\u001bOF", "end"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("sequences")
  void namesWhatTheTerminalSends(String bytes, String name) throws IOException {
    assertThat(decode(bytes)).containsExactly(name);
  }

  @Test
  void aLoneEscapeIsEsc() throws IOException {
    assertThat(decode("\u001b")).containsExactly("esc");
  }

  @Test
  void keysThatArriveTogetherStayApart() throws IOException {
    assertThat(decode("jj\u001b[Bq")).containsExactly("j", "j", "down", "q");
  }

  @Test
  void mouseAndEndOfInputHaveNoName() {
    MouseAction click = new MouseAction(MouseActionType.CLICK_DOWN, 1, new TerminalPosition(3, 4));

    assertThat(KeyNames.name(click)).isEmpty();
    assertThat(KeyNames.name(new KeyStroke(KeyType.EOF))).isEmpty();
  }

  @Test
  void clicksAndWheelTurnsBecomePointerEventsAtTheirCell() {
    assertThat(
            Pointer.of(new MouseAction(MouseActionType.CLICK_DOWN, 1, new TerminalPosition(3, 4))))
        .contains(new Pointer(Pointer.Kind.CLICK, 3, 4));
    assertThat(
            Pointer.of(new MouseAction(MouseActionType.SCROLL_UP, 4, new TerminalPosition(0, 9))))
        .contains(new Pointer(Pointer.Kind.WHEEL_UP, 0, 9));
    assertThat(
            Pointer.of(new MouseAction(MouseActionType.SCROLL_DOWN, 5, new TerminalPosition(1, 2))))
        .contains(new Pointer(Pointer.Kind.WHEEL_DOWN, 1, 2));
    assertThat(
            Pointer.of(
                new MouseAction(MouseActionType.CLICK_RELEASE, 0, new TerminalPosition(3, 4))))
        .isEqualTo(Optional.empty());
    assertThat(
            Pointer.of(new MouseAction(MouseActionType.CLICK_DOWN, 3, new TerminalPosition(3, 4))))
        .isEmpty();
  }

  @Test
  void xtermMouseReportsDecodeToPointerEvents() throws IOException {
    // ESC [ M, then button+32, column+33, row+33: a left click at column 10, row 5.
    InputDecoder decoder =
        new InputDecoder(new StringReader("\u001b[M" + (char) 32 + (char) 43 + (char) 38));
    decoder.addProfile(new DefaultKeyDecodingProfile());

    KeyStroke key = decoder.getNextCharacter(false);

    assertThat(key).isInstanceOf(MouseAction.class);
    assertThat(Pointer.of((MouseAction) key)).contains(new Pointer(Pointer.Kind.CLICK, 10, 5));
  }
}
