package io.layerdive.image;

/**
 * Where a source sends the changes of each layer tar while it streams by, so that no source ever
 * holds a whole layer. The tree package supplies the implementation that packs them compactly.
 *
 * @param <T> what a finished layer becomes
 */
public interface LayerReceiver<T> {

  /** Starts one layer tar. May be called from several threads at once, one builder per thread. */
  Builder<T> begin();

  /** Receives the changes of one layer tar in tar order; confined to one thread. */
  interface Builder<T> {
    void accept(LayerChange change);

    /** Ends the layer; later duplicate entries of a path have replaced earlier ones. */
    T finish();
  }
}
