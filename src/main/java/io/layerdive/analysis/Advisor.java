package io.layerdive.analysis;

import io.layerdive.image.FileType;
import io.layerdive.image.Image;
import io.layerdive.image.Layer;
import io.layerdive.tree.HiddenEntryListener;
import io.layerdive.tree.ImageFiles;
import io.layerdive.tree.LayerFiles;
import io.layerdive.tree.PathTrie;
import io.layerdive.tree.StackWalk;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Works out what to change in a Dockerfile, and how many bytes each change saves.
 *
 * <p>A unit of bytes is one entry of one layer. Every unit is claimed by one item at most, in the
 * order of {@link AdviceKind}: first the entries a later layer hides (they cost bytes whatever
 * else is done), then live files in caches and toolchains, then duplicates among what is left. So
 * the items' savings add up without counting a byte twice.
 */
public final class Advisor {
  private static final int EXAMPLES = 5;
  private static final long MIN_DUPLICATE_BYTES = 1024;
  private static final int MAX_DUPLICATE_ITEMS = 10;
  private static final int MAX_MERGES = 5;
  private static final String BUILDKIT_SUFFIX = "# buildkit";
  private static final String BUILDKIT_SHELL = "RUN /bin/sh -c ";

  private final Image image;
  private final ImageFiles files;
  private final PathTrie trie;
  private final int layerCount;
  private final int[][] hiddenBy;
  private final int[][] hiddenByEntry;
  /** For an entry that only re-stores an older entry's content (a chmod/chown copy): the layer
   * that first wrote that content; else -1. Live caches and toolchains are named by that layer,
   * since its command is the one to change. */
  private final int[][] createdBy;
  private final BitSet[] claimed;

  private Advisor(Image image, ImageFiles files) {
    this.image = image;
    this.files = files;
    this.trie = files.trie();
    this.layerCount = files.layerCount();
    this.hiddenBy = new int[layerCount][];
    this.hiddenByEntry = new int[layerCount][];
    this.createdBy = new int[layerCount][];
    this.claimed = new BitSet[layerCount];
    for (int i = 0; i < layerCount; i++) {
      hiddenBy[i] = new int[files.layer(i).entryCount()];
      Arrays.fill(hiddenBy[i], -1);
      hiddenByEntry[i] = new int[files.layer(i).entryCount()];
      createdBy[i] = new int[files.layer(i).entryCount()];
      Arrays.fill(createdBy[i], -1);
      claimed[i] = new BitSet();
    }
  }

  public static AdviceReport advise(Image image, ImageFiles files) {
    return new Advisor(image, files).run();
  }

  private AdviceReport run() {
    StackWalk walk = new StackWalk(files);
    HiddenEntryListener listener =
        (node, layer, entry, byLayer, byEntry, reason) -> {
          if (hiddenBy[layer][entry] < 0) {
            hiddenBy[layer][entry] = byLayer;
            hiddenByEntry[layer][entry] = byEntry;
            if (byEntry >= 0 && sameContent(files.layer(layer), entry, files.layer(byLayer), byEntry)) {
              createdBy[byLayer][byEntry] = creator(layer, entry);
            }
          }
        };
    for (int i = 0; i < layerCount; i++) walk.stackNext(listener);

    List<Advice> items = new ArrayList<>();
    items.addAll(hiddenItems());
    items.addAll(packageItems(walk));
    items.addAll(locationItems(walk));
    items.addAll(duplicateItems(walk));
    items.removeIf(a -> a.bytesSaved() <= 0);
    items.sort(Comparator.comparingLong(Advice::bytesSaved).reversed());
    long total = 0;
    for (Advice a : items) total += a.bytesSaved();
    return new AdviceReport(items, merges(), total);
  }

  // ---- entries hidden by a later layer ------------------------------------------------------

