package io.layerdive.tree;

import io.layerdive.image.Digest;
import io.layerdive.image.LayerReceiver;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Receives the layers of one image from a source (on any number of threads) and, once all are
 * read, numbers the image's paths in pre-order and packs each layer for the trees.
 */
public final class TreeBuilder implements LayerReceiver<RawLayer> {
  private final PathTable paths = new PathTable();
  private final FrozenImages frozen;
  // Set by known(): the frozen files found, and the stand-in layers handed out for them.
  private ImageFiles restored;
  private Map<RawLayer, Boolean> standIns = new IdentityHashMap<>();

  public TreeBuilder() {
    this(FrozenImages.NONE);
  }

  /** A builder that takes an image's files from {@code frozen} when it holds them. */
  public TreeBuilder(FrozenImages frozen) {
    this.frozen = frozen;
  }

  /**
   * Stand-ins for the layers when {@code frozen} holds this image's files: {@link #freeze} given
   * exactly these returns those files. One stand-in per distinct layer, shared as the files are.
   */
  @Override
  public synchronized Optional<List<RawLayer>> known(List<Digest> diffIds) {
    Optional<ImageFiles> found = frozen.find(diffIds);
    if (found.isEmpty() || found.get().layerCount() != diffIds.size()) return Optional.empty();
    restored = found.get();
    Map<LayerFiles, RawLayer> byLayer = new IdentityHashMap<>();
    List<RawLayer> out = new ArrayList<>();
    for (LayerFiles l : restored.layers()) {
      out.add(byLayer.computeIfAbsent(l, x -> RawLayer.standIn()));
    }
    standIns = new IdentityHashMap<>();
    for (RawLayer r : out) standIns.put(r, Boolean.TRUE);
    return Optional.of(out);
  }

  /**
   * As {@link #freeze(List)}, and keeps the files for the next time these layers are opened
   * together, unless they came from there.
   */
  public ImageFiles freeze(List<RawLayer> layers, List<Digest> diffIds) {
    ImageFiles files = freeze(layers);
    if (files != restored) frozen.keep(diffIds, files);
    return files;
  }

  @Override
  public Builder<RawLayer> begin() {
    return new RawLayerBuilder(paths);
  }

  @Override
  public boolean wantsContent(String path, long size) {
    return PackageDatabasePaths.wanted(path, size);
  }

  /**
   * The image's files, layers in image order. A layer object listed twice (one blob used at two
   * positions) is packed once and shared.
   */
  public ImageFiles freeze(List<RawLayer> layers) {
    if (restored != null && isStandInsOf(layers)) return restored;
    int[] parents = paths.parentsSnapshot();
    String[] names = paths.namesSnapshot();
    int n = parents.length;
    int[] newId = preOrder(parents, names);

    int[] parent = new int[n];
    String[] name = new String[n];
    short[] depth = new short[n];
    for (int old = 0; old < n; old++) {
      int id = newId[old];
      parent[id] = parents[old] < 0 ? -1 : newId[parents[old]];
      name[id] = names[old];
    }
    int[] end = new int[n];
    for (int id = n - 1; id >= 0; id--) {
      if (end[id] == 0) end[id] = id + 1;
      int p = parent[id];
      if (p >= 0 && end[p] < end[id]) end[p] = end[id];
    }
    for (int id = 1; id < n; id++) depth[id] = (short) (depth[parent[id]] + 1);
    PathTrie trie = new PathTrie(parent, name, end, depth);

    Map<RawLayer, LayerFiles> packed = new IdentityHashMap<>();
    BitSet scratch = new BitSet(n);
    List<LayerFiles> out = new ArrayList<>(layers.size());
    for (RawLayer raw : layers) {
      out.add(packed.computeIfAbsent(raw, r -> pack(r, newId, trie, scratch)));
    }
    return new ImageFiles(trie, out);
  }

  private synchronized boolean isStandInsOf(List<RawLayer> layers) {
    if (layers.size() != restored.layerCount()) return false;
    for (RawLayer r : layers) if (!standIns.containsKey(r)) return false;
    return true;
  }

