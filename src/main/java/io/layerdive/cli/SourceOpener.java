package io.layerdive.cli;

import io.layerdive.source.ImageReadException;
import io.layerdive.source.ImageSource;

/** Chooses and configures the source that reads the image the user asked for. */
@FunctionalInterface
interface SourceOpener {

  /**
   * @throws UsageException when the request cannot name a source (an unknown {@code --source}, a
   *     platform for a source that has none)
   * @throws ImageReadException when the source cannot even be set up for the image
   */
  ImageSource open(ImageRequest request) throws UsageException, ImageReadException;
}
