package io.layerdive.sample;

import java.io.Closeable;
import java.io.IOException;

/** Where archive items go: the entries of a tar stream, or files in a directory. */
interface ArchiveSink extends Closeable {
  void put(ArchiveItem item) throws IOException;

  /** Ends the archive; does not close an output stream the caller owns. */
  @Override
  void close() throws IOException;
}
