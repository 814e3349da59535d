package io.layerdive.sample;

import java.nio.charset.StandardCharsets;

/** One entry of an image archive, before it is written to a tar or a directory. */
sealed interface ArchiveItem {
  /** The path inside the archive; directories without a trailing slash. */
  String name();

  record Directory(String name) implements ArchiveItem {}

  record Document(String name, byte[] data, int mode) implements ArchiveItem {
    static Document of(String name, String text) {
      return new Document(name, text.getBytes(StandardCharsets.UTF_8), 0644);
    }

    static Document of(String name, byte[] data) {
      return new Document(name, data, 0644);
    }
  }

  record Layer(String name, LayerBlob blob, int mode) implements ArchiveItem {}

  record Symlink(String name, String target) implements ArchiveItem {}
}