  private List<Advice> hiddenItems() {
    Map<List<Integer>, Accumulator> groups = new LinkedHashMap<>();
    for (int i = 0; i < layerCount; i++) {
      LayerFiles layer = files.layer(i);
      for (int j = 0; j < layer.entryCount(); j++) {
        int k = hiddenBy[i][j];
        long size = layer.size(j);
        if (k < 0 || size <= 0 || layer.isWhiteout(j)) continue;
        AdviceKind kind = classifyHidden(layer, j, k, hiddenByEntry[i][j]);
        claimed[i].set(j);
        groups
            .computeIfAbsent(List.of(kind.ordinal(), i, k), key -> new Accumulator())
            .add(size, layer.node(j));
      }
    }
    List<Advice> out = new ArrayList<>();
    for (Map.Entry<List<Integer>, Accumulator> e : groups.entrySet()) {
      AdviceKind kind = AdviceKind.values()[e.getKey().get(0)];
      int i = e.getKey().get(1);
      int k = e.getKey().get(2);
      Accumulator acc = e.getValue();
      String sizes = files(acc.count) + ", " + io.layerdive.bytes.HumanBytes.format(acc.bytes);
      String problem;
      String change;
      switch (kind) {
        case METADATA_COPY -> {
          problem = describe(k) + " only changes the mode or owner of " + sizes + " added by "
              + describe(i) + ", and so stores every byte of them again";
          change = "set mode and owner where the files are created: `COPY --chmod=… --chown=…`, "
              + "or chmod/chown in the same RUN that creates them";
        }
        case REMOVED_LATER -> {
          problem = describe(k) + " deletes " + sizes + " that " + describe(i)
              + " added; deleting does not shrink the layer that holds them";
          change = isCopy(i)
              ? "do not copy them in the first place (list them in .dockerignore, or COPY a narrower path)"
              : "delete them in the same RUN that creates them (`… && rm -rf …`), or create them in a "
                  + "build stage and COPY only what the final image needs";
        }
        default -> {
          problem = describe(k) + " replaces " + sizes + " that " + describe(i)
              + " added; the replaced copies still ship";
          change = "produce the final version in one step: merge the two steps, or copy only the final files";
        }
      }
      if (k < baseLayers()) {
        // Both steps are the base image's own: no line of the user's Dockerfile makes them.
        problem += " (inside the base image)";
        change = "the base image's own steps do this: pick a slimmer base image or another tag of it";
      }
      out.add(new Advice(kind, problem, change, acc.bytes, true, List.of(i, k), acc.count, acc.examples(trie)));
    }
    return out;
  }

  private AdviceKind classifyHidden(LayerFiles layer, int j, int k, int byEntry) {
    if (byEntry < 0) return AdviceKind.REMOVED_LATER;
    return sameContent(layer, j, files.layer(k), byEntry)
        ? AdviceKind.METADATA_COPY
        : AdviceKind.OVERWRITTEN_LATER;
  }

  private static boolean sameContent(LayerFiles lower, int j, LayerFiles upper, int byEntry) {
    return upper.type(byEntry) == lower.type(j)
        && upper.size(byEntry) == lower.size(j)
        && upper.contentHash(byEntry) == lower.contentHash(j);
  }

  /** The layer whose command wrote the content of entry {@code j} of layer {@code i}. */
  private int creator(int i, int j) {
    return createdBy[i][j] >= 0 ? createdBy[i][j] : i;
  }

  /** Names the layers that store the files again after a chmod or chown, if any. */
  private String storedAgain(int creator, List<Integer> liveLayers) {
    StringBuilder sb = new StringBuilder();
    for (int l : liveLayers) {
      if (l == creator) continue;
      sb.append(sb.length() == 0 ? "; " : " and ").append(describe(l));
    }
    return sb.length() == 0 ? "" : sb.append(" stores them again, with another owner or mode").toString();
  }

  private static List<Integer> withCreator(int creator, List<Integer> liveLayers) {
    List<Integer> all = new ArrayList<>(liveLayers);
    if (!all.contains(creator)) all.add(creator);
    all.sort(null);
    return all;
  }

  // ---- live files in caches and toolchains ----------------------------------------------------

