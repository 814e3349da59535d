package io.layerdive.export;

import io.layerdive.tree.LayerFiles;
import io.layerdive.tree.PathTrie;
import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * A layer's {@code fileList}, made one entry at a time as it is written: an image of a million
 * files would otherwise hold a million records just to print them.
 */
final class FileListView extends AbstractList<DiveReport.FileInfo> implements RandomAccess {
  private static final long GO_MODE_DIR = 1L << 31;

  private final LayerFiles layer;
  private final PathTrie trie;

  FileListView(LayerFiles layer, PathTrie trie) {
    this.layer = layer;
    this.trie = trie;
  }

  @Override
  public int size() {
    return layer.nodeCount();
  }

  @Override
  public DiveReport.FileInfo get(int k) {
    int node = layer.nodeInPostOrder(k);
    int i = layer.indexOf(node);
    if (i < 0) {
      // dive creates the directories a layer implies with an empty FileInfo, path included.
      return DiveReport.FileInfo.EMPTY;
    }
    long goMode = layer.goFileMode(i);
    return new DiveReport.FileInfo(
        trie.relativePath(node),
        layer.type(i).tarFlag(),
        layer.linkTarget(i),
        layer.size(i),
        goMode,
        layer.uid(i),
        layer.gid(i),
        (goMode & GO_MODE_DIR) != 0);
  }
}
