package io.layerdive.source.daemon;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A build context's {@code .dockerignore}, matched as the docker CLI matches it: Go's {@code
 * filepath.Match} syntax plus {@code **} for any number of directories, {@code !} to take a path
 * back, the last matching line deciding, and a path excluded when it or a parent directory matches.
 */
final class DockerIgnore {
  private record Rule(Pattern pattern, boolean exclude) {}

  private final List<Rule> rules;

  private DockerIgnore(List<Rule> rules) {
    this.rules = rules;
  }

  static DockerIgnore parse(String text) {
    List<Rule> rules = new ArrayList<>();
    for (String raw : text.split("\r?\n")) {
      String line = raw.trim();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      boolean exclude = true;
      if (line.startsWith("!")) {
        exclude = false;
        line = line.substring(1).trim();
      }
      String cleaned = clean(line);
      if (cleaned.isEmpty()) {
        continue;
      }
      rules.add(new Rule(compile(cleaned), exclude));
    }
    return new DockerIgnore(rules);
  }

  static DockerIgnore none() {
    return new DockerIgnore(List.of());
  }

  /** Whether any line takes paths back: then excluded directories must still be walked. */
  boolean hasExceptions() {
    return rules.stream().anyMatch(r -> !r.exclude());
  }

  /** @param path relative to the context, {@code /}-separated */
  boolean excludes(String path) {
    boolean excluded = false;
    for (Rule rule : rules) {
      if (matchesOrParentMatches(rule.pattern(), path)) {
        excluded = rule.exclude();
      }
    }
    return excluded;
  }

  private static boolean matchesOrParentMatches(Pattern pattern, String path) {
    if (pattern.matcher(path).matches()) {
      return true;
    }
    for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
      if (pattern.matcher(path.substring(0, slash)).matches()) {
        return true;
      }
    }
    return false;
  }

  private static String clean(String pattern) {
    List<String> parts = new ArrayList<>();
    for (String part : pattern.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (!parts.isEmpty()) {
          parts.remove(parts.size() - 1);
        }
        continue;
      }
      parts.add(part);
    }
    return String.join("/", parts);
  }

  static Pattern compile(String glob) {
    StringBuilder re = new StringBuilder();
    int i = 0;
    while (i < glob.length()) {
      char c = glob.charAt(i);
      if (c == '*') {
        if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
          i += 2;
          if (i < glob.length() && glob.charAt(i) == '/') {
            i++;
            re.append("(?:.*/)?");
          } else {
            re.append(".*");
          }
          continue;
        }
        re.append("[^/]*");
      } else if (c == '?') {
        re.append("[^/]");
      } else if (c == '[') {
        int end = glob.indexOf(']', i + 2);
        if (end < 0) {
          re.append("\\[");
        } else {
          String body = glob.substring(i + 1, end);
          if (body.startsWith("^") || body.startsWith("!")) {
            body = "^" + body.substring(1);
          }
          re.append('[').append(body.replace("\\", "\\\\").replace("[", "\\[")).append(']');
          i = end;
        }
      } else if (c == '\\' && i + 1 < glob.length()) {
        re.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
      i++;
    }
    return Pattern.compile(re.toString());
  }
}
