package io.layerdive.analysis;

/**
 * A path that occurs in more than one layer (added, overwritten, chmod-copied or deleted again).
 *
 * @param path absolute image path, e.g. {@code /root/saved.txt}
 * @param count in how many layers the path occurs
 * @param cumulativeBytes Σ of the path's size over those layers, as dive sums it (every copy)
 * @param smallestBytes the smallest of those sizes
 */
public record Inefficiency(String path, int count, long cumulativeBytes, long smallestBytes) {}
