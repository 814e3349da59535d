package io.layerdive.cli;

import io.layerdive.image.LayerReceiver;
import io.layerdive.source.ImageReadException;
import io.layerdive.source.LayerCache;
import io.layerdive.source.LoadListener;
import io.layerdive.source.LoadedImage;
import io.layerdive.source.archive.DockerArchiveSource;
import io.layerdive.source.daemon.ArchiveStreamReader;
import java.io.InputStream;

/** A daemon's export stream read in one pass by the docker-archive reader, as dive does. */
final class DaemonArchiveReader implements ArchiveStreamReader {
  private final LayerCache cache;

  DaemonArchiveReader() {
    this(LayerCache.NONE);
  }

  /** A reader recording the layers it reads into {@code cache}. */
  DaemonArchiveReader(LayerCache cache) {
    this.cache = cache;
  }

  @Override
  public <T> LoadedImage<T> read(
      String name, InputStream in, LayerReceiver<T> receiver, LoadListener listener)
      throws ImageReadException {
    return DockerArchiveSource.stream(() -> in, name, cache).load(receiver, listener);
  }
}
