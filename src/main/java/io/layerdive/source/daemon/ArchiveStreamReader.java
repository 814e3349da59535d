package io.layerdive.source.daemon;

import io.layerdive.image.LayerReceiver;
import io.layerdive.source.ImageReadException;
import io.layerdive.source.LoadListener;
import io.layerdive.source.LoadedImage;
import java.io.InputStream;

/**
 * Reads a {@code docker save} stream in one pass: every layout a daemon writes (Docker's legacy and
 * OCI layouts, Podman's). The archive source provides it; a daemon source only supplies the stream.
 */
public interface ArchiveStreamReader {
  /**
   * @param name what the user asked for, for messages and the image's name
   * @throws ImageReadException when the stream is not an image archive, or breaks
   */
  <T> LoadedImage<T> read(
      String name, InputStream in, LayerReceiver<T> receiver, LoadListener listener)
      throws ImageReadException;
}
