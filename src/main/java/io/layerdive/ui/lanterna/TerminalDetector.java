package io.layerdive.ui.lanterna;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Decides what the terminal can do. Lanterna never reads {@code TERM} and always speaks xterm, so
 * the decision is made here, from the environment, the JVM's properties and terminfo; {@link
 * #decide} is a pure function of those so that every row of the table can be tested.
 *
 * <p>Full screen is refused when no terminal shows the output and sends the keys (see {@link
 * ControllingTerminal}), when {@code TERM} is unset or {@code dumb}, when terminfo says the
 * terminal cannot address the cursor, and when the type is neither in terminfo nor a family known
 * to speak xterm's sequences. Colours: {@code --no-color} or a non-empty {@code NO_COLOR} turn them
 * off; {@code COLORTERM=truecolor|24bit} or a {@code TERM} naming 256 or direct colour give 256;
 * otherwise terminfo's {@code colors} (at least 256 gives 256, at least 8 gives 16, fewer gives
 * none); a known family without terminfo gets 16. The output charset comes from {@code
 * stdout.encoding}, else the locale variables ({@code LC_ALL}, {@code LC_CTYPE}, {@code LANG},
 * first set wins), else {@code native.encoding}, {@code sun.stdout.encoding} and {@code
 * file.encoding}; anything but UTF-8 means ASCII glyphs.
 */
public final class TerminalDetector {
  /** Terminal families that speak enough of xterm's sequences when terminfo has no entry. */
  private static final List<String> XTERM_LIKE =
      List.of(
          "xterm",
          "screen",
          "tmux",
          "rxvt",
          "linux",
          "alacritty",
          "kitty",
          "foot",
          "wezterm",
          "konsole",
          "gnome",
          "vte",
          "st-",
          "putty",
          "eterm-color",
          "ansi",
          "cygwin",
          "iterm",
          "ms-terminal",
          "contour",
          "ghostty",
          "mintty");

  private TerminalDetector() {}

  /** The capabilities of this process's terminal, asking the system's terminfo when needed. */
  public static TerminalCapabilities detect(boolean noColorFlag) {
    return decide(
        System.getenv(),
        propertiesOfThisJvm(),
        ControllingTerminal.available(),
        noColorFlag,
        Terminfo.system());
  }

  /**
   * The decision itself.
   *
   * @param env environment variables
   * @param properties the JVM's system properties that matter (encodings)
   * @param tty whether a terminal shows the output and sends keys (see {@link ControllingTerminal})
   * @param noColorFlag whether the user asked for no colour on the command line
   */
  public static TerminalCapabilities decide(
      Map<String, String> env,
      Map<String, String> properties,
      boolean tty,
      boolean noColorFlag,
      Terminfo terminfo) {
    Charset charset = outputCharset(env, properties);
    if (!tty) {
      return TerminalCapabilities.refused(
          "standard output is not a terminal, or no terminal sends keys, so the explorer cannot"
              + " start",
          charset);
    }
    String term = env.getOrDefault("TERM", "").trim();
    if (term.isEmpty()) {
      return TerminalCapabilities.refused(
          "TERM is not set, so the terminal type is unknown; set it (e.g. TERM=xterm-256color)"
              + " to use the explorer",
          charset);
    }
    if (term.equals("dumb")) {
      return TerminalCapabilities.refused(
          "TERM=dumb cannot show the full-screen explorer", charset);
    }
    ColorDepth terminalColors;
    String colorTerm = env.getOrDefault("COLORTERM", "").toLowerCase(Locale.ROOT);
    String termLower = term.toLowerCase(Locale.ROOT);
    if (colorTerm.equals("truecolor")
        || colorTerm.equals("24bit")
        || termLower.contains("256col")
        || termLower.endsWith("-direct")
        || termLower.contains("truecolor")) {
      terminalColors = ColorDepth.COLORS_256;
    } else {
      Optional<Terminfo.Entry> entry = terminfo.lookup(term);
      if (entry.isPresent()) {
        if (!entry.get().cursorAddressing()) {
          return TerminalCapabilities.refused(
              "TERM=" + term + " cannot move the cursor, so the explorer cannot start", charset);
        }
        terminalColors = depthOf(entry.get().maxColors());
      } else if (XTERM_LIKE.stream().anyMatch(termLower::startsWith)) {
        terminalColors = ColorDepth.COLORS_16;
      } else {
        return TerminalCapabilities.refused(
            "TERM="
                + term
                + " is an unknown terminal type (no terminfo entry); set TERM=xterm-256color if"
                + " the terminal is xterm-compatible",
            charset);
      }
    }
    boolean noColor = noColorFlag || !env.getOrDefault("NO_COLOR", "").isEmpty();
    return TerminalCapabilities.fullScreen(noColor ? ColorDepth.NONE : terminalColors, charset);
  }

  private static ColorDepth depthOf(int maxColors) {
    if (maxColors >= 256) return ColorDepth.COLORS_256;
    if (maxColors >= 8) return ColorDepth.COLORS_16;
    return ColorDepth.NONE;
  }

  /** The charset the terminal decodes our output with. */
  static Charset outputCharset(Map<String, String> env, Map<String, String> properties) {
    Optional<Charset> stdout = charsetNamed(properties.get("stdout.encoding"));
    if (stdout.isPresent()) return stdout.get();
    for (String variable : List.of("LC_ALL", "LC_CTYPE", "LANG")) {
      String locale = env.getOrDefault(variable, "");
      if (!locale.isEmpty()) return charsetOfLocale(locale);
    }
    for (String property : List.of("native.encoding", "sun.stdout.encoding", "file.encoding")) {
      Optional<Charset> charset = charsetNamed(properties.get(property));
      if (charset.isPresent()) return charset.get();
    }
    return StandardCharsets.US_ASCII;
  }

  /** {@code de_DE.UTF-8@euro} → UTF-8; {@code C}, {@code POSIX} → ASCII; unknown codesets too. */
  private static Charset charsetOfLocale(String locale) {
    String lower = locale.toLowerCase(Locale.ROOT);
    if (lower.contains("utf-8") || lower.contains("utf8")) return StandardCharsets.UTF_8;
    int dot = locale.indexOf('.');
    if (dot < 0) return StandardCharsets.US_ASCII;
    int at = locale.indexOf('@', dot);
    String codeset = locale.substring(dot + 1, at < 0 ? locale.length() : at);
    return charsetNamed(codeset).orElse(StandardCharsets.US_ASCII);
  }

  private static Optional<Charset> charsetNamed(String name) {
    if (name == null || name.isBlank()) return Optional.empty();
    try {
      return Charset.isSupported(name) ? Optional.of(Charset.forName(name)) : Optional.empty();
    } catch (IllegalCharsetNameException e) {
      return Optional.empty();
    }
  }

  private static Map<String, String> propertiesOfThisJvm() {
    Map<String, String> properties = new java.util.HashMap<>();
    for (String key :
        List.of("stdout.encoding", "native.encoding", "sun.stdout.encoding", "file.encoding")) {
      String value = System.getProperty(key);
      if (value != null) properties.put(key, value);
    }
    return properties;
  }
}
