package io.layerdive.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A tar file indexed by its headers: the data is seeked over, never read, so indexing a gigabyte
 * archive costs one small read per entry. Later entries of the same path win, as when the tar is
 * extracted.
 */
final class TarFiles implements ArchiveFiles {
  private static final int INDEX_BUFFER = 16 * 1024;
  private static final int MAX_LINK_HOPS = 40;

  private final String name;
  private final FileChannel channel;
  private final Map<String, ArchiveEntry> files = new HashMap<>();
  private final Map<String, String> links = new HashMap<>();

  private TarFiles(String name, FileChannel channel) {
    this.name = name;
    this.channel = channel;
  }

  /** Indexes the tar at {@code path}; the caller closes the result. */
  static TarFiles index(Path path, String name) throws ImageReadException {
    FileChannel channel;
    try {
      channel = FileChannel.open(path, StandardOpenOption.READ);
    } catch (NoSuchFileException e) {
      throw new ImageReadException(name + ": no such file or directory");
    } catch (IOException e) {
      throw new ImageReadException(name + ": cannot open (" + e.getMessage() + ")", e);
    }
    TarFiles files = new TarFiles(name, channel);
    try {
      files.readIndex();
      return files;
    } catch (ImageReadException | RuntimeException e) {
      files.close();
      throw e;
    }
  }

  private void readIndex() throws ImageReadException {
    try {
      long size = channel.size();
      TarReader tar =
          new TarReader(new FileRegionInputStream(channel, 0, size), INDEX_BUFFER, null, null);
      TarHeader h;
      while ((h = tar.next()) != null) {
        String path = EntryNames.clean(h.name()).path();
        if (path.isEmpty()) continue;
        switch (h.typeflag()) {
          case '0', '7' -> {
            files.put(path, new ArchiveEntry(path, h.dataSize(), h.dataOffset()));
            links.remove(path);
          }
          case '2' -> {
            links.put(path, symlinkTarget(path, h.linkName()));
            files.remove(path);
          }
          case '1' -> {
            links.put(path, EntryNames.clean(h.linkName()).path());
            files.remove(path);
          }
          default -> {}
        }
      }
    } catch (IOException e) {
      throw readError(name, e);
    }
  }

  /** The archive path a symlink at {@code path} points at. */
  static String symlinkTarget(String path, String linkName) {
    int slash = path.lastIndexOf('/');
    String dir = slash < 0 ? "" : path.substring(0, slash + 1);
    return EntryNames.clean(linkName.startsWith("/") ? linkName : dir + linkName).path();
  }

  /** Turns a failure to read the outer tar into a message for users. */
  static ImageReadException readError(String name, IOException e) {
    if (e instanceof TarTruncatedException) {
      return new ImageReadException(
          name
              + ": the archive is truncated ("
              + e.getMessage()
              + "); the file is incomplete: copy or export it again",
          e);
    }
    if (e instanceof TarFormatException) {
      if (e.getMessage().startsWith("not a tar")) {
        return new ImageReadException(
            name
                + ": not an image archive: not a tar file; make one with"
                + " `docker save IMAGE -o FILE`",
            e);
      }
      return new ImageReadException(
          name + ": the archive is corrupt (" + e.getMessage() + "); copy or export it again", e);
    }
    return new ImageReadException(name + ": cannot read (" + e.getMessage() + ")", e);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Set<String> paths() {
    Set<String> all = new TreeSet<>(files.keySet());
    all.addAll(links.keySet());
    return Collections.unmodifiableSet(all);
  }

  @Override
  public Optional<ArchiveEntry> find(String path) throws ImageReadException {
    String current = EntryNames.clean(path).path();
    for (int hop = 0; hop <= MAX_LINK_HOPS; hop++) {
      ArchiveEntry file = files.get(current);
      if (file != null) return Optional.of(file);
      String next = links.get(current);
      if (next == null) return Optional.empty();
      current = next;
    }
    throw new ImageReadException(name + ": the links at " + path + " loop");
  }

  @Override
  public InputStream open(ArchiveEntry entry) {
    return new FileRegionInputStream(channel, entry.offset(), entry.size());
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException e) {
      // Read-only: nothing is lost when closing fails.
    }
  }
}
