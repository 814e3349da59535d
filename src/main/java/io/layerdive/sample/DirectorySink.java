package io.layerdive.sample;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes archive items as files under a directory, as an OCI image layout on disk. */
final class DirectorySink implements ArchiveSink {
  private final Path root;

  DirectorySink(Path root) throws IOException {
    this.root = Files.createDirectories(root);
  }

  @Override
  public void put(ArchiveItem item) throws IOException {
    Path target = root.resolve(item.name());
    if (item instanceof ArchiveItem.Directory) {
      Files.createDirectories(target);
    } else if (item instanceof ArchiveItem.Document d) {
      Files.write(parent(target), d.data());
    } else if (item instanceof ArchiveItem.Layer l) {
      try (OutputStream out =
          new BufferedOutputStream(Files.newOutputStream(parent(target)), 1 << 16)) {
        l.blob().writeTo(out);
      }
    } else if (item instanceof ArchiveItem.Symlink s) {
      Files.deleteIfExists(parent(target));
      Files.createSymbolicLink(target, Path.of(s.target()));
    }
  }

  @Override
  public void close() {}

  private static Path parent(Path target) throws IOException {
    Files.createDirectories(target.getParent());
    return target;
  }
}
