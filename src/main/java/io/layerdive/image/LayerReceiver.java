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

  /**
   * What these layers (their diff_ids in image order) become, one per layer, when the receiver
   * holds them from an earlier load of the same layers; empty otherwise. A source that gets them
   * sends none of these layers' changes, and still tells their figures.
   */
  default java.util.Optional<java.util.List<T>> known(java.util.List<Digest> diffIds) {
    return java.util.Optional.empty();
  }

  /**
   * Whether the source should hand over the contents of this entry: only a few small files are
   * wanted (package databases), so no source ever keeps contents otherwise.
   */
  default boolean wantsContent(String path, long size) {
    return false;
  }

  /** Receives the changes of one layer tar in tar order; confined to one thread. */
  interface Builder<T> {
    void accept(LayerChange change);

    /**
     * Whether the source should hand over the contents of this entry; see {@link
     * LayerReceiver#wantsContent}.
     */
    default boolean wantsContent(String path, long size) {
      return false;
    }

    /** The contents of an entry just accepted, for which {@link #wantsContent} said yes. */
    default void content(String path, byte[] content) {}

    /** Ends the layer; later duplicate entries of a path have replaced earlier ones. */
    T finish();
  }
}
