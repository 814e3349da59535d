package io.layerdive.ui;

/** What a piece of text means on screen; the terminal theme decides how each one looks. */
public enum Style {
  NORMAL,
  DIM,
  HEADER,
  TITLE,
  TITLE_FOCUSED,
  SELECTED,
  SELECTED_UNFOCUSED,
  ADDED,
  REMOVED,
  MODIFIED,
  WASTED,
  COMPARE_BOTTOM,
  COMPARE_TOP,
  STATUS_KEY,
  STATUS_LABEL,
  STATUS_TOGGLED,
  FILTER_LABEL,
  ERROR,
  BORDER
}
