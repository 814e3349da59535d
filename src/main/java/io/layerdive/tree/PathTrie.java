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
    // children are sorted by name: binary search over the sibling chain is not possible without an
    // index, so walk it; directories are rarely wide enough for this to matter outside lookups.
    for (int c = firstChild(node); c >= 0; c = nextSibling(c)) {
      int cmp = NameOrder.INSTANCE.compare(name[c], childName);
      if (cmp == 0) return c;
      if (cmp > 0) return -1;
    }
    return -1;
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
