package io.layerdive.source.extract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The directory the user named, and the only place extraction writes: every name is resolved
 * inside it, and no symlink inside it is ever followed, so neither {@code ../} in a name nor a
 * symlink written earlier (say {@code etc -> /etc}) can lead a write elsewhere.
 */
final class TargetDirectory {
  private final Path root;

  TargetDirectory(Path root) throws IOException {
    Files.createDirectories(root);
    this.root = root.toRealPath();
  }

  Path root() {
    return root;
  }

  /** Where {@code relative} (cleaned, no leading slash) lands, or empty when that is outside. */
  Optional<Path> resolve(String relative) {
    Path resolved = root.resolve(relative).normalize();
    return resolved.startsWith(root) && !resolved.equals(root) || relative.isEmpty()
        ? Optional.of(resolved)
        : Optional.empty();
  }

  /**
   * Creates the parent directories of {@code path}, refusing when an existing one is a symlink or
   * not a directory: writing through it could leave the target.
   */
  boolean prepareParents(Path path) throws IOException {
    return prepareParents(path, created -> {});
  }

  /** As {@link #prepareParents(Path)}, telling {@code created} of each directory it makes. */
  boolean prepareParents(Path path, Consumer<Path> created) throws IOException {
    Path parent = path.getParent();
    if (parent == null || !parent.startsWith(root)) {
      return false;
    }
    Path current = root;
    for (Path part : root.relativize(parent)) {
      current = current.resolve(part);
      if (Files.isSymbolicLink(current)) {
        return false;
      }
      if (Files.exists(current, LinkOption.NOFOLLOW_LINKS)) {
        if (!Files.isDirectory(current, LinkOption.NOFOLLOW_LINKS)) {
          return false;
        }
      } else {
        Files.createDirectory(current);
        created.accept(current);
      }
    }
    return true;
  }
}
