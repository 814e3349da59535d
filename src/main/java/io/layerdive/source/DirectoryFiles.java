package io.layerdive.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** An image layout kept as a directory, e.g. an OCI layout written by skopeo or buildx. */
final class DirectoryFiles implements ArchiveFiles {
  private final Path root;
  private final String name;

  DirectoryFiles(Path root, String name) {
    this.root = root;
    this.name = name;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Set<String> paths() {
    Set<String> paths = new TreeSet<>();
    try (Stream<Path> walk = Files.walk(root, 4)) {
      walk.filter(Files::isRegularFile)
          .forEach(p -> paths.add(root.relativize(p).toString().replace('\\', '/')));
    } catch (IOException | UncheckedIOException e) {
      // A listing is only used in messages; an unreadable subdirectory leaves it shorter.
    }
    return paths;
  }

  @Override
  public Optional<ArchiveEntry> find(String path) throws ImageReadException {
    String clean = EntryNames.clean(path).path();
    if (clean.isEmpty()) return Optional.empty();
    Path file = root.resolve(clean);
    if (!Files.isRegularFile(file)) return Optional.empty();
    try {
      return Optional.of(new ArchiveEntry(clean, Files.size(file), 0));
    } catch (IOException e) {
      throw new ImageReadException(
          name + ": cannot read " + clean + " (" + e.getMessage() + ")", e);
    }
  }

  @Override
  public InputStream open(ArchiveEntry entry) throws IOException {
    FileChannel channel = FileChannel.open(root.resolve(entry.path()), StandardOpenOption.READ);
    return new FileRegionInputStream(channel, 0, entry.size(), true);
  }

  @Override
  public void close() {}
}
