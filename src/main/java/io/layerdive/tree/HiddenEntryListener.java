package io.layerdive.tree;

/** Told, while layers are stacked, of every entry a later layer hides from the file system. */
@FunctionalInterface
public interface HiddenEntryListener {
  enum Reason {
    /** A later entry at the same path replaces it. */
    REPLACED,
    /** A whiteout, an opaque directory or a non-directory replacing a directory removes it. */
    REMOVED
  }

  /**
   * @param node the hidden node
   * @param layer the layer whose entry is hidden
   * @param entry the entry's index in that layer
   * @param byLayer the layer that hides it
   * @param byEntry for {@link Reason#REPLACED}, the replacing entry's index in {@code byLayer}; else -1
   */
  void hidden(int node, int layer, int entry, int byLayer, int byEntry, Reason reason);
}
