package io.layerdive.ui;

import io.layerdive.image.FileType;
import io.layerdive.tree.ChangeKind;
import io.layerdive.tree.FileTree;
import io.layerdive.tree.PathTrie;
import java.util.Arrays;
import java.util.BitSet;

/**
 * The rows the file tree pane shows for one tree and one set of view settings, computed in two
 * plain loops over the trie's arrays: children before parents to decide what is visible (dive's
 * rule: a node shows when its change kind is not hidden and its path matches the filter, or when
 * any child shows), then in display order to list the rows, skipping hidden and collapsed subtrees.
 *
 * <p>As in dive, when anything is hidden a directory's size counts only the visible nodes below it,
 * and the last visible child of a directory is the one drawn with {@code └─}.
 *
 * <p>A million-node tree needs a few large arrays; building a new instance takes over the arrays of
 * the one it replaces, which must not be used afterwards.
 */
final class TreeRows {
  enum Order {
    BY_NAME,
    BY_SIZE
  }

  /**
   * What decides the rows besides the tree. Arrays are read, never kept.
   *
   * @param largerThan files must be larger than this many bytes to show (0: any size)
   */
  record Settings(
      BitSet collapsed, boolean[] hiddenKinds, long[] filterMatch, long largerThan, Order order) {}

  private static final byte VISIBLE = 1;
  private static final byte LAST = 2;
  private static final byte VISIBLE_CHILD = 4;

  private final FileTree tree;
  private final Order order;
  private final boolean[] hiddenKinds;
  private final long[] filterMatch;
  private final long largerThan;
  private int count;
  private int[] rows;
  private byte[] flags;
  private long[] sizes;
  private long[] kept;
  // Size order: each directory's visible children, sorted once per visibility and kept while only
  // the collapsed directories change. kidsFrom[d] < 0 until d's children are sorted.
  private int[] kidsFrom;
  private int[] kidsLength;
  private int[] kids;
  private int kidsUsed;

  private TreeRows(
      FileTree tree,
      Order order,
      boolean[] hiddenKinds,
      long[] filterMatch,
      long largerThan,
      byte[] flags) {
    this.tree = tree;
    this.order = order;
    this.hiddenKinds = hiddenKinds;
    this.filterMatch = filterMatch;
    this.largerThan = largerThan;
    this.flags = flags;
    this.rows = new int[0];
  }

  static TreeRows empty() {
    return new TreeRows(null, Order.BY_NAME, new boolean[4], null, 0, new byte[0]);
  }

  /**
   * Whether rows for {@code settings} differ from these only in which directories are collapsed.
   */
  private boolean sameVisibility(FileTree other, Settings settings) {
    return tree == other
        && order == settings.order()
        && filterMatch == settings.filterMatch()
        && largerThan == settings.largerThan()
        && Arrays.equals(hiddenKinds, settings.hiddenKinds())
        && flags.length == other.trie().size();
  }

  static TreeRows build(FileTree tree, Settings settings) {
    return build(tree, settings, null);
  }

  /** Builds the rows, reusing the arrays of {@code previous} (which becomes unusable). */
  static TreeRows build(FileTree tree, Settings settings, TreeRows previous) {
    PathTrie trie = tree.trie();
    int n = trie.size();
    boolean[] hidden = settings.hiddenKinds().clone();
    TreeRows result;
    if (previous != null && previous.sameVisibility(tree, settings)) {
      // Only collapsed directories changed: visibility, sizes and sorted children still hold.
      result =
          new TreeRows(
              tree,
              settings.order(),
              hidden,
              settings.filterMatch(),
              settings.largerThan(),
              previous.flags);
      result.sizes = previous.sizes;
      result.kept = previous.kept;
      result.kidsFrom = previous.kidsFrom;
      result.kidsLength = previous.kidsLength;
      result.kids = previous.kids;
      result.kidsUsed = previous.kidsUsed;
      result.rows = previous.rows;
      previous.invalidate();
    } else {
      result = computeVisibility(tree, settings, hidden, previous);
    }
    if (result.rows.length != n) result.rows = new int[n];
    int[] rows = result.rows;
    byte[] flags = result.flags;
    int r;
    if (settings.order() == Order.BY_SIZE) {
      r = result.listBySize(trie, settings.collapsed());
    } else {
      r = 0;
      BitSet collapsed = settings.collapsed();
      for (int node = 1; node < n; ) {
        if ((flags[node] & VISIBLE) == 0) {
          node = trie.end(node);
          continue;
        }
        rows[r++] = node;
        node = collapsed.get(node) ? trie.end(node) : node + 1;
      }
    }
    result.count = r;
    return result;
  }

