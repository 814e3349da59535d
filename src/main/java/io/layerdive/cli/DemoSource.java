package io.layerdive.cli;

import io.layerdive.sample.DemoImage;
import io.layerdive.source.ImageSource;
import io.layerdive.source.archive.DockerArchiveSource;

/**
 * {@code --demo}: the built-in sample image, generated as a {@code docker save} stream and read by
 * the archive reader like any other, so the demo exercises the real path without Docker or disk.
 */
final class DemoSource {
  private DemoSource() {}

  static ImageSource open() {
    return DockerArchiveSource.stream(DemoImage::openArchive, DemoImage.NAME);
  }
}
