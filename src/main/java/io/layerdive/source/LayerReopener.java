package io.layerdive.source;

import io.layerdive.image.Layer;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads one layer of a loaded image again, for viewing a file or extracting it: the layer's tar
 * from its first byte, uncompressed. What it costs (an export, a download) is told to the listener
 * as a phase, and the bytes as they pass.
 */
@FunctionalInterface
public interface LayerReopener {
  /** The layer's tar; the caller closes it, possibly early and from another thread. */
  InputStream open(Layer layer, LoadListener listener) throws IOException, ImageReadException;
}
