package io.layerdive.tree;

import io.layerdive.image.Diagnostic;
import java.util.Arrays;
import java.util.List;

/**
 * dive's {@code CompareAndMark}: marks the nodes of a stacked tree with how one upper layer changes
 * them, and puts the upper layer's entries in. Visits the layer's own tree children first, defers
 * the marks and applies them in visiting order, so that a directory's mark is derived from its
 * children's. Whiteouts mark their subtree removed at once; removed nodes stay in the tree.
 */
final class ChangeMarker {
  private static final byte FINAL_ADDED = 4;

  private ChangeMarker() {}

  static void mark(StackState tree, int layerIndex, List<Diagnostic> diagnostics) {
    LayerFiles layer = tree.files.layer(layerIndex);
    PathTrie trie = tree.trie;
    int count = layer.nodeCount();
    int[] modNode = new int[count * 2 + 4];
    byte[] modKind = new byte[modNode.length];
    long[] modPayload = new long[modNode.length];
    int mods = 0;

    for (int k = 0; k < count; k++) {
      int n = layer.nodeInPostOrder(k);
      int j = layer.indexOf(n);
      if (j >= 0 && layer.isWhiteout(j)) {
        int target = layer.whiteoutTarget(j);
        if (tree.present(target)) {
          markRemoved(tree, target);
        } else if (diagnostics != null) {
          diagnostics.add(tree.danglingWhiteout(layerIndex, target));
        }
        continue;
      }
      long upper = j >= 0 ? StackState.payloadOf(layerIndex, j) : StackState.NO_PAYLOAD;
      if (!tree.present(n)) {
        // dive's AddPath: the node and any absent parents are created, all finally Added.
        int need = trie.depth(n) + 1;
        if (mods + need >= modNode.length) {
          int size = Math.max(modNode.length * 2, mods + need + 4);
          modNode = Arrays.copyOf(modNode, size);
          modKind = Arrays.copyOf(modKind, size);
          modPayload = Arrays.copyOf(modPayload, size);
        }
        for (int p = n; p > 0 && !tree.present(p); p = trie.parent(p)) {
          tree.state[p] = StackState.PRESENT;
          tree.payload[p] = p == n ? upper : StackState.NO_PAYLOAD;
          modNode[mods] = p;
          modKind[mods] = FINAL_ADDED;
          modPayload[mods++] = p == n ? upper : StackState.NO_PAYLOAD;
        }
        continue;
      }
      if (mods + 1 >= modNode.length) {
        int size = modNode.length * 2;
        modNode = Arrays.copyOf(modNode, size);
        modKind = Arrays.copyOf(modKind, size);
        modPayload = Arrays.copyOf(modPayload, size);
      }
      // An implied directory in the upper layer changes nothing of its own; it takes its mark from
      // its children and keeps the metadata below (dive would blank it).
      ChangeKind tentative =
          j >= 0 ? compare(tree, n, layer, j) : ChangeKind.UNMODIFIED;
      modNode[mods] = n;
      modKind[mods] = (byte) tentative.ordinal();
      modPayload[mods++] = j >= 0 ? upper : tree.payload[n];
    }

    for (int m = 0; m < mods; m++) {
      int n = modNode[m];
      if (modKind[m] == FINAL_ADDED) {
        tree.setKind(n, ChangeKind.ADDED);
      } else if (tree.kind(n) == ChangeKind.UNMODIFIED) {
        tree.setKind(n, derive(tree, n, ChangeKind.values()[modKind[m]]));
      }
      tree.payload[n] = modPayload[m];
    }
  }

  /** dive's {@code FileInfo.Compare}: same type flag, content hash, mode, uid and gid. */
  private static ChangeKind compare(StackState tree, int n, LayerFiles upper, int j) {
    long lower = tree.payload[n];
    if (lower == StackState.NO_PAYLOAD) return ChangeKind.MODIFIED;
    LayerFiles l = tree.files.layer(StackState.payloadLayer(lower));
    int i = StackState.payloadEntry(lower);
    boolean same =
        l.type(i).tarFlag() == upper.type(j).tarFlag()
            && l.contentHash(i) == upper.contentHash(j)
            && l.goFileMode(i) == upper.goFileMode(j)
            && l.uid(i) == upper.uid(j)
            && l.gid(i) == upper.gid(j);
    return same ? ChangeKind.UNMODIFIED : ChangeKind.MODIFIED;
  }

  /** A leaf takes the tentative mark; a directory merges it with all its children's marks. */
  private static ChangeKind derive(StackState tree, int n, ChangeKind tentative) {
    PathTrie trie = tree.trie;
    ChangeKind kind = tentative;
    for (int c = trie.firstChild(n); c >= 0; c = trie.nextSibling(c)) {
      if (tree.present(c)) kind = kind.merge(tree.kind(c));
    }
    return kind;
  }

  private static void markRemoved(StackState tree, int target) {
    for (int i = target, end = tree.trie.end(target); i < end; i++) {
      if (tree.present(i)) tree.setKind(i, ChangeKind.REMOVED);
    }
  }
}
