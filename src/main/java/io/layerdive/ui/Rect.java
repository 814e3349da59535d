package io.layerdive.ui;

/** A rectangle of screen cells: column {@code x}, row {@code y}, {@code width} × {@code height}. */
record Rect(int x, int y, int width, int height) {
  boolean contains(int col, int row) {
    return col >= x && col < x + width && row >= y && row < y + height;
  }
}
