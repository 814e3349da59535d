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

  /**
   * How to read one of the loaded image's layers again, for the viewer and extraction, or why this
   * source cannot. Asked after {@link #load}.
   */
  default Reopening reopening() {
    return Reopening.impossible("this source cannot read a layer again");
  }
}