  /** Old id → new id, numbering a depth-first walk with children in name order. */
  private static int[] preOrder(int[] parents, String[] names) {
    int n = parents.length;
    int[] childCount = new int[n + 1];
    for (int id = 1; id < n; id++) childCount[parents[id] + 1]++;
    int[] start = new int[n + 1];
    for (int i = 0; i < n; i++) start[i + 1] = start[i] + childCount[i + 1];
    // Children sorted by the rank of their name among the distinct names (far fewer than the
    // paths: names repeat across directories and are interned), packed with the id into a long.
    int[] rank = nameRanks(names);
    long[] children = new long[Math.max(0, n - 1)];
    int[] fill = Arrays.copyOf(start, n + 1);
    for (int id = 1; id < n; id++) {
      children[fill[parents[id]]++] = ((long) rank[id] << 32) | id;
    }
    for (int p = 0; p < n; p++) {
      if (start[p + 1] - start[p] > 1) Arrays.sort(children, start[p], start[p + 1]);
    }
    int[] newId = new int[n];
    int[] stack = new int[n];
    int sp = 0;
    int next = 0;
    stack[sp++] = 0;
    while (sp > 0) {
      int node = stack[--sp];
      newId[node] = next++;
      for (int i = start[node + 1] - 1; i >= start[node]; i--) stack[sp++] = (int) children[i];
    }
    return newId;
  }

  /** For each node, the position of its name among the distinct names in {@link NameOrder}. */
  private static int[] nameRanks(String[] names) {
    Map<String, Integer> distinct = new java.util.HashMap<>();
    for (String name : names) distinct.putIfAbsent(name, 0);
    String[] sorted = distinct.keySet().toArray(new String[0]);
    Arrays.sort(sorted, NameOrder.INSTANCE);
    for (int i = 0; i < sorted.length; i++) distinct.put(sorted[i], i);
    int[] rank = new int[names.length];
    for (int id = 0; id < names.length; id++) rank[id] = distinct.get(names[id]);
    return rank;
  }

  private static LayerFiles pack(RawLayer raw, int[] newId, PathTrie trie, BitSet seen) {
    int count = raw.node.length;
    // Sort by new node id; among duplicates of a path the later entry wins.
    long[] keys = new long[count];
    for (int i = 0; i < count; i++) keys[i] = ((long) newId[raw.node[i]] << 32) | i;
    Arrays.sort(keys);
    int kept = 0;
    int[] order = new int[count];
    for (int k = 0; k < count; k++) {
      boolean lastOfNode = k + 1 == count || (keys[k + 1] >>> 32) != (keys[k] >>> 32);
      if (lastOfNode) order[kept++] = (int) keys[k];
    }
    int[] node = new int[kept];
    byte[] type = new byte[kept];
    long[] size = new long[kept];
    long[] hash = new long[kept];
    int[] mode = new int[kept];
    int[] uid = new int[kept];
    int[] gid = new int[kept];
    String[] link = new String[kept];
    int[] target = new int[kept];
    for (int j = 0; j < kept; j++) {
      int i = order[j];
      node[j] = newId[raw.node[i]];
      type[j] = raw.type[i];
      size[j] = raw.size[i];
      hash[j] = raw.hash[i];
      mode[j] = raw.mode[i];
      uid[j] = raw.uid[i];
      gid[j] = raw.gid[i];
      link[j] = raw.link[i];
      target[j] = raw.whiteoutTarget[i] < 0 ? -1 : newId[raw.whiteoutTarget[i]];
    }
    int[] opaque = new int[raw.opaqueDirs.length];
    for (int i = 0; i < opaque.length; i++) opaque[i] = newId[raw.opaqueDirs[i]];
    Arrays.sort(opaque);
    opaque = Arrays.stream(opaque).distinct().toArray();

    // Directories the layer implies: ancestors of its entries (and of its opaque markers' dirs,
    // which dive creates too) that have no entry of their own.
    seen.clear();
    for (int id : node) seen.set(id);
    int[] implicit = new int[8];
    int implicitCount = 0;
    int[] starts = Arrays.copyOf(node, node.length + opaque.length);
    System.arraycopy(opaque, 0, starts, node.length, opaque.length);
    for (int s = 0; s < starts.length; s++) {
      int p = s < node.length ? trie.parent(starts[s]) : starts[s];
      while (p > 0 && !seen.get(p)) {
        seen.set(p);
        if (implicitCount == implicit.length) implicit = Arrays.copyOf(implicit, implicitCount * 2);
        implicit[implicitCount++] = p;
        p = trie.parent(p);
      }
    }
    int[] implicitDirs = Arrays.copyOf(implicit, implicitCount);
    Arrays.sort(implicitDirs);
    Map<Integer, byte[]> contents = new java.util.HashMap<>();
    raw.contents.forEach((oldNode, bytes) -> contents.put(newId[oldNode], bytes));
    return new LayerFiles(
        node, type, size, hash, mode, uid, gid, link, target, implicitDirs, opaque, trie, contents);
  }
}
