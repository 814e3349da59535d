package io.layerdive.ui;

import io.layerdive.analysis.Inefficiency;
import io.layerdive.image.FileMode;
import io.layerdive.image.FileType;
import io.layerdive.image.Layer;
import io.layerdive.text.DisplayWidth;
import io.layerdive.tree.ImageFiles;
import io.layerdive.tree.LayerFiles;
import io.layerdive.tree.PathTrie;
import java.util.ArrayList;
import java.util.List;

/**
 * In which layers a path was added, changed or removed, and how: each layer with an entry for the
 * path, a whiteout for it or a directory above it, an opaque directory above it, a file replacing a
 * directory above it, or (for a directory) entries below it. Follows the layers bottom up as the
 * stacking does: opaque directories first, then whiteouts and replacements, then entries.
 */
final class PathHistory {
  private static final String WHITEOUT = ".wh.";

  /** One layer's doing. */
  record Event(int layer, String what) {}

  private PathHistory() {}

  static List<Event> events(ImageFiles files, int node) {
    PathTrie trie = files.trie();
    List<Event> events = new ArrayList<>();
    boolean present = false;
    LayerFiles previousLayer = null;
    int previousEntry = -1;
    for (int l = 0; l < files.layerCount(); l++) {
      LayerFiles layer = files.layer(l);
      List<String> what = new ArrayList<>();
      for (int dir : layer.opaqueDirs()) {
        if (dir == node) {
          what.add("made it opaque: what lower layers had inside is hidden");
        } else if (trie.isAncestorOrSelf(dir, node) && present) {
          what.add("hid it: " + trie.path(dir) + " made opaque");
          present = false;
        }
      }
      for (int a = node; a > PathTrie.ROOT; a = trie.parent(a)) {
        int w = trie.child(trie.parent(a), WHITEOUT + trie.name(a));
        int j = w < 0 ? -1 : layer.indexOf(w);
        if (j >= 0 && layer.isWhiteout(j)) {
          what.add(a == node ? "removed it (whiteout)" : "removed it with " + trie.path(a));
          present = false;
        }
        if (a != node) {
          int k = layer.indexOf(a);
          if (k >= 0 && !layer.isWhiteout(k) && layer.type(k) != FileType.DIRECTORY) {
            what.add("removed it: " + trie.path(a) + " became a " + typeName(layer.type(k)));
            present = false;
          }
        }
      }
      int j = layer.indexOf(node);
      if (j >= 0 && !layer.isWhiteout(j)) {
        if (!present || previousLayer == null) {
          what.add("added it" + sizeOf(layer, j));
        } else {
          what.add(change(previousLayer, previousEntry, layer, j));
        }
        previousLayer = layer;
        previousEntry = j;
        present = true;
      }
      int below = entriesBelow(layer, trie, node);
      if (below > 0) {
        if (!present) {
          what.add("created it as the directory of its entries");
          present = true;
        }
        what.add(below + (below == 1 ? " entry" : " entries") + " below it");
      }
      if (!what.isEmpty()) events.add(new Event(l, String.join("; ", what)));
    }
    return events;
  }

  private static int entriesBelow(LayerFiles layer, PathTrie trie, int node) {
    int from = insertionPoint(layer, node + 1);
    int to = insertionPoint(layer, trie.end(node));
    return to - from;
  }

  private static int insertionPoint(LayerFiles layer, int nodeId) {
    int i = layer.indexOf(nodeId);
    return i >= 0 ? i : -i - 1;
  }

  private static String sizeOf(LayerFiles layer, int j) {
    return layer.type(j) == FileType.REGULAR ? ", " + io.layerdive.bytes.HumanBytes.format(layer.size(j)) : "";
  }

  private static String change(LayerFiles before, int i, LayerFiles after, int j) {
    List<String> parts = new ArrayList<>();
    if (before.type(i) != after.type(j)) {
      parts.add("type " + typeName(before.type(i)) + " → " + typeName(after.type(j)));
    }
    if (before.contentHash(i) != after.contentHash(j)) {
      String sizes =
          before.size(i) == after.size(j)
              ? io.layerdive.bytes.HumanBytes.format(after.size(j))
              : io.layerdive.bytes.HumanBytes.format(before.size(i)) + " → " + io.layerdive.bytes.HumanBytes.format(after.size(j));
      parts.add("content changed (" + sizes + ")");
    }
    if (before.mode(i) != after.mode(j)) {
      parts.add(
          "mode "
              + FileMode.permissions(before.mode(i))
              + " → "
              + FileMode.permissions(after.mode(j)));
    }
    if (before.uid(i) != after.uid(j) || before.gid(i) != after.gid(j)) {
      parts.add(
          "owner "
              + before.uid(i)
              + ":"
              + before.gid(i)
              + " → "
              + after.uid(j)
              + ":"
              + after.gid(j));
    }
    if (!before.linkTarget(i).equals(after.linkTarget(j))) {
      parts.add(
          "target "
              + DisplayWidth.sanitize(before.linkTarget(i))
              + " → "
              + DisplayWidth.sanitize(after.linkTarget(j)));
    }
    String what =
        parts.isEmpty() ? "wrote it again, unchanged" : "changed it: " + String.join(", ", parts);
    return after.type(j) == FileType.REGULAR ? what + sizeOf(after, j) : what;
  }

  private static String typeName(FileType type) {
    return switch (type) {
      case REGULAR, OTHER -> "file";
      case DIRECTORY -> "directory";
      case SYMLINK -> "symlink";
      case HARDLINK -> "hard link";
      case CHAR_DEVICE -> "character device";
      case BLOCK_DEVICE -> "block device";
      case FIFO -> "fifo";
    };
  }

  /** The window's lines: the path, dive's waste figure for it, then one entry per layer. */
  static List<List<Span>> lines(
      ImageFiles files, List<Layer> layers, int node, Inefficiency waste) {
    List<List<Span>> out = new ArrayList<>();
    PathTrie trie = files.trie();
    out.add(List.of(new Span(DisplayWidth.sanitize(trie.path(node)), Style.HEADER)));
    if (waste != null) {
      out.add(
          List.of(
              new Span(
                  "written by "
                      + waste.count()
                      + " layers: "
                      + io.layerdive.bytes.HumanBytes.format(waste.cumulativeBytes())
                      + " in all, counted as potential waste",
                  Style.WASTED)));
    }
    out.add(List.of(new Span(" ", Style.NORMAL)));
    List<Event> events = events(files, node);
    if (events.isEmpty()) {
      out.add(List.of(new Span("No layer has an entry for this path.", Style.DIM)));
    }
    for (Event e : events) {
      out.add(
          List.of(
              new Span(String.format("%4d  ", e.layer()), Style.HEADER),
              new Span(e.what(), Style.NORMAL)));
      String command = e.layer() < layers.size() ? layers.get(e.layer()).shortCommand() : "";
      if (!command.isEmpty()) {
        out.add(
            List.of(
                new Span("      ", Style.NORMAL),
                new Span(DisplayWidth.sanitize(command.replace('\t', ' ')), Style.DIM)));
      }
    }
    return out;
  }
}