  /** Live files installed by build-only packages, one item per layer naming the packages. */
  private List<Advice> packageItems(StackWalk walk) {
    if (layerCount == 0) return List.of();
    // `walk` has stacked every layer: the final file system the databases are read from.
    InstalledPackages packages = InstalledPackages.read(files, walk);
    if (packages.isEmpty()) return List.of();
    Map<Integer, Accumulator> byCreator = new LinkedHashMap<>();
    Map<Integer, Map<String, Long>> packageBytes = new HashMap<>();
    for (int node = 1; node < trie.size(); node++) {
      int i = walk.entryLayer(node);
      if (i < 0) continue;
      int j = walk.entryIndex(node);
      long size = files.layer(i).size(j);
      if (size <= 0 || claimed[i].get(j)) continue;
      String owner = packages.owner(node).orElse(null);
      if (owner == null || !BuildOnlyPackages.matches(owner)) continue;
      claimed[i].set(j);
      int creator = creator(i, j);
      byCreator.computeIfAbsent(creator, k -> new Accumulator()).add(size, node, i);
      packageBytes.computeIfAbsent(creator, k -> new HashMap<>()).merge(owner, size, Long::sum);
    }
    List<Advice> out = new ArrayList<>();
    for (Map.Entry<Integer, Accumulator> e : byCreator.entrySet()) {
      int i = e.getKey();
      Accumulator acc = e.getValue();
      List<Map.Entry<String, Long>> named = new ArrayList<>(packageBytes.get(i).entrySet());
      named.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
      StringBuilder list = new StringBuilder();
      for (int p = 0; p < Math.min(6, named.size()); p++) {
        if (p > 0) list.append(", ");
        list.append(named.get(p).getKey()).append(" (").append(io.layerdive.bytes.HumanBytes.format(named.get(p).getValue())).append(')');
      }
      if (named.size() > 6) list.append(" and ").append(named.size() - 6).append(" more");
      out.add(new Advice(AdviceKind.BUILD_ONLY,
          describe(i) + " installs build-only packages " + list + ": "
              + io.layerdive.bytes.HumanBytes.format(acc.bytes) + " in " + files(acc.count)
              + " the running image does not need" + storedAgain(i, acc.layers),
          "install them in a build stage (`FROM … AS build`), build there, and COPY only the "
              + "built artefacts into a final stage without them",
          acc.bytes, false, withCreator(i, acc.layers), acc.count, acc.examples(trie)));
    }
    return out;
  }

  private List<Advice> locationItems(StackWalk walk) {
    int n = trie.size();
    int[] location = new int[n];
    Arrays.fill(location, -1);
    List<KnownLocation> known = new ArrayList<>(KnownLocation.ALL);
    int frontendIndex = known.size();
    for (int node = 1; node < n; node++) {
      int inherited = location[trie.parent(node)];
      if (inherited >= 0) {
        location[node] = inherited;
      } else if (trie.firstChild(node) >= 0 && walk.isPresent(node)) {
        String path = trie.path(node);
        for (int l = 0; l < KnownLocation.ALL.size(); l++) {
          if (KnownLocation.ALL.get(l).matches(path)) {
            location[node] = l;
            break;
          }
        }
        if (location[node] < 0 && trie.name(node).equals("node_modules") && servesStaticBuild(walk, node)) {
          location[node] = frontendIndex;
        }
      }
    }
    Map<List<Integer>, Accumulator> groups = new LinkedHashMap<>();
    for (int node = 1; node < n; node++) {
      if (location[node] < 0) continue;
      int i = walk.entryLayer(node);
      if (i < 0) continue;
      int j = walk.entryIndex(node);
      long size = files.layer(i).size(j);
      if (size <= 0 || claimed[i].get(j)) continue;
      claimed[i].set(j);
      groups
          .computeIfAbsent(List.of(location[node], creator(i, j)), key -> new Accumulator())
          .add(size, node, i);
    }
    List<Advice> out = new ArrayList<>();
    for (Map.Entry<List<Integer>, Accumulator> e : groups.entrySet()) {
      int l = e.getKey().get(0);
      int i = e.getKey().get(1);
      Accumulator acc = e.getValue();
      String sizes = io.layerdive.bytes.HumanBytes.format(acc.bytes) + " in " + files(acc.count);
      String who = describe(i);
      String again = storedAgain(i, acc.layers);
      List<Integer> layers = withCreator(i, acc.layers);
      if (l == frontendIndex) {
        out.add(new Advice(AdviceKind.BUILD_ONLY,
            who + " leaves node_modules (" + sizes + ") next to a built frontend; serving its "
                + "static files does not need them" + again,
            "build in `FROM node AS build`, then start the final stage from a static file server "
                + "(e.g. `FROM nginx:alpine`) and `COPY --from=build /app/dist …` only",
            acc.bytes, false, layers, acc.count, acc.examples(trie)));
        continue;
      }
      KnownLocation loc = KnownLocation.ALL.get(l);
      boolean cache = loc.kind() == AdviceKind.PACKAGE_CACHE;
      String problem = cache
          ? who + " leaves the " + loc.what() + " (" + sizes + ") in the final image" + again
          : who + " installs the " + loc.what() + " (" + sizes + "), which the running image does not need" + again;
      out.add(new Advice(loc.kind(), problem, loc.change(), acc.bytes, cache,
          layers, acc.count, acc.examples(trie)));
    }
    return out;
  }

