package io.layerdive.source;

import java.io.IOException;
import java.io.InputStream;

/**
 * Opens an image's archive stream afresh (an archive file, a new export from a daemon), for the
 * actions that go back to a layer's contents after the first pass: extracting files, viewing one.
 */
@FunctionalInterface
public interface ArchiveOpener {
  /** A new stream from the start; the caller closes it, which also ends any export behind it. */
  InputStream open() throws IOException, ImageReadException;
}
