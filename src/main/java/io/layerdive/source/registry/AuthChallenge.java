package io.layerdive.source.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One challenge of a {@code WWW-Authenticate} header, e.g. {@code Bearer
 * realm="https://auth.example.com/token",service="registry.example.com"}.
 *
 * @param scheme lower case: {@code basic}, {@code bearer}, …
 * @param params parameter names in lower case, values unquoted
 */
record AuthChallenge(String scheme, Map<String, String> params) {
  AuthChallenge {
    params = Map.copyOf(params);
  }

  boolean isBearer() {
    return scheme.equals("bearer");
  }

  boolean isBasic() {
    return scheme.equals("basic");
  }

  String param(String name) {
    return params.getOrDefault(name, "");
  }

  /** The challenge to answer among the headers' values: Bearer before Basic; empty if neither. */
  static Optional<AuthChallenge> choose(List<String> headerValues) {
    List<AuthChallenge> all = new ArrayList<>();
    for (String value : headerValues) all.addAll(parse(value));
    return all.stream()
        .filter(AuthChallenge::isBearer)
        .findFirst()
        .or(() -> all.stream().filter(AuthChallenge::isBasic).findFirst());
  }

  /** Parses every challenge in one header value (RFC 7235 §4.1), tolerating sloppy spacing. */
  static List<AuthChallenge> parse(String header) {
    List<AuthChallenge> out = new ArrayList<>();
    Cursor c = new Cursor(header == null ? "" : header);
    while (true) {
      c.skip(", \t");
      String scheme = c.token();
      if (scheme.isEmpty()) break;
      Map<String, String> params = new LinkedHashMap<>();
      while (true) {
        c.skip(" \t");
        int mark = c.pos;
        String name = c.token();
        c.skip(" \t");
        if (name.isEmpty() || !c.take('=')) {
          c.pos = mark; // the next challenge's scheme, or the end
          break;
        }
        c.skip(" \t");
        params.put(name.toLowerCase(Locale.ROOT), c.peek() == '"' ? c.quoted() : c.token());
        c.skip(" \t");
        if (!c.take(',')) break;
      }
      out.add(new AuthChallenge(scheme.toLowerCase(Locale.ROOT), params));
    }
    return out;
  }

  private static final class Cursor {
    final String s;
    int pos;

    Cursor(String s) {
      this.s = s;
    }

    char peek() {
      return pos < s.length() ? s.charAt(pos) : 0;
    }

    boolean take(char ch) {
      if (peek() == ch) {
        pos++;
        return true;
      }
      return false;
    }

    void skip(String chars) {
      while (pos < s.length() && chars.indexOf(s.charAt(pos)) >= 0) pos++;
    }

    String token() {
      int start = pos;
      while (pos < s.length() && "=,\" \t".indexOf(s.charAt(pos)) < 0) pos++;
      return s.substring(start, pos);
    }

    String quoted() {
      StringBuilder sb = new StringBuilder();
      pos++; // opening quote
      while (pos < s.length() && s.charAt(pos) != '"') {
        char ch = s.charAt(pos++);
        if (ch == '\\' && pos < s.length()) ch = s.charAt(pos++);
        sb.append(ch);
      }
      pos++; // closing quote
      return sb.toString();
    }
  }
}
