package io.layerdive.tree;

/**
 * Every path of an image, numbered in pre-order with children sorted by name: node 0 is the root,
 * the subtree of node {@code n} is the id range {@code [n, end(n))}, and the first child of {@code
 * n} is {@code n + 1}. Immutable.
 */
public final class PathTrie {
  private final int[] parent;
  private final String[] name;
  private final int[] end;
  private final short[] depth;

  PathTrie(int[] parent, String[] name, int[] end, short[] depth) {
    this.parent = parent;
    this.name = name;
    this.end = end;
    this.depth = depth;
  }

  public static final int ROOT = 0;

  /** The arrays themselves, for {@link FrozenTrees}; not to be changed. */
  int[] parents() {
    return parent;
  }

  String[] names() {
    return name;
  }

  int[] ends() {
    return end;
  }

  short[] depths() {
    return depth;
  }

  /** The order children are listed in: by code point, as dive (Go) sorts names. */
  public static int compareNames(String a, String b) {
    return NameOrder.INSTANCE.compare(a, b);
  }

  public int size() {
    return parent.length;
  }

  public int parent(int node) {
    return parent[node];
  }

  public String name(int node) {
    return name[node];
  }

  /** One past the last node of the subtree of {@code node}. */
  public int end(int node) {
    return end[node];
  }

  /** 0 for the root, 1 for its children, … */
  public int depth(int node) {
    return depth[node];
  }

  public boolean isAncestorOrSelf(int ancestor, int node) {
    return node >= ancestor && node < end[ancestor];
  }

  /** First child in name order, or -1. */
  public int firstChild(int node) {
    return end[node] > node + 1 ? node + 1 : -1;
  }

  /** Next sibling in name order, or -1. */
  public int nextSibling(int node) {
    int p = parent[node];
    int next = end[node];
    return p >= 0 && next < end[p] ? next : -1;
  }

  /** The absolute path, e.g. {@code /root/saved.txt}; {@code /} for the root. */
  public String path(int node) {
    if (node == ROOT) return "/";
    StringBuilder sb = new StringBuilder();
    appendPath(sb, node);
    return sb.toString();
  }

  /** The path relative to the root, as a tar names it: {@code root/saved.txt}. */
  public String relativePath(int node) {
    return node == ROOT ? "" : path(node).substring(1);
  }

  private void appendPath(StringBuilder sb, int node) {
    if (node == ROOT) return;
    appendPath(sb, parent[node]);
    sb.append('/').append(name[node]);
  }

  /** The child of {@code node} called {@code childName}, or -1. */
  public int child(int node, String childName) {
    int[][] index = childIndex();
    int from = index[0][node];
    int to = index[0][node + 1];
    int[] children = index[1];
    while (from < to) {
      int mid = (from + to) >>> 1;
      int cmp = NameOrder.INSTANCE.compare(name[children[mid]], childName);
      if (cmp == 0) return children[mid];
      if (cmp < 0) from = mid + 1;
      else to = mid;
    }
    return -1;
  }

  // Children in name order per node, built on the first lookup: {start offsets, child ids}.
  private volatile int[][] childIndex;

  private int[][] childIndex() {
    int[][] index = childIndex;
    if (index != null) return index;
    int n = parent.length;
    int[] start = new int[n + 1];
    for (int id = 1; id < n; id++) start[parent[id] + 1]++;
    for (int i = 0; i < n; i++) start[i + 1] += start[i];
    int[] fill = java.util.Arrays.copyOf(start, n);
    int[] children = new int[Math.max(0, n - 1)];
    // Ids ascend in pre-order, and siblings in pre-order are in name order.
    for (int id = 1; id < n; id++) children[fill[parent[id]]++] = id;
    index = new int[][] {start, children};
    childIndex = index;
    return index;
  }

  /** The node of an absolute or relative path, or -1 when no layer mentions it. */
  public int find(String path) {
    int node = ROOT;
    int start = 0;
    int len = path.length();
    while (start < len && node >= 0) {
      int slash = path.indexOf('/', start);
      int stop = slash < 0 ? len : slash;
      if (stop > start) node = child(node, path.substring(start, stop));
      start = stop + 1;
    }
    return node;
  }
}
