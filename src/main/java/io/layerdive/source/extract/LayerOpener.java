package io.layerdive.source.extract;

import io.layerdive.image.Layer;
import io.layerdive.source.ImageReadException;
import java.io.IOException;
import java.io.InputStream;

/** Opens one layer's tar, uncompressed, from wherever the image lives. */
@FunctionalInterface
public interface LayerOpener {
  /** The layer's tar from its first byte; the caller closes it. */
  InputStream openLayer(Layer layer) throws IOException, ImageReadException;
}
