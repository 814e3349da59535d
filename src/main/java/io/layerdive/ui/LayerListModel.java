package io.layerdive.ui;

import io.layerdive.image.Layer;
import io.layerdive.text.DisplayWidth;
import io.layerdive.tree.CompareKey;
import java.util.List;

/**
 * The layer list: which layer is selected, the compare mode, and the rows: a two-cell compare bar
 * (layers stacked below in one colour, layers marked on top in another), the layer's size and its
 * command; the base layer shows {@code FROM} and the start of its id, as dive does.
 */
public final class LayerListModel {
  private final List<Layer> layers;
  private int selected;
  private int offset;
  private int viewport = 10;
  private CompareMode mode = CompareMode.LAYER;

  public LayerListModel(List<Layer> layers) {
    this.layers = List.copyOf(layers);
  }

  /**
   * dive's compare-index arithmetic: which layers are stacked below and which marked on top when
   * {@code layerIndex} is selected, counting from {@code compareStart} (always 0 in the explorer).
   */
  public static CompareKey compareKey(int layerIndex, CompareMode mode, int compareStart) {
    if (layerIndex == compareStart) {
      return new CompareKey(compareStart, layerIndex, layerIndex, layerIndex);
    }
    if (mode == CompareMode.LAYER) {
      return new CompareKey(compareStart, layerIndex - 1, layerIndex, layerIndex);
    }
    return new CompareKey(compareStart, compareStart, compareStart + 1, layerIndex);
  }

  public CompareKey compareKey() {
    return compareKey(selected, mode, 0);
  }

  public int size() {
    return layers.size();
  }

  public int selected() {
    return selected;
  }

  public Layer selectedLayer() {
    return layers.isEmpty() ? null : layers.get(selected);
  }

  public CompareMode mode() {
    return mode;
  }

  /** Returns whether the mode changed. */
  public boolean setMode(CompareMode next) {
    boolean changed = mode != next;
    mode = next;
    return changed;
  }

  /** Selects a layer, clamped; returns whether the selection changed. */
  public boolean select(int index) {
    if (layers.isEmpty()) return false;
    int next = Math.max(0, Math.min(index, layers.size() - 1));
    boolean changed = next != selected;
    selected = next;
    keepVisible();
    return changed;
  }

  public boolean moveBy(int delta) {
    return select(selected + delta);
  }

  public boolean page(int direction) {
    return select(selected + direction * Math.max(1, viewport));
  }

  /** The layer shown on a row of the pane's body, or -1. */
  int layerAtRow(int bodyRow) {
    int index = offset + bodyRow;
    return bodyRow >= 0 && index < layers.size() ? index : -1;
  }

  private void keepVisible() {
    if (selected < offset) offset = selected;
    if (selected >= offset + viewport) offset = selected - viewport + 1;
    offset = Math.max(0, Math.min(offset, Math.max(0, layers.size() - viewport)));
  }

  /** dive's {@code "%7s %s"} of size and command ({@code FROM} + id start for the base layer). */
  static String describe(Layer layer) {
    String command =
        layer.index() == 0
            ? "FROM " + layer.id().substring(0, Math.min(15, layer.id().length()))
            : layer.shortCommand();
    return String.format(
        "%7s  %s",
        io.layerdive.bytes.HumanBytes.format(layer.sizeBytes()), DisplayWidth.sanitize(command.replace('\t', ' ')));
  }

  void draw(Canvas c, Rect area, boolean focused, boolean narrow) {
    PaneTitle.draw(c, area.x(), area.y(), area.width(), narrow ? null : "Layers", focused);
    if (area.height() < 2) return;
    String header = narrow ? "Layer" : "Cmp" + String.format("%7s  %s", "Size", "Command");
    c.put(area.x(), area.y() + 1, area.width(), header, Style.HEADER);
    viewport = Math.max(1, area.height() - 2);
    keepVisible();
    CompareKey key = compareKey();
    for (int row = 0; row < viewport && offset + row < layers.size(); row++) {
      int index = offset + row;
      int y = area.y() + 2 + row;
      Style bar = Style.NORMAL;
      if (index >= key.bottomStart() && index <= key.bottomStop()) bar = Style.COMPARE_BOTTOM;
      if (index >= key.topStart() && index <= key.topStop()) bar = Style.COMPARE_TOP;
      int col = area.x();
      col += c.put(col, y, area.width(), "  ", bar);
      col += c.put(col, y, area.x() + area.width() - col, " ", Style.NORMAL);
      Layer layer = layers.get(index);
      String text = narrow ? String.format("%-4d", layer.index()) : describe(layer);
      int width = area.x() + area.width() - col;
      if (index == selected) {
        c.put(
            col,
            y,
            width,
            DisplayWidth.fit(text, width),
            focused ? Style.SELECTED : Style.SELECTED_UNFOCUSED);
      } else {
        c.put(col, y, width, text, Style.NORMAL);
      }
    }
  }
}
