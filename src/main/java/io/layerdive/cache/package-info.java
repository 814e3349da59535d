/**
 * The on-disk analysis cache: each layer's changes as read, by diff_id, under the user's cache
 * directory ({@link io.layerdive.cache.DiskLayerCache}), in a checked binary format ({@link
 * io.layerdive.cache.CacheFile}, {@link io.layerdive.cache.LayerRecordWriter}, {@link
 * io.layerdive.cache.LayerRecordReader}), within a size bound, least recently used first out. Never
 * trusted: an entry that does not check out is a miss.
 *
 * <p>Implements {@link io.layerdive.source.LayerCache}; imports {@code source}, {@code image},
 * {@code hash} and {@code bytes}.
 */
package io.layerdive.cache;
