package io.layerdive.analysis;

import io.layerdive.image.FileType;
import io.layerdive.image.Image;
import io.layerdive.image.Layer;
import io.layerdive.tree.FileTree;
import io.layerdive.tree.ImageFiles;
import io.layerdive.tree.LayerStack;
import io.layerdive.tree.PathTrie;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Compares the final file systems of two images by walking both tries side by side in name order,
 * so no path strings are built except for what is reported.
 */
public final class ImageDiffer {
  public static final int MAX_FILES = 10_000;
  private static final int MAX_DIRECTORIES = 50;
  private static final int DIRECTORY_DEPTH = 3;

  private final FileTree before;
  private final FileTree after;
  private final List<FileChange> files = new ArrayList<>();
  private final List<DirectoryChange> directories = new ArrayList<>();
  private int added;
  private int removed;
  private int changed;

  private ImageDiffer(FileTree before, FileTree after) {
    this.before = before;
    this.after = after;
  }

  public static ImageDiff diff(Image beforeImage, ImageFiles beforeFiles, Image afterImage, ImageFiles afterFiles) {
    FileTree b = new LayerStack(beforeFiles).stacked(beforeFiles.layerCount() - 1);
    FileTree a = new LayerStack(afterFiles).stacked(afterFiles.layerCount() - 1);
    ImageDiffer differ = new ImageDiffer(b, a);
    long[] sums = differ.walk(PathTrie.ROOT, PathTrie.ROOT, 0);
    differ.files.sort(
        Comparator.comparingLong((FileChange f) -> -Math.abs(f.deltaBytes())).thenComparing(FileChange::path));
    List<FileChange> kept = differ.files.size() > MAX_FILES ? differ.files.subList(0, MAX_FILES) : differ.files;
    differ.directories.sort(
        Comparator.comparingLong((DirectoryChange d) -> -Math.abs(d.deltaBytes())).thenComparing(DirectoryChange::path));
    List<DirectoryChange> dirs =
        differ.directories.subList(0, Math.min(MAX_DIRECTORIES, differ.directories.size()));
    return new ImageDiff(
        beforeImage.name(), afterImage.name(),
        beforeImage.sizeBytes(), afterImage.sizeBytes(),
        sums[0], sums[1],
        differ.added, differ.removed, differ.changed,
        kept, dirs, layers(beforeImage, afterImage));
  }

  private static List<LayerPair> layers(Image before, Image after) {
    List<LayerPair> out = new ArrayList<>();
    int n = Math.max(before.layers().size(), after.layers().size());
    for (int i = 0; i < n; i++) {
      out.add(new LayerPair(i, at(before, i), at(after, i)));
    }
    return out;
  }

  private static Optional<Layer> at(Image image, int i) {
    return i < image.layers().size() ? Optional.of(image.layers().get(i)) : Optional.empty();
  }

  /**
   * Compares the subtrees of {@code b} (before, or -1) and {@code a} (after, or -1), which have the
   * same path; returns their bytes {before, after}.
   */
  private long[] walk(int b, int a, int depth) {
    long beforeBytes = b >= 0 ? before.ownSize(b) : 0;
    long afterBytes = a >= 0 ? after.ownSize(a) : 0;
    if (b >= 0 && a >= 0) compareFiles(b, a);
    else if (b >= 0) fileOnlyIn(before, b, FileChange.Kind.REMOVED);
    else fileOnlyIn(after, a, FileChange.Kind.ADDED);

    int cb = b >= 0 ? before.firstChild(b) : -1;
    int ca = a >= 0 ? after.firstChild(a) : -1;
    boolean hasChildren = cb >= 0 || ca >= 0;
    while (cb >= 0 || ca >= 0) {
      int cmp;
      if (cb < 0) cmp = 1;
      else if (ca < 0) cmp = -1;
      else cmp = PathTrie.compareNames(before.trie().name(cb), after.trie().name(ca));
      long[] sub;
      if (cmp == 0) {
        sub = walk(cb, ca, depth + 1);
        cb = before.nextSibling(cb);
        ca = after.nextSibling(ca);
      } else if (cmp < 0) {
        sub = walk(cb, -1, depth + 1);
        cb = before.nextSibling(cb);
      } else {
        sub = walk(-1, ca, depth + 1);
        ca = after.nextSibling(ca);
      }
      beforeBytes += sub[0];
      afterBytes += sub[1];
    }
    if (hasChildren && depth > 0 && depth <= DIRECTORY_DEPTH && beforeBytes != afterBytes) {
      String path = b >= 0 ? before.trie().path(b) : after.trie().path(a);
      directories.add(new DirectoryChange(path, beforeBytes, afterBytes));
    }
    return new long[] {beforeBytes, afterBytes};
  }

  private static boolean isFile(FileTree tree, int n) {
    return tree.hasEntry(n) && tree.type(n) != FileType.DIRECTORY;
  }

  private void fileOnlyIn(FileTree tree, int n, FileChange.Kind kind) {
    if (n == PathTrie.ROOT || !isFile(tree, n)) return;
    long size = tree.ownSize(n);
    if (kind == FileChange.Kind.ADDED) {
      added++;
      files.add(new FileChange(tree.trie().path(n), kind, 0, size));
    } else {
      removed++;
      files.add(new FileChange(tree.trie().path(n), kind, size, 0));
    }
  }

  private void compareFiles(int b, int a) {
    boolean fb = isFile(before, b);
    boolean fa = isFile(after, a);
    if (!fb && !fa) return;
    if (fb && !fa) {
      fileOnlyIn(before, b, FileChange.Kind.REMOVED);
      return;
    }
    if (!fb) {
      fileOnlyIn(after, a, FileChange.Kind.ADDED);
      return;
    }
    boolean same =
        before.type(b) == after.type(a)
            && before.ownSize(b) == after.ownSize(a)
            && before.contentHash(b) == after.contentHash(a)
            && before.mode(b) == after.mode(a)
            && before.uid(b) == after.uid(a)
            && before.gid(b) == after.gid(a)
            && before.linkTarget(b).equals(after.linkTarget(a));
    if (!same) {
      changed++;
      files.add(new FileChange(before.trie().path(b), FileChange.Kind.CHANGED, before.ownSize(b), after.ownSize(a)));
    }
  }
}
