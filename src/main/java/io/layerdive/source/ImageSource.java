package io.layerdive.source;

import io.layerdive.image.LayerReceiver;

/** One way of getting an image: an archive, an OCI layout, a daemon, a registry. */
public interface ImageSource {

  /**
   * Reads the image in one pass, sending every layer's changes to {@code receiver}.
   *
   * @throws ImageReadException with a message ready for the user when the image cannot be read
   */
  <T> LoadedImage<T> load(LayerReceiver<T> receiver, LoadListener listener)
      throws ImageReadException;
}
