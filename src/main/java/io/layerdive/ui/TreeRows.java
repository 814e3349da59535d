package io.layerdive.ui;

import io.layerdive.tree.ChangeKind;
import io.layerdive.tree.FileTree;
import io.layerdive.tree.PathTrie;
import java.util.Arrays;
import java.util.BitSet;

/**
 * The rows the file tree pane shows for one tree and one set of view settings, computed in two
 * plain loops over the trie's arrays: children before parents to decide what is visible (dive's
 * rule: a node shows when its change kind is not hidden and its path matches the filter, or when
 * any child shows), then in display order to list the rows, skipping hidden and collapsed
 * subtrees. Immutable; can be built on any thread.
 *
 * <p>As in dive, when anything is hidden a directory's size counts only the visible nodes below
 * it, and the last visible child of a directory is the one drawn with {@code └─}.
 */
final class TreeRows {
  enum Order {
    BY_NAME,
    BY_SIZE
  }

  /** What decides the rows besides the tree. Arrays are read, never kept. */
  record Settings(
      BitSet collapsed, boolean[] hiddenKinds, long[] filterMatch, Order order) {}

  private final FileTree tree;
  private final int[] rows;
  private final boolean[] visible;
  private final boolean[] last;
  private final boolean[] visibleChild;
  private final long[] sizes;

  private TreeRows(
      FileTree tree, int[] rows, boolean[] visible, boolean[] last, boolean[] visibleChild, long[] sizes) {
    this.tree = tree;
    this.rows = rows;
    this.visible = visible;
    this.last = last;
    this.visibleChild = visibleChild;
    this.sizes = sizes;
  }

  static TreeRows empty() {
    return new TreeRows(null, new int[0], new boolean[0], new boolean[0], new boolean[0], null);
  }

  static TreeRows build(FileTree tree, Settings settings) {
    PathTrie trie = tree.trie();
    int n = trie.size();
    boolean[] hidden = settings.hiddenKinds();
    long[] match = settings.filterMatch();
    boolean filtering = match != null || hidden[0] || hidden[1] || hidden[2] || hidden[3];
    boolean[] visible = new boolean[n];
    boolean[] last = new boolean[n];
    boolean[] visibleChild = new boolean[n];
    // dive sums own sizes over the visible subtree, leaving out each removed descendant unless the
    // directory itself is removed: one sum over everything, one over what is not removed.
    long[] all = filtering ? new long[n] : null;
    long[] kept = filtering ? new long[n] : null;
    int count = 0;

    // Children before parents: the first visible child met walking backwards is the last one.
    for (int node = n - 1; node > 0; node--) {
      if (!tree.isPresent(node)) continue;
      boolean shows;
      boolean removed = false;
      if (filtering) {
        ChangeKind kind = tree.kind(node);
        removed = kind == ChangeKind.REMOVED;
        shows =
            visibleChild[node]
                || (!hidden[kind.ordinal()]
                    && (match == null || (match[node >>> 6] & (1L << node)) != 0));
      } else {
        shows = true;
      }
      if (!shows) continue;
      visible[node] = true;
      count++;
      int parent = trie.parent(node);
      if (!visibleChild[parent]) {
        visibleChild[parent] = true;
        last[node] = true;
      }
      if (all != null) {
        long own = tree.ownSize(node);
        all[node] += own;
        if (!removed) kept[node] += own;
        all[parent] += all[node];
        kept[parent] += kept[node];
      }
    }
    long[] sizes = null;
    if (all != null) {
      // Reuse `all` for the shown size: a removed node shows everything, others what is kept.
      for (int node = 1; node < n; node++) {
        if (visible[node] && tree.kind(node) != ChangeKind.REMOVED) all[node] = kept[node];
      }
      sizes = all;
    }
    int[] rows = new int[count];
    int r;
    if (settings.order() == Order.BY_SIZE) {
      r = listBySize(tree, trie, settings.collapsed(), visible, visibleChild, last, sizes, rows);
    } else {
      r = 0;
      BitSet collapsed = settings.collapsed();
      for (int node = 1; node < n; ) {
        if (!visible[node]) {
          node = trie.end(node);
          continue;
        }
        rows[r++] = node;
        node = collapsed.get(node) ? trie.end(node) : node + 1;
      }
    }
    int[] trimmed = r == rows.length ? rows : Arrays.copyOf(rows, r);
    return new TreeRows(tree, trimmed, visible, last, visibleChild, sizes);
  }

