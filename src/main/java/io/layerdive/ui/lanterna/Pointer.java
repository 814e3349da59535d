package io.layerdive.ui.lanterna;

import com.googlecode.lanterna.input.MouseAction;
import java.util.Optional;

/**
 * A mouse event the explorer acts on: a click of the main button or a turn of the wheel, at a
 * zero-based screen cell.
 */
public record Pointer(Kind kind, int column, int row) {
  public enum Kind {
    CLICK,
    WHEEL_UP,
    WHEEL_DOWN
  }

  /** The event a Lanterna mouse action stands for; releases, drags and moves stand for none. */
  static Optional<Pointer> of(MouseAction action) {
    Kind kind =
        switch (action.getActionType()) {
          case CLICK_DOWN -> action.getButton() == 1 ? Kind.CLICK : null;
          case SCROLL_UP -> Kind.WHEEL_UP;
          case SCROLL_DOWN -> Kind.WHEEL_DOWN;
          default -> null;
        };
    if (kind == null) return Optional.empty();
    return Optional.of(
        new Pointer(kind, action.getPosition().getColumn(), action.getPosition().getRow()));
  }
}
