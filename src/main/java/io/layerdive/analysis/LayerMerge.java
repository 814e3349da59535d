package io.layerdive.analysis;

/**
 * What merging layers {@code from..to} into one RUN would make them weigh: the files that a later
 * layer of the range deletes or replaces would never be stored. These bytes are the same ones the
 * removed-later and overwritten-later advice counts; a merge is another way to save them.
 */
public record LayerMerge(int from, int to, long currentBytes, long mergedBytes) {
  public long savedBytes() {
    return currentBytes - mergedBytes;
  }
}