  /** Whether a sibling {@code dist}, {@code build} or {@code out} holds an {@code index.html}. */
  private boolean servesStaticBuild(StackWalk walk, int nodeModules) {
    int parent = trie.parent(nodeModules);
    for (String output : new String[] {"dist", "build", "out"}) {
      int dir = trie.child(parent, output);
      if (dir >= 0 && walk.isPresent(dir)) {
        int index = trie.child(dir, "index.html");
        if (index >= 0 && walk.isPresent(index)) return true;
      }
    }
    return false;
  }

  // ---- duplicates -----------------------------------------------------------------------------

  private record ContentKey(long size, long hash) {}

  private List<Advice> duplicateItems(StackWalk walk) {
    // Nearly every file is unique: a sort of the bare hashes finds the few that occur twice, so
    // that only those are boxed into groups (grouping a million files in a map took seconds).
    long[] hashes = new long[trie.size()];
    int candidates = 0;
    for (int node = 1; node < trie.size(); node++) {
      if (isDuplicateCandidate(walk, node)) hashes[candidates++] = contentHash(walk, node);
    }
    long[] sorted = Arrays.copyOf(hashes, candidates);
    Arrays.sort(sorted);
    Map<ContentKey, List<Integer>> byContent = new HashMap<>();
    for (int node = 1; node < trie.size(); node++) {
      if (!isDuplicateCandidate(walk, node) || !occursTwice(sorted, contentHash(walk, node))) continue;
      LayerFiles layer = files.layer(walk.entryLayer(node));
      int j = walk.entryIndex(node);
      byContent.computeIfAbsent(new ContentKey(layer.size(j), layer.contentHash(j)), k -> new ArrayList<>(2)).add(node);
    }
    List<Map.Entry<ContentKey, List<Integer>>> groups = new ArrayList<>();
    for (Map.Entry<ContentKey, List<Integer>> e : byContent.entrySet()) {
      if (e.getValue().size() > 1) groups.add(e);
    }
    groups.sort(
        Comparator.<Map.Entry<ContentKey, List<Integer>>>comparingLong(
                e -> -e.getKey().size() * (e.getValue().size() - 1))
            .thenComparingInt(e -> e.getValue().get(0)));
    List<Advice> out = new ArrayList<>();
    Accumulator rest = new Accumulator();
    int restGroups = 0;
    List<Integer> restLayers = new ArrayList<>();
    for (int g = 0; g < groups.size(); g++) {
      ContentKey key = groups.get(g).getKey();
      List<Integer> nodes = groups.get(g).getValue();
      long saved = key.size() * (nodes.size() - 1);
      List<Integer> layers = new ArrayList<>();
      for (int node : nodes) {
        int i = walk.entryLayer(node);
        if (!layers.contains(i)) layers.add(i);
      }
      layers.sort(null);
      // The first copy (in path order) is kept; the others are what removing them saves.
      for (int c = 1; c < nodes.size(); c++) claimed[walk.entryLayer(nodes.get(c))].set(walk.entryIndex(nodes.get(c)));
      if (g < MAX_DUPLICATE_ITEMS) {
        List<String> paths = new ArrayList<>();
        for (int c = 0; c < Math.min(EXAMPLES, nodes.size()); c++) paths.add(trie.path(nodes.get(c)));
        out.add(new Advice(AdviceKind.DUPLICATE_CONTENT,
            nodes.size() + " files hold the same " + io.layerdive.bytes.HumanBytes.format(key.size()) + " of content",
            "keep one copy: move instead of copy, link the others (`ln`), or COPY the file once",
            saved, true, layers, nodes.size() - 1, paths));
      } else {
        restGroups++;
        for (int c = 1; c < nodes.size(); c++) rest.add(key.size(), nodes.get(c));
        for (int i : layers) if (!restLayers.contains(i)) restLayers.add(i);
      }
    }
    if (restGroups > 0) {
      restLayers.sort(null);
      out.add(new Advice(AdviceKind.DUPLICATE_CONTENT,
          restGroups + " more groups of identical files (" + rest.count + " extra copies)",
          "keep one copy of each: move instead of copy, or link the others",
          rest.bytes, true, restLayers, rest.count, rest.examples(trie)));
    }
    return out;
  }

  private boolean isDuplicateCandidate(StackWalk walk, int node) {
    int i = walk.entryLayer(node);
    if (i < 0) return false;
    int j = walk.entryIndex(node);
    LayerFiles layer = files.layer(i);
    return layer.type(j) == FileType.REGULAR && layer.size(j) >= MIN_DUPLICATE_BYTES && !claimed[i].get(j);
  }

  private long contentHash(StackWalk walk, int node) {
    return files.layer(walk.entryLayer(node)).contentHash(walk.entryIndex(node));
  }