  private static TreeRows computeVisibility(
      FileTree tree, Settings settings, boolean[] hidden, TreeRows previous) {
    PathTrie trie = tree.trie();
    int n = trie.size();
    long[] match = settings.filterMatch();
    long largerThan = settings.largerThan();
    boolean filtering =
        match != null || largerThan > 0 || hidden[0] || hidden[1] || hidden[2] || hidden[3];

    boolean reuse = previous != null && previous.flags.length == n;
    byte[] flags = reuse ? previous.flags : new byte[n];
    long[] all = null;
    long[] kept = null;
    if (filtering) {
      // dive sums own sizes over the visible subtree, leaving out each removed descendant unless
      // the directory itself is removed: one sum over everything, one over what is not removed.
      all = reuse && previous.sizes != null ? previous.sizes : new long[n];
      kept = reuse && previous.kept != null ? previous.kept : new long[n];
      Arrays.fill(all, 0);
      Arrays.fill(kept, 0);
    }
    TreeRows result = new TreeRows(tree, settings.order(), hidden, match, largerThan, flags);
    if (reuse) {
      result.rows = previous.rows;
      if (settings.order() == Order.BY_SIZE) {
        result.kidsFrom = previous.kidsFrom;
        result.kidsLength = previous.kidsLength;
        result.kids = previous.kids;
      }
      previous.invalidate();
    }
    Arrays.fill(flags, (byte) 0);

    // Children before parents: the first visible child met walking backwards is the last one.
    for (int node = n - 1; node > 0; node--) {
      if (!tree.isPresent(node)) continue;
      boolean removed = false;
      if (filtering) {
        ChangeKind kind = tree.kind(node);
        removed = kind == ChangeKind.REMOVED;
        boolean shows =
            (flags[node] & VISIBLE_CHILD) != 0
                || (!hidden[kind.ordinal()]
                    && (match == null || (match[node >>> 6] & (1L << node)) != 0)
                    && (largerThan == 0
                        || (tree.type(node) != FileType.DIRECTORY
                            && tree.ownSize(node) > largerThan)));
        if (!shows) continue;
      }
      int parent = trie.parent(node);
      byte f = (byte) (flags[node] | VISIBLE);
      if ((flags[parent] & VISIBLE_CHILD) == 0) {
        flags[parent] |= VISIBLE_CHILD;
        f |= LAST;
      }
      flags[node] = f;
      if (filtering) {
        long own = tree.ownSize(node);
        all[node] += own;
        if (!removed) kept[node] += own;
        all[parent] += all[node];
        kept[parent] += kept[node];
      }
    }
    if (filtering) {
      // `all` becomes the shown size: a removed node shows everything, others what is kept.
      for (int node = 1; node < n; node++) {
        if ((flags[node] & VISIBLE) != 0 && tree.kind(node) != ChangeKind.REMOVED) {
          all[node] = kept[node];
        }
      }
    }
    result.sizes = all;
    result.kept = kept;
    if (settings.order() == Order.BY_SIZE) {
      if (result.kidsFrom == null || result.kidsFrom.length != n) {
        result.kidsFrom = new int[n];
        result.kidsLength = new int[n];
        result.kids = new int[n];
      }
      Arrays.fill(result.kidsFrom, -1);
      result.kidsUsed = 0;
    }
    return result;
  }

