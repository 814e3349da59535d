package io.layerdive.sample;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where the files of a synthetic image live and what each layer's edits are: pure arithmetic on
 * (image, layer, index), so any entry can be computed without the ones before it.
 */
final class SyntheticLayout {
  private static final String[] EXTENSIONS = {".so", ".py", ".js", ".txt", ".bin", ".json", ".h"};
  private static final int HEADER = 2;
  private static final Map<SyntheticImages, List<List<SampleEntry>>> EDITS =
      new EnumMap<>(SyntheticImages.class);

  private SyntheticLayout() {}

  /** Entries of layer {@code k}'s own part: {@code opt}, {@code opt/lK}, shelves, groups, files. */
  static int ownEntryCount(int k, int files) {
    int groups = ceil(files, SyntheticImages.GROUP);
    int shelves = ceil(groups, SyntheticImages.SHELF);
    return HEADER + shelves + groups + files;
  }

  /**
   * Entry {@code i} of layer {@code k}'s own part. Shelf blocks are all full but the last, so the
   * position of any entry follows from division.
   */
  static SampleEntry ownEntry(SyntheticImages spec, int k, int files, int i) {
    if (i == 0) return SampleEntry.dir("opt");
    if (i == 1) return SampleEntry.dir(layerDir(k));
    int groupBlock = 1 + SyntheticImages.GROUP;
    int shelfBlock = 1 + SyntheticImages.SHELF * groupBlock;
    int body = i - HEADER;
    int shelf = body / shelfBlock;
    int inShelf = body % shelfBlock;
    if (inShelf == 0) return SampleEntry.dir(shelfDir(k, shelf));
    int group = shelf * SyntheticImages.SHELF + (inShelf - 1) / groupBlock;
    int inGroup = (inShelf - 1) % groupBlock;
    if (inGroup == 0) return SampleEntry.dir(groupDir(k, group));
    int file = group * SyntheticImages.GROUP + inGroup - 1;
    if (file >= files) throw new IndexOutOfBoundsException("layer " + k + " entry " + i);
    return file(spec, k, file);
  }

  /** File {@code f} of layer {@code k}: its size spreads exponentially around the average. */
  static SampleEntry file(SyntheticImages spec, int k, int f) {
    long seed = Seeds.mix(spec.seed() ^ ((long) k << 40) ^ f);
    double unit = Seeds.spread(seed, 1, 1e-9, 1.0);
    long size = (long) (spec.averageFileSize() * -Math.log(unit));
    String name =
        "f" + f % SyntheticImages.GROUP + EXTENSIONS[(int) (seed >>> 61) % EXTENSIONS.length];
    return SampleEntry.file(groupDir(k, f / SyntheticImages.GROUP) + "/" + name, size, seed);
  }

  static String layerDir(int k) {
    return "opt/l" + k;
  }

  static String shelfDir(int k, int shelf) {
    return layerDir(k) + "/s" + shelf;
  }

  static String groupDir(int k, int group) {
    return shelfDir(k, group / SyntheticImages.SHELF) + "/g" + group;
  }

  /** Layer {@code k}'s edits of earlier layers, computed once per image for all its layers. */
  static List<SampleEntry> edits(SyntheticImages spec, int k) {
    synchronized (EDITS) {
      return EDITS.computeIfAbsent(spec, SyntheticLayout::allEdits).get(k);
    }
  }