  /** Depth-first with each directory's visible children sorted by size, largest first. */
  private static int listBySize(
      FileTree tree,
      PathTrie trie,
      BitSet collapsed,
      boolean[] visible,
      boolean[] visibleChild,
      boolean[] last,
      long[] sizes,
      int[] rows) {
    int[] stack = new int[Math.max(16, rows.length)];
    int sp = 0;
    int[] kids = new int[16];
    long[] keys = new long[16];
    int[] tmpKids = new int[16];
    long[] tmpKeys = new long[16];
    int r = 0;
    int dir = PathTrie.ROOT;
    while (true) {
      if (dir >= 0) {
        int k = 0;
        for (int c = trie.firstChild(dir); c >= 0; c = trie.nextSibling(c)) {
          if (!visible[c]) continue;
          if (k == kids.length) {
            kids = Arrays.copyOf(kids, k * 2);
            keys = Arrays.copyOf(keys, k * 2);
            tmpKids = new int[k * 2];
            tmpKeys = new long[k * 2];
          }
          kids[k] = c;
          keys[k++] = sizes != null ? sizes[c] : tree.size(c);
        }
        mergeSortDescending(kids, keys, tmpKids, tmpKeys, 0, k);
        for (int i = 0; i < k; i++) last[kids[i]] = i == k - 1;
        for (int i = k - 1; i >= 0; i--) stack[sp++] = kids[i];
      }
      if (sp == 0) break;
      int node = stack[--sp];
      rows[r++] = node;
      dir = visibleChild[node] && !collapsed.get(node) ? node : -1;
    }
    return r;
  }

  /** Stable: equal sizes keep name order, as dive breaks ties by name. */
  private static void mergeSortDescending(
      int[] ids, long[] keys, int[] tmpIds, long[] tmpKeys, int from, int to) {
    if (to - from < 2) return;
    if (to - from <= 12) {
      for (int i = from + 1; i < to; i++) {
        int id = ids[i];
        long key = keys[i];
        int j = i - 1;
        while (j >= from && keys[j] < key) {
          ids[j + 1] = ids[j];
          keys[j + 1] = keys[j];
          j--;
        }
        ids[j + 1] = id;
        keys[j + 1] = key;
      }
      return;
    }
    int mid = (from + to) >>> 1;
    mergeSortDescending(ids, keys, tmpIds, tmpKeys, from, mid);
    mergeSortDescending(ids, keys, tmpIds, tmpKeys, mid, to);
    int i = from;
    int j = mid;
    int o = from;
    while (i < mid && j < to) {
      if (keys[j] > keys[i]) {
        tmpIds[o] = ids[j];
        tmpKeys[o++] = keys[j++];
      } else {
        tmpIds[o] = ids[i];
        tmpKeys[o++] = keys[i++];
      }
    }
    while (i < mid) {
      tmpIds[o] = ids[i];
      tmpKeys[o++] = keys[i++];
    }
    while (j < to) {
      tmpIds[o] = ids[j];
      tmpKeys[o++] = keys[j++];
    }
    System.arraycopy(tmpIds, from, ids, from, to - from);
    System.arraycopy(tmpKeys, from, keys, from, to - from);
  }

  FileTree tree() {
    return tree;
  }

  int count() {
    return rows.length;
  }

  int node(int row) {
    return rows[row];
  }

  /** Whether the node shows when its ancestors are expanded (hidden kinds and filter applied). */
  boolean isVisible(int node) {
    return node < visible.length && visible[node];
  }

  /** Whether the node is the last visible child of its directory: drawn with {@code └─}. */
  boolean isLast(int node) {
    return last[node];
  }

  /** Whether any child of the node is visible (a collapsed one shows {@code ⊕}). */
  boolean hasVisibleChild(int node) {
    return visibleChild[node];
  }

  /** The size to show: dive's directory size over the visible nodes. */
  long size(int node) {
    return sizes != null ? sizes[node] : tree.size(node);
  }

  /**
   * The row of {@code node}, or of its nearest visible ancestor, or -1 when neither has a row.
   */
  int rowOfNearest(int node) {
    int best = -1;
    int bestDepth = -1;
    PathTrie trie = tree == null ? null : tree.trie();
    if (trie == null) return -1;
    for (int r = 0; r < rows.length; r++) {
      int candidate = rows[r];
      if (candidate == node) return r;
      if (trie.isAncestorOrSelf(candidate, node) && trie.depth(candidate) > bestDepth) {
        best = r;
        bestDepth = trie.depth(candidate);
      }
    }
    return best;
  }
}
