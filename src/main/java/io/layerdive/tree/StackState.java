package io.layerdive.tree;

import io.layerdive.image.Diagnostic;
import io.layerdive.image.FileType;
import java.util.Arrays;
import java.util.List;

/**
 * A file system being stacked layer by layer, as flat arrays over the trie's nodes: whether a node
 * is present, which layer entry describes it (-1 for a directory implied by its children), and the
 * change mark of compared trees. Mutable and confined to the thread building a tree.
 */
final class StackState {
  static final byte PRESENT = (byte) 0x80;
  static final int KIND_MASK = 0x03;
  static final long NO_PAYLOAD = -1L;

  final ImageFiles files;
  final PathTrie trie;
  final byte[] state;
  final long[] payload;

  StackState(ImageFiles files) {
    this.files = files;
    this.trie = files.trie();
    this.state = new byte[trie.size()];
    this.payload = new long[trie.size()];
    Arrays.fill(payload, NO_PAYLOAD);
    state[PathTrie.ROOT] = PRESENT;
  }

  private StackState(StackState other) {
    this.files = other.files;
    this.trie = other.trie;
    this.state = other.state.clone();
    this.payload = other.payload.clone();
  }

  StackState copy() {
    return new StackState(this);
  }

  boolean present(int n) {
    return (state[n] & PRESENT) != 0;
  }

  ChangeKind kind(int n) {
    return ChangeKind.values()[state[n] & KIND_MASK];
  }

  void setKind(int n, ChangeKind kind) {
    state[n] = (byte) ((state[n] & ~KIND_MASK) | kind.ordinal());
  }

  /** Every present node of the subtree of {@code n}, {@code n} included, becomes absent. */
  void clearSubtree(int n) {
    Arrays.fill(state, n, trie.end(n), (byte) 0);
  }

  void clearBelow(int n) {
    Arrays.fill(state, n + 1, trie.end(n), (byte) 0);
  }

  static long payloadOf(int layer, int entry) {
    return ((long) layer << 32) | entry;
  }

  static int payloadLayer(long payload) {
    return (int) (payload >>> 32);
  }

  static int payloadEntry(long payload) {
    return (int) payload;
  }

  boolean isDirectory(int n) {
    long p = payload[n];
    if (p == NO_PAYLOAD) return false;
    LayerFiles layer = files.layer(payloadLayer(p));
    return layer.type(payloadEntry(p)) == FileType.DIRECTORY;
  }

  long ownSize(int n) {
    long p = payload[n];
    return p == NO_PAYLOAD ? 0 : files.layer(payloadLayer(p)).size(payloadEntry(p));
  }

  /** Σ own sizes of the present nodes of the subtree of {@code n}. */
  long subtreeBytes(int n) {
    long sum = 0;
    for (int i = n, end = trie.end(n); i < end; i++) {
      if ((state[i] & PRESENT) != 0) sum += ownSize(i);
    }
    return sum;
  }

  /**
   * Applies one layer with OCI semantics, independent of the order of its tar entries: first its
   * opaque directories, whiteouts and non-directories replacing directories remove what lies below,
   * then its entries are put, with implied parent directories created where absent.
   */
  void stack(int layerIndex, List<Diagnostic> diagnostics) {
    stack(layerIndex, diagnostics, null);
  }

  void stack(int layerIndex, List<Diagnostic> diagnostics, HiddenEntryListener hidden) {
    LayerFiles layer = files.layer(layerIndex);
    for (int dir : layer.opaqueDirs()) {
      if (hidden != null) reportRange(dir + 1, trie.end(dir), layerIndex, hidden);
      clearBelow(dir);
    }
    int entries = layer.entryCount();
    for (int j = 0; j < entries; j++) {
      if (layer.isWhiteout(j)) {
        int target = layer.whiteoutTarget(j);
        if (present(target)) {
          if (hidden != null) reportRange(target, trie.end(target), layerIndex, hidden);
          clearSubtree(target);
        } else if (diagnostics != null) {
          diagnostics.add(danglingWhiteout(layerIndex, target));
        }
      } else if (layer.type(j) != FileType.DIRECTORY) {
        int n = layer.node(j);
        if (hidden != null) reportRange(n + 1, trie.end(n), layerIndex, hidden);
        clearBelow(n);
      }
    }
    for (int j = 0; j < entries; j++) {
      if (layer.isWhiteout(j)) continue;
      int n = layer.node(j);
      if (hidden != null && present(n) && payload[n] != NO_PAYLOAD) {
        long old = payload[n];
        hidden.hidden(
            n, payloadLayer(old), payloadEntry(old), layerIndex, j, HiddenEntryListener.Reason.REPLACED);
      }
      state[n] = PRESENT;
      payload[n] = payloadOf(layerIndex, j);
      for (int p = trie.parent(n); p > 0 && !present(p); p = trie.parent(p)) {
        state[p] = PRESENT;
        payload[p] = NO_PAYLOAD;
      }
    }
  }

  private void reportRange(int from, int to, int byLayer, HiddenEntryListener hidden) {
    for (int n = from; n < to; n++) {
      if ((state[n] & PRESENT) != 0 && payload[n] != NO_PAYLOAD) {
        long p = payload[n];
        hidden.hidden(
            n, payloadLayer(p), payloadEntry(p), byLayer, -1, HiddenEntryListener.Reason.REMOVED);
      }
    }
  }

  Diagnostic danglingWhiteout(int layerIndex, int target) {
    return new Diagnostic(
        "layer " + layerIndex,
        "whiteout for " + trie.path(target) + ", which no layer below has; ignored");
  }

  /** The tar type flag dive compares; 0 for an implied directory, as dive's empty file info. */
  char typeFlag(int n) {
    long p = payload[n];
    return p == NO_PAYLOAD ? 0 : files.layer(payloadLayer(p)).type(payloadEntry(p)).tarFlag();
  }
}
