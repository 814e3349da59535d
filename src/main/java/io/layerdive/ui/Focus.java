package io.layerdive.ui;

/** The pane that receives the keys: the three panes of the left column, or the file tree. */
public enum Focus {
  LAYERS,
  LAYER_DETAILS,
  IMAGE_DETAILS,
  TREE
}
