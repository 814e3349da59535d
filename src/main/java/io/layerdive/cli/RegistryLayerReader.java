package io.layerdive.cli;

import io.layerdive.image.LayerReceiver;
import io.layerdive.source.ImageReadException;
import io.layerdive.source.LayerReadResult;
import io.layerdive.source.LayerTarReader;
import io.layerdive.source.registry.LayerResult;
import io.layerdive.source.registry.LayerStreamReader;
import java.io.InputStream;

/** Registry blobs decoded by the core layer-tar reader as they download. */
final class RegistryLayerReader implements LayerStreamReader {
  private final LayerTarReader reader = new LayerTarReader();

  @Override
  public <T> LayerResult<T> read(InputStream blob, LayerReceiver<T> receiver) throws ImageReadException {
    LayerReadResult<T> r = reader.read(blob, "registry layer", null, receiver.begin());
    return new LayerResult<>(r.contents(), r.diffId(), r.sizeBytes(), r.diagnostics());
  }
}
