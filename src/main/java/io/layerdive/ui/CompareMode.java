package io.layerdive.ui;

/** How the file tree colours a layer's file system: dive's two compare modes. */
public enum CompareMode {
  /** The changes the selected layer makes ({@code Ctrl+L}, the default). */
  LAYER,
  /** Every change since the base layer, up to the selected one ({@code Ctrl+A}). */
  AGGREGATED
}
