package io.layerdive.ui;

/**
 * Everything a user can do to the explorer: a {@link Command} (bound to keys by {@link
 * KeyBindings}), text typed into the filter or find line, or the mouse. Coordinates are screen
 * cells, 0-based, as in the last rendered {@link Frame}.
 */
public sealed interface Action
    permits Command, Action.TypeText, Action.MouseClick, Action.MouseWheel {

  /** Characters typed into the open filter or find line. */
  record TypeText(String text) implements Action {}

  /** A left click on a cell. */
  record MouseClick(int column, int row) implements Action {}

  /** A wheel turn over a cell: {@code delta} rows, positive towards the end. */
  record MouseWheel(int column, int row, int delta) implements Action {}
}
