package io.layerdive.tree;

import io.layerdive.image.FileMode;
import io.layerdive.image.FileType;
import java.util.EnumMap;
import java.util.Map;

/**
 * The file system at one layer, with every node marked by how it changed, as one of dive's compare
 * modes shows it. Removed nodes are still present, marked {@link ChangeKind#REMOVED}. Read-only;
 * directory sizes are computed on first use.
 */
public final class FileTree {
  private final StackState s;
  private final CompareKey key;
  private volatile long[] sizes;

  FileTree(StackState state, CompareKey key) {
    this.s = state;
    this.key = key;
  }

  public CompareKey key() {
    return key;
  }

  public PathTrie trie() {
    return s.trie;
  }

  public boolean isPresent(int n) {
    return s.present(n);
  }

  public ChangeKind kind(int n) {
    return s.kind(n);
  }

  /** False for a directory implied by its children, which has no entry of its own. */
  public boolean hasEntry(int n) {
    return s.payload[n] != StackState.NO_PAYLOAD;
  }

  /** Which layer's entry describes the node, or -1 for an implied directory. */
  public int entryLayer(int n) {
    long p = s.payload[n];
    return p == StackState.NO_PAYLOAD ? -1 : StackState.payloadLayer(p);
  }

  private LayerFiles layerOf(int n) {
    return s.files.layer(StackState.payloadLayer(s.payload[n]));
  }

  private int entryOf(int n) {
    return StackState.payloadEntry(s.payload[n]);
  }

  /** The entry's type; an implied directory reports {@link FileType#DIRECTORY}. */
  public FileType type(int n) {
    return hasEntry(n) ? layerOf(n).type(entryOf(n)) : FileType.DIRECTORY;
  }

  /** Whether dive would draw a {@code d}: an implied directory has no entry, so it does not. */
  public boolean isDirectoryEntry(int n) {
    return hasEntry(n) && layerOf(n).type(entryOf(n)) == FileType.DIRECTORY;
  }

  public int mode(int n) {
    return hasEntry(n) ? layerOf(n).mode(entryOf(n)) : 0;
  }

  /** Nine permission characters, as dive draws them. */
  public String permissions(int n) {
    return FileMode.permissions(mode(n));
  }

  public int uid(int n) {
    return hasEntry(n) ? layerOf(n).uid(entryOf(n)) : 0;
  }

  public int gid(int n) {
    return hasEntry(n) ? layerOf(n).gid(entryOf(n)) : 0;
  }

  public String linkTarget(int n) {
    return hasEntry(n) ? layerOf(n).linkTarget(entryOf(n)) : "";
  }

  public long contentHash(int n) {
    return hasEntry(n) ? layerOf(n).contentHash(entryOf(n)) : 0;
  }

  /** The entry's own size (0 for directories and links). */
  public long ownSize(int n) {
    return s.ownSize(n);
  }

  /** First present child in name order, or -1. */
  public int firstChild(int n) {
    PathTrie trie = s.trie;
    for (int c = trie.firstChild(n); c >= 0; c = trie.nextSibling(c)) {
      if (s.present(c)) return c;
    }
    return -1;
  }

  /** Next present sibling in name order, or -1. */
  public int nextSibling(int n) {
    PathTrie trie = s.trie;
    for (int c = trie.nextSibling(n); c >= 0; c = trie.nextSibling(c)) {
      if (s.present(c)) return c;
    }
    return -1;
  }

  public boolean hasChildren(int n) {
    return firstChild(n) >= 0;
  }

  /**
   * The size dive shows: a leaf's own size; a directory's Σ of itself and every descendant, leaving
   * out removed descendants unless the directory itself is removed.
   */
  public long size(int n) {
    long[] computed = sizes;
    if (computed == null) {
      computed = computeSizes();
      sizes = computed;
    }
    return computed[n];
  }

  private long[] computeSizes() {
    int count = s.trie.size();
    long[] all = new long[count];
    long[] kept = new long[count];
    boolean[] hasChild = new boolean[count];
    // Reverse pre-order visits children before parents.
    for (int n = count - 1; n > 0; n--) {
      if (!s.present(n)) continue;
      long own = s.ownSize(n);
      all[n] += own;
      if (s.kind(n) != ChangeKind.REMOVED) kept[n] += own;
      int p = s.trie.parent(n);
      all[p] += all[n];
      kept[p] += kept[n];
      hasChild[p] = true;
    }
    long[] shown = new long[count];
    for (int n = 0; n < count; n++) {
      if (!s.present(n)) continue;
      if (!hasChild[n]) shown[n] = s.ownSize(n);
      else shown[n] = s.kind(n) == ChangeKind.REMOVED ? all[n] : kept[n];
    }
    return shown;
  }

  /** How many present nodes (the root excluded) carry each mark. */
  public Map<ChangeKind, Integer> countByKind() {
    int[] counts = new int[ChangeKind.values().length];
    for (int n = 1; n < s.trie.size(); n++) {
      if (s.present(n)) counts[s.kind(n).ordinal()]++;
    }
    Map<ChangeKind, Integer> out = new EnumMap<>(ChangeKind.class);
    for (ChangeKind k : ChangeKind.values()) out.put(k, counts[k.ordinal()]);
    return out;
  }

  /** Σ own sizes of every present node that is not marked removed: the bytes of this file system. */
  public long fileSystemBytes() {
    long sum = 0;
    for (int n = 1; n < s.trie.size(); n++) {
      if (s.present(n) && s.kind(n) != ChangeKind.REMOVED) sum += s.ownSize(n);
    }
    return sum;
  }

  StackState stateCopy() {
    return s.copy();
  }
}
