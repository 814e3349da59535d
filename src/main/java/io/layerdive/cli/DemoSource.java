package io.layerdive.cli;

import io.layerdive.image.LayerReceiver;
import io.layerdive.sample.DemoImage;
import io.layerdive.source.CountedInputStream;
import io.layerdive.source.ImageReadException;
import io.layerdive.source.ImageSource;
import io.layerdive.source.LoadListener;
import io.layerdive.source.LoadedImage;
import io.layerdive.source.Reopening;
import io.layerdive.source.archive.DockerArchiveSource;
import io.layerdive.source.extract.ArchiveLayerOpener;

/**
 * {@code --demo}: the built-in sample image, generated as a {@code docker save} stream and read by
 * the archive reader like any other, so the demo exercises the real path without Docker or disk.
 * The stream can be generated again, so the demo's layers can be read again too.
 */
final class DemoSource implements ImageSource {
  private final ImageSource archive =
      DockerArchiveSource.stream(DemoImage::openArchive, DemoImage.NAME);

  private DemoSource() {}

  static ImageSource open() {
    return new DemoSource();
  }

  @Override
  public <T> LoadedImage<T> load(LayerReceiver<T> receiver, LoadListener listener)
      throws ImageReadException {
    return archive.load(receiver, listener);
  }

  @Override
  public Reopening reopening() {
    ArchiveLayerOpener generated = new ArchiveLayerOpener(DemoImage::openArchive, DemoImage.NAME);
    return Reopening.by(
        (layer, listener) ->
            CountedInputStream.toListener(generated.openLayer(layer), layer.sizeBytes(), listener));
  }
}
