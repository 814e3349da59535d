package io.layerdive.ui.lanterna;

/** How many colours the explorer may use; truecolour terminals get the 256-colour palette. */
public enum ColorDepth {
  COLORS_256,
  COLORS_16,
  NONE
}
