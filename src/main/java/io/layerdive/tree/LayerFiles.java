package io.layerdive.tree;

import io.layerdive.image.FileMode;
import io.layerdive.image.FileType;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * The entries of one layer tar, packed into arrays sorted by node id (pre-order), plus the
 * directories the layer implies without an entry of their own, and its opaque directories.
 * Immutable; shared by every position of the image that uses the same layer blob.
 */
public final class LayerFiles {
  static final byte WHITEOUT = (byte) FileType.values().length;
  private static final FileType[] TYPES = FileType.values();

  private final int[] node;
  private final byte[] type;
  private final long[] size;
  private final long[] hash;
  private final int[] mode;
  private final int[] uid;
  private final int[] gid;
  private final String[] link;
  private final int[] whiteoutTarget;
  private final int[] implicitDirs;
  private final int[] opaqueDirs;
  private final int[] nodesInOrder;
  private final int[] postOrder;
  private final Map<Integer, byte[]> contents;

  LayerFiles(
      int[] node,
      byte[] type,
      long[] size,
      long[] hash,
      int[] mode,
      int[] uid,
      int[] gid,
      String[] link,
      int[] whiteoutTarget,
      int[] implicitDirs,
      int[] opaqueDirs,
      PathTrie trie,
      Map<Integer, byte[]> contents) {
    this.node = node;
    this.type = type;
    this.size = size;
    this.hash = hash;
    this.mode = mode;
    this.uid = uid;
    this.gid = gid;
    this.link = link;
    this.whiteoutTarget = whiteoutTarget;
    this.implicitDirs = implicitDirs;
    this.opaqueDirs = opaqueDirs;
    this.nodesInOrder = mergeSorted(node, implicitDirs);
    this.postOrder = postOrder(nodesInOrder, trie);
    this.contents = Map.copyOf(contents);
  }

  /** The packed arrays and maps themselves, in constructor order, for {@link FrozenTrees}. */
  Object[] parts() {
    return new Object[] {
      node, type, size, hash, mode, uid, gid, link, whiteoutTarget, implicitDirs, opaqueDirs, contents
    };
  }

  /**
   * The layer's nodes children first, siblings by name: the order dive visits a layer tree in. The
   * node set holds every ancestor of its members, so one stack of open ancestors suffices.
   */
  private static int[] postOrder(int[] preOrder, PathTrie trie) {
    int[] out = new int[preOrder.length];
    int[] open = new int[64];
    int depth = 0;
    int written = 0;
    for (int n : preOrder) {
      while (depth > 0 && !trie.isAncestorOrSelf(open[depth - 1], n)) out[written++] = open[--depth];
      if (depth == open.length) open = Arrays.copyOf(open, depth * 2);
      open[depth++] = n;
    }
    while (depth > 0) out[written++] = open[--depth];
    return out;
  }

  /** The {@code k}-th node of the layer's own tree, children before their parent. */
  public int nodeInPostOrder(int k) {
    return postOrder[k];
  }

  /** Whether {@code k}-th node in post-order has no child in the layer's own tree. */
  public boolean isLeafInPostOrder(int k, PathTrie trie) {
    // In post-order a node's last child, if any, comes right before it.
    return k == 0 || !trie.isAncestorOrSelf(postOrder[k], postOrder[k - 1]);
  }

  private static int[] mergeSorted(int[] a, int[] b) {
    int[] out = new int[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    Arrays.sort(out);
    return out;
  }

  /** Number of entries (whiteouts included, opaque markers not). */
  public int entryCount() {
    return node.length;
  }

  /** Nodes of this layer's own tree as dive builds it: entries and implied directories. */
  public int nodeCount() {
    return nodesInOrder.length;
  }

  /** Every node of the layer's own tree (entries and implied directories), in pre-order. */
  public int[] nodes() {
    return nodesInOrder.clone();
  }

  /** Index of the entry at {@code node}, or a negative number when the layer has none there. */
  public int indexOf(int nodeId) {
    return Arrays.binarySearch(node, nodeId);
  }

  public int node(int i) {
    return node[i];
  }

  public boolean isWhiteout(int i) {
    return type[i] == WHITEOUT;
  }

  /** The node a whiteout deletes, or -1 for other entries. */
  public int whiteoutTarget(int i) {
    return whiteoutTarget[i];
  }

  /** The entry's type; whiteouts report {@link FileType#REGULAR}, as Go's tar reader does. */
  public FileType type(int i) {
    return type[i] == WHITEOUT ? FileType.REGULAR : TYPES[type[i]];
  }

  byte rawType(int i) {
    return type[i];
  }

  public long size(int i) {
    return size[i];
  }

  public long contentHash(int i) {
    return hash[i];
  }

  public int mode(int i) {
    return mode[i];
  }

  public long goFileMode(int i) {
    return FileMode.goFileMode(mode[i], type(i));
  }

  public int uid(int i) {
    return uid[i];
  }

  public int gid(int i) {
    return gid[i];
  }

  public String linkTarget(int i) {
    return link[i] == null ? "" : link[i];
  }

  public int[] implicitDirs() {
    return implicitDirs.clone();
  }

  public int[] opaqueDirs() {
    return opaqueDirs.clone();
  }

  /** The contents of a package-database file this layer holds at {@code node}, when captured. */
  public Optional<byte[]> content(int nodeId) {
    byte[] bytes = contents.get(nodeId);
    return bytes == null ? Optional.empty() : Optional.of(bytes.clone());
  }

  /** Σ entry sizes. */
  public long totalSize() {
    long sum = 0;
    for (long s : size) sum += s;
    return sum;
  }
}
