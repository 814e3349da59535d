package io.layerdive.source.extract;

import io.layerdive.image.Layer;
import io.layerdive.source.ImageReadException;
import java.io.IOException;
import java.io.InputStream;

/**
 * A layer from a source that serves its stored blob (a registry), uncompressed here: the blob's
 * compression is recognised by its first bytes.
 */
public final class BlobLayerOpener implements LayerOpener {
  private final LayerOpener blobs;

  /**
   * @param blobs opens a layer's blob as stored, compressed or not
   */
  public BlobLayerOpener(LayerOpener blobs) {
    this.blobs = blobs;
  }

  @Override
  public InputStream openLayer(Layer layer) throws IOException, ImageReadException {
    return Decompression.open(blobs.openLayer(layer));
  }
}
