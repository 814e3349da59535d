package io.layerdive.image;

/**
 * What one entry of a layer tar does to the file system below it, whiteout names already decoded.
 */
public sealed interface LayerChange {

  /** The image path (no leading slash) this change is about. */
  String path();

  /** Adds or replaces a file, directory or link. */
  record Put(FileEntry entry) implements LayerChange {
    @Override
    public String path() {
      return entry.path();
    }
  }

  /**
   * A whiteout ({@code .wh.NAME}): removes {@code path} and everything below it from the layers
   * beneath.
   */
  record Delete(String path) implements LayerChange {}

  /**
   * An opaque-directory marker ({@code DIR/.wh..wh..opq}): hides everything the layers beneath had
   * inside {@code path}; the directory itself stays.
   */
  record OpaqueDir(String path) implements LayerChange {}
}
