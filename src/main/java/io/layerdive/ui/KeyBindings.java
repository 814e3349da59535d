package io.layerdive.ui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which keys run which {@link Command} in which pane: dive's defaults plus vim keys and our own
 * commands, optionally replaced per command from a small file.
 *
 * <p>A key works in a pane when it is bound to a command of that pane; a command of one pane wins
 * over a command that works everywhere (so {@code left} in the file tree goes to the parent
 * directory, while in the left column it moves between panes).
 */
public final class KeyBindings {
  /** dive configuration names we accept and ignore: the command does not exist here. */
  private static final Set<String> IGNORED = Set.of();

  private static final Map<String, Command> BY_NAME = new LinkedHashMap<>();

  static {
    for (Command c : Command.values()) {
      if (c.configName() != null) BY_NAME.put(c.configName(), c);
    }
  }

  private final Map<Command, List<String>> keys;
  private final Map<String, List<Command>> byKey;

  private KeyBindings(Map<Command, List<String>> keys) {
    this.keys = keys;
    this.byKey = new HashMap<>();
    for (Map.Entry<Command, List<String>> e : keys.entrySet()) {
      for (String key : e.getValue())
        byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(e.getKey());
    }
  }

  public static KeyBindings defaults() {
    Map<Command, List<String>> keys = new EnumMap<>(Command.class);
    for (Command c : Command.values()) {
      if (c.configName() != null) keys.put(c, c.defaultKeys());
    }
    return new KeyBindings(keys);
  }

  /**
   * Reads a key binding file: one {@code action: keys} (or {@code action = keys}) per line, keys
   * comma-separated, {@code #} comments, optionally under a {@code keybinding:} heading as in
   * dive's configuration. Actions not in the file keep their default keys.
   *
   * @throws IllegalArgumentException naming the file and line of the first problem
   */
  public static KeyBindings load(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    return parse(text, String.valueOf(file.getFileName()));
  }

  /** {@link #load} from text; {@code source} names it in messages. */
  public static KeyBindings parse(String text, String source) {
    Map<Command, List<String>> keys = new EnumMap<>(Command.class);
    for (Command c : Command.values()) {
      if (c.configName() != null) keys.put(c, c.defaultKeys());
    }
    Map<Command, Integer> definedAt = new EnumMap<>(Command.class);
    Map<Command, Integer> lineOf = new EnumMap<>(Command.class);
    String[] lines = text.split("\r?\n", -1);
    boolean sawHeading = false;
    for (int i = 0; i < lines.length; i++) {
      int lineNo = i + 1;
      String line = stripComment(lines[i]).strip();
      if (line.isEmpty()) continue;
      int sep = separator(line);
      if (sep < 0) {
        throw problem(source, lineNo, "expected 'action: keys', found '" + line + "'");
      }
      String name = line.substring(0, sep).strip();
      String value = unquote(line.substring(sep + 1).strip());
      if (value.isEmpty() && line.charAt(sep) == ':') {
        if ((name.equals("keybinding") || name.equals("keybindings")) && !sawHeading) {
          sawHeading = true;
          continue;
        }
        if (BY_NAME.containsKey(name) || IGNORED.contains(name)) {
          throw problem(source, lineNo, "no keys given for '" + name + "'");
        }
        throw problem(source, lineNo, "unknown section '" + name + "' (only keybinding: is read)");
      }
      if (IGNORED.contains(name)) continue;
      Command command = BY_NAME.get(name);
      if (command == null) {
        throw problem(
            source,
            lineNo,
            "unknown action '"
                + name
                + "' (known actions: "
                + String.join(", ", BY_NAME.keySet())
                + ")");
      }
      Integer earlier = definedAt.put(command, lineNo);
      if (earlier != null) {
        throw problem(source, lineNo, "'" + name + "' is already given on line " + earlier);
      }
      List<String> parsed = new ArrayList<>();
      for (String part : value.split(",", -1)) {
        if (part.isBlank() && !part.equals(" ")) {
          throw problem(source, lineNo, "empty key in '" + value + "'");
        }
        try {
          String key = KeyName.canonical(part.equals(" ") ? part : part.strip());
          if (!parsed.contains(key)) parsed.add(key);
        } catch (IllegalArgumentException e) {
          throw problem(source, lineNo, e.getMessage());
        }
      }
      keys.put(command, List.copyOf(parsed));
      lineOf.put(command, lineNo);
    }
    checkConflicts(keys, source, lineOf);
    return new KeyBindings(keys);
  }