  /**
   * The edits of every layer, in layer order, tracking what is deleted so that no edit touches a
   * deleted file or a file inside a deleted or opaque directory.
   */
  private static List<List<SampleEntry>> allEdits(SyntheticImages spec) {
    Set<String> gone = new HashSet<>();
    List<List<SampleEntry>> layers = new ArrayList<>();
    for (int k = 0; k < spec.layers(); k++) {
      Edits edits = new Edits();
      if (k > 0) {
        long seed = Seeds.mix(spec.seed() + k);
        Set<String> touched = new HashSet<>();
        // Whole directories first, so that no file edit lands in one.
        if (k % 2 == 0) {
          String group = pickGroup(spec, k, seed ^ 0x27d4eb2fL, 3, gone);
          if (group != null) {
            edits.add(SampleEntry.whiteout(group));
            gone.add(group);
          }
        }
        if (k % 3 == 1) {
          String group = pickGroup(spec, k, seed ^ 0x165667b1L, 5, gone);
          if (group != null) {
            edits.add(SampleEntry.opaque(group));
            gone.add(group);
            for (int n = 0; n < 3; n++) {
              edits.add(SampleEntry.file(group + "/refill" + n + ".dat", 4096L << n, seed + n));
            }
          }
        }
        for (int t = 0, tries = 0; t < spec.overwritesIn(k) && tries < 100_000; tries++) {
          SampleEntry target = pickFile(spec, k, seed, tries, 0, gone, touched);
          if (target == null) continue;
          edits.add(rewrite(target, t, seed));
          t++;
        }
        for (int t = 0, tries = 0; t < spec.whiteoutsIn(k) && tries < 100_000; tries++) {
          SampleEntry target = pickFile(spec, k, seed ^ 0x5bd1e995L, tries, 1, gone, touched);
          if (target == null) continue;
          edits.add(SampleEntry.whiteout(target.path()));
          gone.add(target.path());
          t++;
        }
      }
      layers.add(List.copyOf(edits.entries));
    }
    return List.copyOf(layers);
  }

  /** A third unchanged, a third new content, a third {@code chmod +x}. */
  private static SampleEntry rewrite(SampleEntry target, int t, long seed) {
    return switch (t % 3) {
      case 0 -> target;
      case 1 -> SampleEntry.file(target.path(), target.size() / 2 + 512, seed + t);
      default -> target.executable();
    };
  }

  /**
   * A file of an earlier layer whose index is {@code residue} modulo 3 (rewrites and whiteouts pick
   * apart), neither deleted nor already edited in this layer; null if this try hit one.
   */
  private static SampleEntry pickFile(
      SyntheticImages spec,
      int k,
      long seed,
      int tryIndex,
      int residue,
      Set<String> gone,
      Set<String> touched) {
    int layer = Seeds.pick(seed, 2L * tryIndex, k);
    int files = spec.filesIn(layer);
    int f = Seeds.pick(seed, 2L * tryIndex + 1, files);
    f -= (f % 3) - residue;
    if (f < 0 || f >= files) return null;
    SampleEntry target = file(spec, layer, f);
    String group = groupDir(layer, f / SyntheticImages.GROUP);
    if (gone.contains(target.path()) || gone.contains(group) || !touched.add(target.path())) {
      return null;
    }
    return target;
  }

  /** A whole directory of an earlier layer, index {@code residue} modulo 7, not yet deleted. */
  private static String pickGroup(
      SyntheticImages spec, int k, long seed, int residue, Set<String> gone) {
    for (int tries = 0; tries < 1000; tries++) {
      int layer = Seeds.pick(seed, 2L * tries, k);
      int groups = ceil(spec.filesIn(layer), SyntheticImages.GROUP);
      int g = Seeds.pick(seed, 2L * tries + 1, groups);
      g -= (g % 7) - residue;
      if (g < 0 || g >= groups - 1) continue;
      String group = groupDir(layer, g);
      if (!gone.contains(group)) return group;
    }
    return null;
  }

  private static int ceil(int a, int b) {
    return (a + b - 1) / b;
  }

  /** Edit entries with the directory entries of their parents, each parent once, before them. */
  private static final class Edits {
    private final List<SampleEntry> entries = new ArrayList<>();
    // The layer's own part has already written "opt".
    private final Set<String> dirs = new LinkedHashSet<>(List.of("opt"));

    void add(SampleEntry e) {
      String path = e.kind() == SampleEntry.Kind.OPAQUE ? e.path() + "/x" : e.path();
      for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
        String dir = path.substring(0, slash);
        if (dirs.add(dir)) entries.add(SampleEntry.dir(dir));
      }
      entries.add(e);
    }
  }
}
