package io.layerdive.sample;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The tar entries a sample layer becomes: whiteouts encoded as names, parent directories added and
 * the walk order applied as the layer asks.
 */
final class TarRecords {
  static final String WHITEOUT_PREFIX = ".wh.";
  static final String OPAQUE_MARKER = ".wh..wh..opq";

  /**
   * The order of {@code filepath.Walk}: component by component, a directory before its children.
   */
  static final Comparator<TarRecord> WALK_ORDER = (a, b) -> compareWalk(a.name(), b.name());

  /** One tar entry: its name in the tar (directories without the trailing slash) and its source. */
  record TarRecord(String name, SampleEntry entry) {}

  private TarRecords() {}

  static Iterable<TarRecord> of(SampleLayer layer) {
    if (!layer.parentDirs() && !layer.walkOrder()) {
      // Streams huge generated layers without holding them.
      return () -> map(layer.entries().iterator());
    }
    List<TarRecord> records = new ArrayList<>();
    Set<String> dirs = new HashSet<>();
    if (layer.parentDirs()) {
      for (SampleEntry e : layer.entries()) {
        if (e.kind() == SampleEntry.Kind.DIRECTORY) dirs.add(e.path());
      }
    }
    for (SampleEntry e : layer.entries()) {
      if (layer.parentDirs()) {
        String dirPath = e.kind() == SampleEntry.Kind.OPAQUE ? e.path() : parent(e.path());
        addDirs(dirPath, dirs, records);
      }
      records.add(record(e));
    }
    if (layer.walkOrder()) records.sort(WALK_ORDER);
    return records;
  }

  static TarRecord record(SampleEntry e) {
    return new TarRecord(tarName(e), e);
  }

  /**
   * {@code var/cache/apk} whiteout → {@code var/cache/.wh.apk}; opaque {@code d} → {@code
   * d/.wh..wh..opq}.
   */
  static String tarName(SampleEntry e) {
    return switch (e.kind()) {
      case WHITEOUT -> {
        int slash = e.path().lastIndexOf('/');
        yield e.path().substring(0, slash + 1) + WHITEOUT_PREFIX + e.path().substring(slash + 1);
      }
      case OPAQUE -> e.path() + "/" + OPAQUE_MARKER;
      default -> e.path();
    };
  }

  static int compareWalk(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      char x = a.charAt(i);
      char y = b.charAt(i);
      if (x != y) {
        if (x == '/') return -1;
        if (y == '/') return 1;
        return Character.compare(x, y);
      }
    }
    return Integer.compare(a.length(), b.length());
  }

  /** Adds {@code dir} and its parents, outermost first, unless listed or added already. */
  private static void addDirs(String dir, Set<String> dirs, List<TarRecord> records) {
    if (dir.isEmpty()) return;
    int from = 0;
    while (from <= dir.length()) {
      int slash = dir.indexOf('/', from);
      int end = slash < 0 ? dir.length() : slash;
      String prefix = dir.substring(0, end);
      String component = dir.substring(from, end);
      if (component.isEmpty() || component.equals(".") || component.equals("..")) return;
      if (dirs.add(prefix)) {
        records.add(record(SampleEntry.dir(prefix).withMode(parentMode(prefix))));
      }
      from = end + 1;
    }
  }

  /** The modes an Alpine or Debian root has, so synthesised parents look like docker's. */
  private static int parentMode(String dir) {
    return switch (dir) {
      case "root" -> 0700;
      case "tmp", "var/tmp" -> 01777;
      default -> 0755;
    };
  }

  private static String parent(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }

  private static Iterator<TarRecord> map(Iterator<SampleEntry> entries) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return entries.hasNext();
      }

      @Override
      public TarRecord next() {
        return record(entries.next());
      }
    };
  }
}
