package io.layerdive.source;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * The files of an image archive (a tar, indexed by its headers without reading the data) or of a
 * directory holding the same layout. Streams from {@link #open} may be read from several threads at
 * once, one thread per stream.
 */
public interface ArchiveFiles extends Closeable {

  /** How messages name the archive: the path as the user gave it. */
  String name();

  /** Paths of all regular files and links inside, cleaned. */
  Set<String> paths();

  /**
   * The regular file at {@code path} (cleaned first), links followed; empty when there is none.
   *
   * @throws ImageReadException when links loop or lead out of the archive
   */
  Optional<ArchiveEntry> find(String path) throws ImageReadException;

  InputStream open(ArchiveEntry entry) throws IOException;

  /**
   * Reads a small file whole.
   *
   * @throws ImageReadException when it is larger than {@code max} bytes or cannot be read
   */
  default byte[] readAll(ArchiveEntry entry, int max) throws ImageReadException {
    if (entry.size() > max) {
      throw new ImageReadException(
          name()
              + ": "
              + entry.path()
              + " is "
              + entry.size()
              + " bytes, more than the "
              + max
              + " expected of it");
    }
    try (InputStream in = open(entry)) {
      byte[] data = in.readNBytes((int) entry.size());
      if (data.length != entry.size()) {
        throw new ImageReadException(
            name()
                + ": "
                + entry.path()
                + " is cut short ("
                + data.length
                + " of "
                + entry.size()
                + " bytes); the file is incomplete: copy or export it again");
      }
      return data;
    } catch (IOException e) {
      throw new ImageReadException(
          name() + ": cannot read " + entry.path() + " (" + e.getMessage() + ")", e);
    }
  }

  /** Opens a tar file (indexing its headers) or a directory. */
  static ArchiveFiles open(Path path, String displayName) throws ImageReadException {
    if (Files.isDirectory(path)) return new DirectoryFiles(path, displayName);
    return TarFiles.index(path, displayName);
  }
}
