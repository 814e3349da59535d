package io.layerdive.tree;

import io.layerdive.image.FileEntry;
import io.layerdive.image.LayerChange;
import io.layerdive.image.LayerReceiver;
import java.util.Arrays;

/** Packs the changes of one layer tar into growable arrays; confined to one thread. */
final class RawLayerBuilder implements LayerReceiver.Builder<RawLayer> {
  private static final String WHITEOUT_PREFIX = ".wh.";

  private final PathTable paths;
  private int count;
  private int[] node = new int[64];
  private byte[] type = new byte[64];
  private long[] size = new long[64];
  private long[] hash = new long[64];
  private int[] mode = new int[64];
  private int[] uid = new int[64];
  private int[] gid = new int[64];
  private String[] link = new String[64];
  private int[] whiteoutTarget = new int[64];
  private int[] opaque = new int[4];
  private int opaqueCount;
  // Tar entries come grouped by directory: remember the last parent to intern one name per entry.
  private final java.util.Map<Integer, byte[]> contents = new java.util.HashMap<>();
  private String lastDir = "";
  private int lastDirNode = 0;

  RawLayerBuilder(PathTable paths) {
    this.paths = paths;
  }

  @Override
  public void accept(LayerChange change) {
    if (change instanceof LayerChange.Put put) {
      put(put.entry());
    } else if (change instanceof LayerChange.Delete delete) {
      whiteout(delete.path());
    } else if (change instanceof LayerChange.OpaqueDir opaqueDir) {
      if (opaqueCount == opaque.length) opaque = Arrays.copyOf(opaque, opaqueCount * 2);
      opaque[opaqueCount++] = paths.internPath(opaqueDir.path());
    }
  }

  @Override
  public boolean wantsContent(String path, long size) {
    return PackageDatabasePaths.wanted(path, size);
  }

  @Override
  public void content(String path, byte[] bytes) {
    contents.put(nodeOf(path, ""), bytes.clone());
  }

  private void put(FileEntry e) {
    int i = append(nodeOf(e.path(), ""));
    type[i] = (byte) e.type().ordinal();
    size[i] = e.size();
    hash[i] = e.contentHash();
    mode[i] = e.mode();
    uid[i] = e.uid();
    gid[i] = e.gid();
    link[i] = e.linkTarget().isEmpty() ? null : e.linkTarget();
    whiteoutTarget[i] = -1;
  }

  private void whiteout(String path) {
    int i = append(nodeOf(path, WHITEOUT_PREFIX));
    type[i] = LayerFiles.WHITEOUT;
    mode[i] = 0;
    link[i] = null;
    whiteoutTarget[i] = nodeOf(path, "");
  }

  /** The node of {@code path}, its last component prefixed with {@code prefix}. */
  private int nodeOf(String path, String prefix) {
    int slash = path.lastIndexOf('/');
    String dir = slash < 0 ? "" : path.substring(0, slash);
    String name = prefix + path.substring(slash + 1);
    if (!dir.equals(lastDir)) {
      lastDir = dir;
      lastDirNode = paths.internPath(dir);
    }
    return paths.intern(lastDirNode, name);
  }

  private int append(int nodeId) {
    if (count == node.length) grow();
    node[count] = nodeId;
    size[count] = 0;
    hash[count] = 0;
    uid[count] = 0;
    gid[count] = 0;
    return count++;
  }

  private void grow() {
    int n = count * 2;
    node = Arrays.copyOf(node, n);
    type = Arrays.copyOf(type, n);
    size = Arrays.copyOf(size, n);
    hash = Arrays.copyOf(hash, n);
    mode = Arrays.copyOf(mode, n);
    uid = Arrays.copyOf(uid, n);
    gid = Arrays.copyOf(gid, n);
    link = Arrays.copyOf(link, n);
    whiteoutTarget = Arrays.copyOf(whiteoutTarget, n);
  }

  @Override
  public RawLayer finish() {
    return new RawLayer(
        Arrays.copyOf(node, count),
        Arrays.copyOf(type, count),
        Arrays.copyOf(size, count),
        Arrays.copyOf(hash, count),
        Arrays.copyOf(mode, count),
        Arrays.copyOf(uid, count),
        Arrays.copyOf(gid, count),
        Arrays.copyOf(link, count),
        Arrays.copyOf(whiteoutTarget, count),
        Arrays.copyOf(opaque, opaqueCount),
        java.util.Map.copyOf(contents));
  }
}
