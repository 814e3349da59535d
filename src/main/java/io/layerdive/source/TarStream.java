package io.layerdive.source;

import java.io.IOException;
import java.io.InputStream;

/**
 * An image archive read front to back in one pass, e.g. a daemon's export stream: each entry's data
 * is offered as a stream while it goes by. Errors read as {@link TarFiles}' do.
 */
public final class TarStream {
  private static final int BUFFER = 256 * 1024;

  /** What an archive entry is, for finding blobs. */
  public enum Kind {
    FILE,
    LINK,
    OTHER
  }

  /**
   * One archive entry.
   *
   * @param path its cleaned path
   * @param linkTarget for links: the cleaned archive path they point at, else empty
   * @param size its data size
   */
  public record Entry(String path, Kind kind, String linkTarget, long size) {}

  private final TarReader tar;
  private final String subject;
  private final InputStream data =
      new InputStream() {
        @Override
        public int read() throws IOException {
          byte[] one = new byte[1];
          return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
          return tar.read(b, off, len);
        }

        @Override
        public int available() throws IOException {
          return tar.available();
        }
      };

  /**
   * @param subject names the archive in messages
   */
  public TarStream(InputStream in, String subject) {
    this.tar = new TarReader(in, BUFFER, null, null);
    this.subject = subject;
  }

  /** The next entry (the root entry skipped), or null at the end. */
  public Entry next() throws ImageReadException {
    try {
      TarHeader h;
      while ((h = tar.next()) != null) {
        String path = EntryNames.clean(h.name()).path();
        if (path.isEmpty()) continue;
        return switch (h.typeflag()) {
          case '0', '7' -> new Entry(path, Kind.FILE, "", h.dataSize());
          case '1' -> new Entry(path, Kind.LINK, EntryNames.clean(h.linkName()).path(), 0);
          case '2' -> new Entry(path, Kind.LINK, TarFiles.symlinkTarget(path, h.linkName()), 0);
          default -> new Entry(path, Kind.OTHER, "", h.dataSize());
        };
      }
      return null;
    } catch (IOException e) {
      throw TarFiles.readError(subject, e);
    }
  }

  /** The error to report when reading an entry's data failed: a cut archive, say. */
  public ImageReadException error(IOException e) {
    return TarFiles.readError(subject, e);
  }

  /** The current entry's data; valid until {@link #next()}. */
  public InputStream data() {
    return data;
  }

  /** Bytes of the archive consumed so far. */
  public long position() {
    return tar.position();
  }
}
