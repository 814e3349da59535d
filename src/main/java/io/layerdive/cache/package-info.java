/**
 * The on-disk analysis cache: each layer's changes as read, by diff_id, under the user's cache
 * directory ({@link io.layerdive.cache.DiskLayerCache}), in a checked binary format ({@link
 * io.layerdive.cache.CacheFile}, {@link io.layerdive.cache.LayerRecordWriter}, {@link
 * io.layerdive.cache.LayerRecordReader}), within a size bound, least recently used first out. Never
 * trusted: an entry that does not check out is a miss.
 *
 * <p>Beside the layers, the frozen files of each image opened ({@link
 * io.layerdive.tree.FrozenTrees}) by its list of diff_ids, so that re-opening an image reads arrays
 * instead of replaying and freezing its layers.
 *
 * <p>Implements {@link io.layerdive.source.LayerCache} and {@link io.layerdive.tree.FrozenImages};
 * imports {@code source}, {@code tree}, {@code image}, {@code hash} and {@code bytes}.
 */
package io.layerdive.cache;
