package io.layerdive.tree;

/**
 * A layer as read, before the image's paths are numbered in their final order. Node ids here are
 * provisional ids of the shared {@link PathTable}; only {@link TreeBuilder#freeze} reads them.
 */
public final class RawLayer {
  final int[] node;
  final byte[] type;
  final long[] size;
  final long[] hash;
  final int[] mode;
  final int[] uid;
  final int[] gid;
  final String[] link;
  final int[] whiteoutTarget;
  final int[] opaqueDirs;
  final java.util.Map<Integer, byte[]> contents;

  RawLayer(
      int[] node,
      byte[] type,
      long[] size,
      long[] hash,
      int[] mode,
      int[] uid,
      int[] gid,
      String[] link,
      int[] whiteoutTarget,
      int[] opaqueDirs,
      java.util.Map<Integer, byte[]> contents) {
    this.node = node;
    this.type = type;
    this.size = size;
    this.hash = hash;
    this.mode = mode;
    this.uid = uid;
    this.gid = gid;
    this.link = link;
    this.whiteoutTarget = whiteoutTarget;
    this.opaqueDirs = opaqueDirs;
    this.contents = contents;
  }

  public int entryCount() {
    return node.length;
  }

  /** An empty layer standing for one whose frozen files are known already. */
  static RawLayer standIn() {
    return new RawLayer(
        new int[0], new byte[0], new long[0], new long[0], new int[0], new int[0], new int[0],
        new String[0], new int[0], new int[0], java.util.Map.of());
  }
}
