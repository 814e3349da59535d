package io.layerdive.ui;

import io.layerdive.tree.PathTrie;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which paths of an image a filter pattern finds, as a bit per trie node: node ids are the same in
 * every layer's tree, so one computation serves every layer, hidden kind and collapse state.
 *
 * <p>A path matches as dive's does: an unanchored search in the absolute path ({@code /etc/passwd})
 * whose first match is not empty. A pattern without regular expression syntax and without {@code /}
 * is a plain substring: a path contains it exactly when one of its names does, so each name is
 * searched once and the answer inherited by everything below. Other patterns are searched in each
 * path, built incrementally in one buffer; nothing is allocated per node.
 */
final class PathFilter {
  private static final String SYNTAX = "\\^$.|?*+()[]{}";
  private static final int CHECK_EVERY = 1 << 12;

  private PathFilter() {}

  /**
   * The matching nodes as a bit set ({@code bits[n >>> 6] & 1L << n}), or null when {@code
   * cancelled} turned true before the end.
   */
  static long[] match(PathTrie trie, Pattern pattern, BooleanSupplier cancelled) {
    String literal = literalOf(pattern.pattern());
    if (literal != null && !literal.isEmpty() && literal.indexOf('/') < 0 && pattern.flags() == 0) {
      return matchNames(trie, literal, cancelled);
    }
    return matchPaths(trie, pattern, cancelled);
  }

  /** The pattern's text when it has no regular expression syntax, else null. */
  static String literalOf(String regex) {
    for (int i = 0; i < regex.length(); i++) {
      if (SYNTAX.indexOf(regex.charAt(i)) >= 0) return null;
    }
    return regex;
  }

  private static long[] matchNames(PathTrie trie, String literal, BooleanSupplier cancelled) {
    int n = trie.size();
    long[] bits = new long[(n + 63) >>> 6];
    for (int node = 1; node < n; node++) {
      if ((node & (CHECK_EVERY - 1)) == 0 && cancelled.getAsBoolean()) return null;
      int parent = trie.parent(node);
      boolean hit = (bits[parent >>> 6] & (1L << parent)) != 0 || trie.name(node).contains(literal);
      if (hit) bits[node >>> 6] |= 1L << node;
    }
    return bits;
  }

  private static long[] matchPaths(PathTrie trie, Pattern pattern, BooleanSupplier cancelled) {
    int n = trie.size();
    long[] bits = new long[(n + 63) >>> 6];
    StringBuilder path = new StringBuilder(256);
    int[] lengthAtDepth = new int[64];
    Matcher matcher = pattern.matcher(path);
    for (int node = 1; node < n; node++) {
      if ((node & (CHECK_EVERY - 1)) == 0 && cancelled.getAsBoolean()) return null;
      int depth = trie.depth(node);
      if (depth >= lengthAtDepth.length) {
        lengthAtDepth = java.util.Arrays.copyOf(lengthAtDepth, depth * 2);
      }
      // Pre-order: the parent's path is still in the buffer, up to its length.
      path.setLength(lengthAtDepth[depth - 1]);
      path.append('/').append(trie.name(node));
      lengthAtDepth[depth] = path.length();
      matcher.reset(path);
      if (matcher.find() && matcher.end() > matcher.start()) bits[node >>> 6] |= 1L << node;
    }
    return bits;
  }
}
