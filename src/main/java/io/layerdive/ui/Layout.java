package io.layerdive.ui;

/**
 * Where each pane goes on a screen of a given size, as dive lays it out: two equal columns (the
 * left one shrinks to 8 columns on screens narrower than 90), the left column split in three equal
 * panes, a status line at the bottom and the filter line under it when open. The file tree keeps
 * its first column blank below its title line, so that a long command never runs straight into the
 * tree's permissions; the left panes keep their full width, which a 160-column screen needs for a
 * digest to fit on the line of its label.
 */
record Layout(
    int width,
    int height,
    boolean tooSmall,
    boolean narrow,
    Rect layers,
    Rect layerDetails,
    Rect imageDetails,
    Rect tree,
    Rect status,
    Rect input) {

  static final int MIN_WIDTH = 40;
  static final int MIN_HEIGHT = 10;
  static final int NARROW_BELOW = 90;
  static final int NARROW_LEFT_WIDTH = 8;

  /** Blank columns between the left column's text and the file tree's. */
  static final int GUTTER = 1;

  /** Where the file tree's header and rows go: its pane less the gutter on the left. */
  static Rect treeBody(Rect pane) {
    int gutter = Math.min(GUTTER, pane.width() - 1);
    return new Rect(pane.x() + gutter, pane.y(), pane.width() - gutter, pane.height());
  }

  static Layout compute(int width, int height, boolean inputShown) {
    if (width < MIN_WIDTH || height < MIN_HEIGHT) {
      return new Layout(width, height, true, false, null, null, null, null, null, null);
    }
    boolean narrow = width < NARROW_BELOW;
    int left = narrow ? NARROW_LEFT_WIDTH : width / 2;
    int footer = inputShown ? 2 : 1;
    int body = height - footer;
    int third = body / 3;
    Rect layers = new Rect(0, 0, left, third);
    Rect layerDetails = new Rect(0, third, left, third);
    Rect imageDetails = new Rect(0, 2 * third, left, body - 2 * third);
    Rect tree = new Rect(left, 0, width - left, body);
    Rect status = new Rect(0, body, width, 1);
    Rect input = inputShown ? new Rect(0, body + 1, width, 1) : null;
    return new Layout(
        width, height, false, narrow, layers, layerDetails, imageDetails, tree, status, input);
  }

  /**
   * The single line shown instead of the panes on a screen that is too small: short enough (39
   * columns at most) to stay one line on any screen that is too narrow for the panes.
   */
  String tooSmallMessage() {
    return "Enlarge the window to "
        + MIN_WIDTH
        + "x"
        + MIN_HEIGHT
        + " (now "
        + width
        + "x"
        + height
        + ")";
  }
}
