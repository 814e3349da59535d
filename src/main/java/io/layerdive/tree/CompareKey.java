package io.layerdive.tree;

/**
 * Which layers a compared tree stacks below and marks from above, as dive keys its trees: the
 * layers {@code bottomStart..bottomStop} stacked (layer 0 always included), then {@code
 * topStart..topStop} marked one by one.
 */
public record CompareKey(int bottomStart, int bottomStop, int topStart, int topStop) {
  public CompareKey {
    if (bottomStart < 0 || bottomStop < bottomStart || topStart < 0 || topStop < topStart) {
      throw new IllegalArgumentException(
          "bad compare range " + bottomStart + ".." + bottomStop + " / " + topStart + ".." + topStop);
    }
  }

  /** The changes made by layer {@code i}: dive's default mode ({@code Ctrl+L}). */
  public static CompareKey layerChanges(int i) {
    return i == 0 ? new CompareKey(0, 0, 0, 0) : new CompareKey(0, i - 1, i, i);
  }

  /** All changes since the base layer, up to layer {@code i}: dive's {@code Ctrl+A} mode. */
  public static CompareKey aggregated(int i) {
    return i == 0 ? new CompareKey(0, 0, 0, 0) : new CompareKey(0, 0, 1, i);
  }
}
