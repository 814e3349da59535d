package io.layerdive.ui;

import io.layerdive.image.Layer;
import java.util.List;

/** What the progress view shows while an image loads. Calls may come from any thread. */
public interface LoadProgress {
  /** A new phase: "Connecting to the Docker daemon", "Exporting image", "Reading layers", … */
  void phase(String description);

  /** The layer list, as soon as it is known, shown before the contents arrive. */
  void layersKnown(List<Layer> layers);

  /** Uncompressed bytes read so far and in all (-1 when unknown), layers done of all. */
  void progress(long bytesDone, long bytesTotal, int layersDone, int layersTotal);
}
