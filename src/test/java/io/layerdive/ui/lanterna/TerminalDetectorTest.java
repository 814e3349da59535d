package io.layerdive.ui.lanterna;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TerminalDetectorTest {
  /** A terminfo database with a few entries, so every row below is deterministic. */
  private static final Terminfo TERMINFO =
      term ->
          Optional.ofNullable(
              Map.of(
                      "xterm", new Terminfo.Entry(true, 8),
                      "screen", new Terminfo.Entry(true, 8),
                      "linux", new Terminfo.Entry(true, 8),
                      "xterm-88color", new Terminfo.Entry(true, 88),
                      "wyse-direct-ish", new Terminfo.Entry(true, 0x1000000),
                      "vt100", new Terminfo.Entry(true, -1),
                      "glass", new Terminfo.Entry(false, -1))
                  .get(term));

  private static final Map<String, String> UTF8 = Map.of("stdout.encoding", "UTF-8");

  static Stream<Arguments> colourAndRefusal() {
    return Stream.of(
        // env, tty, --no-color, expected colours (null = refused), refusal mentions
        row("TERM=xterm-256color", true, false, ColorDepth.COLORS_256, null),
        row("TERM=tmux-256color", true, false, ColorDepth.COLORS_256, null),
        row("TERM=xterm COLORTERM=truecolor", true, false, ColorDepth.COLORS_256, null),
        row("TERM=xterm COLORTERM=24bit", true, false, ColorDepth.COLORS_256, null),
        row("TERM=xterm-direct", true, false, ColorDepth.COLORS_256, null),
        row("TERM=wyse-direct-ish", true, false, ColorDepth.COLORS_256, null),
        row("TERM=xterm", true, false, ColorDepth.COLORS_16, null),
        row("TERM=screen", true, false, ColorDepth.COLORS_16, null),
        row("TERM=linux", true, false, ColorDepth.COLORS_16, null),
        row("TERM=xterm-88color", true, false, ColorDepth.COLORS_16, null),
        row("TERM=vt100", true, false, ColorDepth.NONE, null),
        row("TERM=alacritty", true, false, ColorDepth.COLORS_16, null),
        row("TERM=xterm-256color NO_COLOR=1", true, false, ColorDepth.NONE, null),
        row("TERM=xterm-256color NO_COLOR=", true, false, ColorDepth.COLORS_256, null),
        row("TERM=xterm-256color", true, true, ColorDepth.NONE, null),
        row("TERM=xterm COLORTERM=truecolor NO_COLOR=yes", true, false, ColorDepth.NONE, null),
        row("TERM=xterm-256color", false, false, null, "not a terminal"),
        row("", true, false, null, "TERM is not set"),
        row("TERM=", true, false, null, "TERM is not set"),
        row("TERM=dumb", true, false, null, "TERM=dumb"),
        row("TERM=dumb COLORTERM=truecolor", true, false, null, "TERM=dumb"),
        row("TERM=glass", true, false, null, "cannot move the cursor"),
        row("TERM=hal9000", true, false, null, "unknown terminal type"),
        row("TERM=hal9000 NO_COLOR=1", true, false, null, "unknown terminal type"));
  }

  private static Arguments row(
      String env, boolean tty, boolean noColor, ColorDepth colors, String refusal) {
    return Arguments.of(env, tty, noColor, colors, refusal);
  }

  @ParameterizedTest(name = "[{index}] {0} tty={1} --no-color={2} -> {3} {4}")
  @MethodSource("colourAndRefusal")
  void decidesColoursAndWhetherFullScreenMayStart(
      String env, boolean tty, boolean noColor, ColorDepth colors, String refusal) {
    TerminalCapabilities caps =
        TerminalDetector.decide(env(env), UTF8, tty, noColor, TERMINFO);

    if (refusal == null) {
      assertThat(caps.refusal()).isEmpty();
      assertThat(caps.colors()).isEqualTo(colors);
    } else {
      assertThat(caps.canShowFullScreen()).isFalse();
      assertThat(caps.refusal()).get().asString().contains(refusal);
    }
  }

  static Stream<Arguments> charsets() {
    return Stream.of(
        // env, properties, expected charset
        Arguments.of("LANG=C", "stdout.encoding=UTF-8", "UTF-8"),
        Arguments.of("LANG=en_US.UTF-8", "stdout.encoding=US-ASCII", "US-ASCII"),
        Arguments.of("LANG=en_US.UTF-8", "", "UTF-8"),
        Arguments.of("LANG=C.utf8", "", "UTF-8"),
        Arguments.of("LC_CTYPE=UTF-8", "", "UTF-8"),
        Arguments.of("LC_ALL=C LANG=en_US.UTF-8", "file.encoding=UTF-8", "US-ASCII"),
        Arguments.of("LC_ALL=de_DE.UTF-8@euro LANG=C", "", "UTF-8"),
        Arguments.of("LC_CTYPE=POSIX LANG=en_US.UTF-8", "", "US-ASCII"),
        Arguments.of("LANG=de_DE.ISO-8859-1", "", "ISO-8859-1"),
        Arguments.of("LANG=de_DE.ISO-8859-15@euro", "", "ISO-8859-15"),
        Arguments.of("LANG=xx_XX.NOSUCHCODESET", "", "US-ASCII"),
        Arguments.of("", "native.encoding=ANSI_X3.4-1968 file.encoding=UTF-8", "US-ASCII"),
        Arguments.of("", "sun.stdout.encoding=UTF-8", "UTF-8"),
        Arguments.of("", "file.encoding=UTF-8", "UTF-8"),
        Arguments.of("", "", "US-ASCII"));
  }

  @ParameterizedTest(name = "[{index}] {0} {1} -> {2}")
  @MethodSource("charsets")
  void findsTheCharsetTheTerminalDecodes(String env, String properties, String charset) {
    Map<String, String> environment = env(env);
    environment.put("TERM", "xterm-256color");

    TerminalCapabilities caps =
        TerminalDetector.decide(environment, env(properties), true, false, TERMINFO);

    assertThat(caps.charset().name()).isEqualTo(charset);
    assertThat(caps.unicode()).isEqualTo(charset.equals("UTF-8"));
  }

  @Test
  void aRefusalStillKnowsTheCharsetForThePlainSummary() {
    TerminalCapabilities caps =
        TerminalDetector.decide(env("TERM=dumb LANG=C.UTF-8"), Map.of(), true, false, TERMINFO);

    assertThat(caps.canShowFullScreen()).isFalse();
    assertThat(caps.charset()).isEqualTo(StandardCharsets.UTF_8);
  }

  @Test
  void readsTheTerminfoEntriesJLineBundles() {
    Terminfo bundled = Terminfo.bundled();

    assertThat(bundled.lookup("xterm")).contains(new Terminfo.Entry(true, 8));
    assertThat(bundled.lookup("screen-256color")).contains(new Terminfo.Entry(true, 256));
    assertThat(bundled.lookup("dumb")).hasValueSatisfying(e -> assertThat(e.cursorAddressing()).isFalse());
    assertThat(bundled.lookup("no-such-terminal")).isEmpty();
  }

  @Test
  void withJLinesEntriesRxvtGetsSixteenColours() {
    TerminalCapabilities caps =
        TerminalDetector.decide(env("TERM=rxvt"), UTF8, true, false, Terminfo.bundled());

    assertThat(caps.colors()).isEqualTo(ColorDepth.COLORS_16);
  }

  /** {@code "A=1 B=2"} as a mutable map; an empty value stays empty. */
  private static Map<String, String> env(String spec) {
    Map<String, String> map = new HashMap<>();
    for (String pair : spec.trim().split("\\s+")) {
      if (pair.isEmpty()) continue;
      int eq = pair.indexOf('=');
      map.put(pair.substring(0, eq), pair.substring(eq + 1));
    }
    return map;
  }
}
