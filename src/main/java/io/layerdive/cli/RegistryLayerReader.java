package io.layerdive.cli;

import io.layerdive.image.LayerReceiver;
import io.layerdive.source.CachedLayers;
import io.layerdive.source.ImageReadException;
import io.layerdive.source.LayerCache;
import io.layerdive.source.LayerReadResult;
import io.layerdive.source.LayerTarReader;
import io.layerdive.source.registry.LayerResult;
import io.layerdive.source.registry.LayerStreamReader;
import java.io.InputStream;

/**
 * Registry blobs decoded by the core layer-tar reader as they download, and recorded into the layer
 * cache on the way.
 */
final class RegistryLayerReader implements LayerStreamReader {
  private final LayerTarReader reader = new LayerTarReader();
  private final LayerCache cache;

  RegistryLayerReader() {
    this(LayerCache.NONE);
  }

  RegistryLayerReader(LayerCache cache) {
    this.cache = cache;
  }

  @Override
  public <T> LayerResult<T> read(InputStream blob, LayerReceiver<T> receiver)
      throws ImageReadException {
    LayerReadResult<T> r = CachedLayers.readAndRecord(reader, blob, SUBJECT, null, receiver, cache);
    return new LayerResult<>(r.contents(), r.diffId(), r.sizeBytes(), r.diagnostics());
  }
}
