package io.layerdive.tree;

import java.util.Comparator;

/**
 * Orders names by Unicode code point, which is the byte order of their UTF-8 encoding: the order
 * dive (Go's {@code sort.Strings}) lists a directory in. {@link String#compareTo} differs for
 * characters beyond the Basic Multilingual Plane.
 */
final class NameOrder implements Comparator<String> {
  static final NameOrder INSTANCE = new NameOrder();

  private NameOrder() {}

  @Override
  public int compare(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      char x = a.charAt(i);
      char y = b.charAt(i);
      if (x != y) {
        boolean xs = Character.isSurrogate(x);
        boolean ys = Character.isSurrogate(y);
        if (xs == ys) return x - y;
        return xs ? (y >= 0xE000 ? 1 : x - y) : (x >= 0xE000 ? -1 : x - y);
      }
    }
    return a.length() - b.length();
  }
}
