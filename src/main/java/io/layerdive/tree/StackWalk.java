package io.layerdive.tree;

import io.layerdive.image.Diagnostic;
import java.util.ArrayList;
import java.util.List;

/**
 * Stacks an image's layers one at a time, for analyses that need the file system as it stood
 * below each layer. One instance walks once, bottom to top.
 */
public final class StackWalk {
  private final StackState state;
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private int next;

  public StackWalk(ImageFiles files) {
    this.state = new StackState(files);
  }

  /** Stacks the next layer; returns its index. */
  public int stackNext() {
    state.stack(next, diagnostics);
    return next++;
  }

  /** Stacks the next layer, telling {@code hidden} of every entry it hides; returns its index. */
  public int stackNext(HiddenEntryListener hidden) {
    state.stack(next, diagnostics, hidden);
    return next++;
  }

  /** The layer whose entry describes the present node, or -1 (absent, or an implied directory). */
  public int entryLayer(int node) {
    long p = state.payload[node];
    return state.present(node) && p != StackState.NO_PAYLOAD ? StackState.payloadLayer(p) : -1;
  }

  /** The index of that entry in its layer, or -1. */
  public int entryIndex(int node) {
    long p = state.payload[node];
    return state.present(node) && p != StackState.NO_PAYLOAD ? StackState.payloadEntry(p) : -1;
  }

  /** How many layers are stacked so far. */
  public int stackedCount() {
    return next;
  }

  public boolean isPresent(int node) {
    return state.present(node);
  }

  /** Whether the node is present and described by a directory entry (not merely implied). */
  public boolean isDirectoryEntry(int node) {
    return state.present(node) && state.isDirectory(node);
  }

  /** Σ own sizes of the present nodes of the subtree of {@code node}. */
  public long subtreeBytes(int node) {
    return state.subtreeBytes(node);
  }

  /** Σ own sizes of every present node: the bytes of the file system stacked so far. */
  public long fileSystemBytes() {
    return state.subtreeBytes(PathTrie.ROOT);
  }

  public List<Diagnostic> diagnostics() {
    return List.copyOf(diagnostics);
  }
}