  private static String stripComment(String line) {
    boolean single = false;
    boolean dbl = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\'' && !dbl) single = !single;
      else if (c == '"' && !single) dbl = !dbl;
      else if (c == '#'
          && !single
          && !dbl
          && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
        return line.substring(0, i);
      }
    }
    return line;
  }

  private static int separator(String line) {
    int colon = line.indexOf(':');
    int equals = line.indexOf('=');
    if (colon < 0) return equals;
    if (equals < 0) return colon;
    return Math.min(colon, equals);
  }

  private static String unquote(String value) {
    if (value.length() >= 2
        && ((value.startsWith("\"") && value.endsWith("\""))
            || (value.startsWith("'") && value.endsWith("'")))) {
      return value.substring(1, value.length() - 1);
    }
    return value;
  }

  private static IllegalArgumentException problem(String source, int line, String message) {
    return new IllegalArgumentException(source + ":" + line + ": " + message);
  }

  /** Two commands may share a key only when one works everywhere and the other in one pane. */
  private static void checkConflicts(
      Map<Command, List<String>> keys, String source, Map<Command, Integer> lineOf) {
    List<Command> commands = new ArrayList<>(keys.keySet());
    for (int i = 0; i < commands.size(); i++) {
      for (int j = i + 1; j < commands.size(); j++) {
        Command a = commands.get(i);
        Command b = commands.get(j);
        if (a.isGlobal() != b.isGlobal()) continue;
        if (a.panes().stream().noneMatch(b.panes()::contains)) continue;
        for (String key : keys.get(a)) {
          if (keys.get(b).contains(key)) {
            int line = Math.max(lineOf.getOrDefault(a, 0), lineOf.getOrDefault(b, 0));
            String where = a.isGlobal() ? "everywhere" : "in the same pane";
            String message =
                "'"
                    + key
                    + "' is bound to both "
                    + a.configName()
                    + " and "
                    + b.configName()
                    + " "
                    + where
                    + "; give one of them another key";
            throw line > 0
                ? problem(source, line, message)
                : new IllegalArgumentException(source + ": " + message);
          }
        }
      }
    }
  }

  /**
   * The action a key runs in a pane, if any. {@code keyName} is a canonical {@link KeyName}; a
   * non-canonical one is parsed first.
   */
  public Optional<Action> action(Focus focus, String keyName) {
    String key;
    try {
      key = KeyName.canonical(keyName);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    List<Command> bound = byKey.get(key);
    if (bound == null) return Optional.empty();
    Command global = null;
    for (Command c : bound) {
      if (!c.panes().contains(focus)) continue;
      if (!c.isGlobal()) return Optional.of(c);
      global = c;
    }
    return Optional.ofNullable(global);
  }

  /** The canonical keys of a command, the one to show first; empty for unbound commands. */
  public List<String> keys(Command command) {
    return keys.getOrDefault(command, List.of());
  }

  /** The first key as the status bar writes it ({@code ^C}), or an empty string. */
  public String shownKey(Command command) {
    List<String> k = keys(command);
    return k.isEmpty() ? "" : KeyName.shown(k.get(0));
  }

  /** Every key of a command as the help window writes them: {@code ^C, q}. */
  public String shownKeys(Command command) {
    return keys(command).stream().map(KeyName::shown).collect(Collectors.joining(", "));
  }
}
