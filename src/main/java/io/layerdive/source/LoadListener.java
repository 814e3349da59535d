package io.layerdive.source;

import io.layerdive.image.Layer;
import java.util.List;

/** What a source tells while it loads, for the progress view. Calls may come from any thread. */
public interface LoadListener {
  LoadListener NONE = new LoadListener() {};

  /** A new phase, e.g. "Exporting image from the daemon" or "Reading layers". */
  default void phase(String description) {}

  /**
   * The layer list, as soon as the source knows it (before the contents): sizes not yet read are
   * -1, blob digests not yet known are empty.
   */
  default void layersKnown(List<Layer> layers) {}

  /**
   * Bytes read so far of the layers as stored (compressed where they are) or of the export stream,
   * and their total when known (-1 otherwise).
   */
  default void progress(long bytesDone, long bytesTotal, int layersDone, int layersTotal) {}
}
