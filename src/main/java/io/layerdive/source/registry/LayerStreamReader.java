package io.layerdive.source.registry;

import io.layerdive.image.LayerReceiver;
import io.layerdive.source.ImageReadException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads one layer blob as it downloads: decompresses it (whatever the compression, told by its
 * magic bytes), sends its changes to a builder of {@code receiver}, and hashes the uncompressed tar
 * for its diff id. The core layer-tar reader fits this shape; it is a port here so that the
 * registry source does not depend on how layers are decoded.
 *
 * <p>Not a lambda target (the method is generic): pass a method reference, e.g. {@code
 * LayerTarReader::read}.
 */
public interface LayerStreamReader {
  /** How diagnostics of a layer read from a registry name it. */
  String SUBJECT = "registry layer";

  /**
   * @param blob the compressed blob; the reader need not read it to its end nor close it
   * @throws IOException when the stream breaks or is not a layer tar
   */
  <T> LayerResult<T> read(InputStream blob, LayerReceiver<T> receiver)
      throws IOException, ImageReadException;
}