  private static boolean occursTwice(long[] sorted, long hash) {
    int at = Arrays.binarySearch(sorted, hash);
    return (at > 0 && sorted[at - 1] == hash) || (at + 1 < sorted.length && sorted[at + 1] == hash);
  }

  // ---- layer merges ---------------------------------------------------------------------------

  private List<LayerMerge> merges() {
    long[][] hidden = new long[layerCount][layerCount];
    for (int i = 0; i < layerCount; i++) {
      LayerFiles layer = files.layer(i);
      for (int j = 0; j < layer.entryCount(); j++) {
        int k = hiddenBy[i][j];
        if (k >= 0) hidden[i][k] += layer.size(j);
      }
    }
    Map<List<Integer>, LayerMerge> windows = new LinkedHashMap<>();
    // The base image's layers come from FROM: they cannot be merged with the Dockerfile's own steps.
    for (int a = baseLayers(); a < layerCount; a++) {
      for (int k = a + 1; k < layerCount; k++) {
        if (hidden[a][k] <= 0) continue;
        long saved = 0;
        long current = 0;
        for (int x = a; x <= k; x++) {
          current += image.layers().get(x).sizeBytes();
          for (int y = x + 1; y <= k; y++) saved += hidden[x][y];
        }
        windows.put(List.of(a, k), new LayerMerge(a, k, current, current - saved));
      }
    }
    List<LayerMerge> out = new ArrayList<>(windows.values());
    out.sort(Comparator.comparingLong(LayerMerge::savedBytes).reversed().thenComparingInt(m -> m.to() - m.from()));
    return out.subList(0, Math.min(MAX_MERGES, out.size()));
  }

  /** The leading layers the base image gave (at least layer 0, which FROM always gives). */
  private int baseLayers() {
    return Math.min(layerCount, Math.max(1, image.config().baseLayers()));
  }

  // ---- text -----------------------------------------------------------------------------------

  private String describe(int layer) {
    Layer l = image.layers().get(layer);
    String cmd = command(l);
    if (cmd.length() > 60) cmd = cmd.substring(0, 59) + "…";
    return "layer " + layer + (cmd.isEmpty() ? "" : " (`" + cmd + "`)");
  }

  /** The layer's command as written in the Dockerfile: BuildKit's {@code RUN /bin/sh -c} and
   * {@code # buildkit} dropped, as the classic builder's prefix already is. */
  private static String command(Layer layer) {
    String cmd = layer.shortCommand().strip();
    if (cmd.endsWith(BUILDKIT_SUFFIX)) cmd = cmd.substring(0, cmd.length() - BUILDKIT_SUFFIX.length()).strip();
    if (cmd.startsWith(BUILDKIT_SHELL)) cmd = cmd.substring(BUILDKIT_SHELL.length()).strip();
    return cmd;
  }

  private static String files(int count) {
    return count == 1 ? "1 file" : count + " files";
  }

  private boolean isCopy(int layer) {
    String cmd = command(image.layers().get(layer));
    return cmd.startsWith("COPY") || cmd.startsWith("ADD") || cmd.startsWith("#(nop) COPY")
        || cmd.startsWith("#(nop) ADD");
  }

  /** Bytes, files and the largest examples of one group. */
  private static final class Accumulator {
    long bytes;
    int count;
    private final long[] topSize = new long[EXAMPLES];
    private final int[] topNode = new int[EXAMPLES];
    private int top;

    /** The layers holding the counted entries, in the order met. */
    final List<Integer> layers = new ArrayList<>(1);

    void add(long size, int node, int layer) {
      if (!layers.contains(layer)) layers.add(layer);
      add(size, node);
    }

    void add(long size, int node) {
      bytes += size;
      count++;
      int pos;
      if (top < EXAMPLES) {
        pos = top++;
      } else if (size > topSize[EXAMPLES - 1]) {
        pos = EXAMPLES - 1;
      } else {
        return;
      }
      topSize[pos] = size;
      topNode[pos] = node;
      for (int p = pos; p > 0 && topSize[p] > topSize[p - 1]; p--) {
        long s = topSize[p];
        topSize[p] = topSize[p - 1];
        topSize[p - 1] = s;
        int other = topNode[p];
        topNode[p] = topNode[p - 1];
        topNode[p - 1] = other;
      }
    }

    List<String> examples(PathTrie trie) {
      List<String> out = new ArrayList<>(top);
      for (int p = 0; p < top; p++) out.add(trie.path(topNode[p]));
      return out;
    }
  }
}
