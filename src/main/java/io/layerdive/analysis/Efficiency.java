package io.layerdive.analysis;

import io.layerdive.tree.ImageFiles;
import io.layerdive.tree.LayerFiles;
import io.layerdive.tree.PathTrie;
import io.layerdive.tree.StackWalk;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * dive's efficiency score and inefficiency list. Every layer's own tree is visited children first;
 * each leaf (file, link, whiteout, empty directory) adds its size to its path's account. A whiteout
 * costs what it removed when that was a directory entry, else nothing. A path seen in two or more
 * layers is inefficient. Score = Σ smallest size per path / Σ cumulative size per path.
 *
 * <p>Where dive stops reading a layer at a whiteout of a path that does not exist, this reads on
 * (the whiteout costs nothing) and the stack walk reports it as a diagnostic.
 */
public final class Efficiency {
  private Efficiency() {}

  /** The result, inefficiencies in dive's display order (largest first). */
  public record Result(
      double score, List<Inefficiency> inefficiencies, long finalFileSystemBytes) {}

  public static Result compute(ImageFiles files) {
    PathTrie trie = files.trie();
    int nodes = trie.size();
    long[] cumulative = new long[nodes];
    long[] smallest = new long[nodes];
    int[] count = new int[nodes];
    List<Integer> inefficient = new ArrayList<>();
    long minSum = 0;
    long cumulativeSum = 0;

    StackWalk walk = new StackWalk(files);
    for (int layerIndex = 0; layerIndex < files.layerCount(); layerIndex++) {
      LayerFiles layer = files.layer(layerIndex);
      for (int k = 0; k < layer.nodeCount(); k++) {
        if (!layer.isLeafInPostOrder(k, trie)) continue;
        int n = layer.nodeInPostOrder(k);
        int entry = layer.indexOf(n);
        int key = n;
        long size;
        if (entry >= 0 && layer.isWhiteout(entry)) {
          key = layer.whiteoutTarget(entry);
          // `walk` holds layers 0..layerIndex-1 here: the file system the whiteout acts on.
          size = walk.isDirectoryEntry(key) ? walk.subtreeBytes(key) : 0;
        } else {
          size = entry >= 0 ? layer.size(entry) : 0;
        }
        if (count[key] == 0) {
          smallest[key] = size;
          minSum += size;
        } else if (size < smallest[key]) {
          minSum -= smallest[key] - size;
          smallest[key] = size;
        }
        cumulative[key] += size;
        cumulativeSum += size;
        if (++count[key] == 2) inefficient.add(key);
      }
      walk.stackNext();
    }

    double score = cumulativeSum == 0 ? 1.0 : (double) minSum / (double) cumulativeSum;
    List<Inefficiency> list = new ArrayList<>(inefficient.size());
    for (int key : inefficient) {
      list.add(new Inefficiency(trie.path(key), count[key], cumulative[key], smallest[key]));
    }
    GoSort.sort(list, (a, b) -> a.cumulativeBytes() < b.cumulativeBytes());
    Collections.reverse(list);
    return new Result(score, list, walk.fileSystemBytes());
  }
}
