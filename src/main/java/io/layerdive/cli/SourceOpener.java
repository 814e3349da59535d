package io.layerdive.cli;

import io.layerdive.source.ImageReadException;
import io.layerdive.source.ImageSource;
import io.layerdive.source.daemon.BuildRequest;
import java.util.function.Consumer;

/** Chooses and configures the source that reads the image the user asked for. */
@FunctionalInterface
interface SourceOpener {

  /**
   * @throws UsageException when the request cannot name a source (an unknown {@code --source}, a
   *     platform for a source that has none)
   * @throws ImageReadException when the source cannot even be set up for the image
   */
  ImageSource open(ImageRequest request) throws UsageException, ImageReadException;

  /**
   * Builds an image with the Docker daemon ({@code layerdive build}).
   *
   * @param output receives each line of the build's output
   * @return the built image's id, {@code sha256:…}
   * @throws ImageReadException when no daemon answers or the build fails, in the daemon's words
   */
  default String build(BuildRequest request, Consumer<String> output) throws ImageReadException {
    throw new ImageReadException("build: images cannot be built here");
  }
}
