package io.layerdive.tree;

/** How a node of a compared tree differs from the tree below it, as dive defines it. */
public enum ChangeKind {
  UNMODIFIED,
  MODIFIED,
  ADDED,
  REMOVED;

  /** dive's merge: equal kinds stay, anything else makes a directory modified. */
  ChangeKind merge(ChangeKind other) {
    return this == other ? this : MODIFIED;
  }
}