  private void invalidate() {
    count = 0;
    rows = new int[0];
    flags = new byte[0];
    sizes = null;
    kept = null;
    kidsFrom = null;
    kidsLength = null;
    kids = null;
  }

  /** Depth-first with each directory's visible children sorted by size, largest first. */
  private int listBySize(PathTrie trie, BitSet collapsed) {
    int[] stack = new int[64];
    int sp = 0;
    long[] keys = new long[16];
    int[] tmpKids = new int[16];
    long[] tmpKeys = new long[16];
    int r = 0;
    int dir = PathTrie.ROOT;
    while (true) {
      if (dir >= 0) {
        if (kidsFrom[dir] < 0) {
          // First time this directory is open: sort its visible children once.
          int from = kidsUsed;
          int k = 0;
          for (int c = trie.firstChild(dir); c >= 0; c = trie.nextSibling(c)) {
            if ((flags[c] & VISIBLE) == 0) continue;
            if (k == keys.length) {
              keys = Arrays.copyOf(keys, k * 2);
              tmpKids = new int[k * 2];
              tmpKeys = new long[k * 2];
            }
            kids[from + k] = c;
            keys[k++] = size(c);
          }
          sortDescending(kids, from, keys, tmpKids, tmpKeys, k);
          for (int i = 0; i < k; i++) {
            int c = kids[from + i];
            if (i == k - 1) flags[c] |= LAST;
            else flags[c] &= ~LAST;
          }
          kidsFrom[dir] = from;
          kidsLength[dir] = k;
          kidsUsed += k;
        }
        int from = kidsFrom[dir];
        int k = kidsLength[dir];
        if (sp + k > stack.length) stack = Arrays.copyOf(stack, Math.max(stack.length * 2, sp + k));
        for (int i = k - 1; i >= 0; i--) stack[sp++] = kids[from + i];
      }
      if (sp == 0) break;
      int node = stack[--sp];
      rows[r++] = node;
      dir = (flags[node] & VISIBLE_CHILD) != 0 && !collapsed.get(node) ? node : -1;
    }
    return r;
  }

  /** Sorts {@code kids[from, from + k)} by their {@code keys[0, k)}, largest first, stably. */
  private static void sortDescending(
      int[] kids, int from, long[] keys, int[] tmpKids, long[] tmpKeys, int k) {
    int[] ids = new int[k];
    System.arraycopy(kids, from, ids, 0, k);
    mergeSortDescending(ids, keys, tmpKids, tmpKeys, 0, k);
    System.arraycopy(ids, 0, kids, from, k);
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
    return count;
  }

  int node(int row) {
    return rows[row];
  }

  /** Whether the node shows when its ancestors are expanded (hidden kinds and filter applied). */
  boolean isVisible(int node) {
    return node < flags.length && (flags[node] & VISIBLE) != 0;
  }

  /** Whether the node is the last visible child of its directory: drawn with {@code └─}. */
  boolean isLast(int node) {
    return (flags[node] & LAST) != 0;
  }

  /** Whether any child of the node is visible (a collapsed one shows {@code ⊕}). */
  boolean hasVisibleChild(int node) {
    return (flags[node] & VISIBLE_CHILD) != 0;
  }

  /** The size to show: dive's directory size over the visible nodes. */
  long size(int node) {
    return sizes != null ? sizes[node] : tree.size(node);
  }

  /** The row of {@code node}, or of its nearest ancestor that has a row, or -1 when none has. */
  int rowOfNearest(int node) {
    if (tree == null || node <= 0) return -1;
    PathTrie trie = tree.trie();
    if (order == Order.BY_NAME) {
      // Rows are in pre-order, that is in node order.
      for (int a = node; a > 0; a = trie.parent(a)) {
        int row = Arrays.binarySearch(rows, 0, count, a);
        if (row >= 0) return row;
      }
      return -1;
    }
    int best = -1;
    int bestDepth = -1;
    for (int r = 0; r < count; r++) {
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
