package io.layerdive.tree;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The paths layers mention while they are being read, interned as (parent, name) pairs. Shared by
 * the layer builders of one image, which may run on several threads. Node 0 is the root.
 */
final class PathTable {
  private int[] parents = new int[1024];
  private String[] names = new String[1024];
  private int size = 1;
  private int[] slots = new int[2048];
  // Names repeat across directories (index.js, package.json): one String each.
  private final Map<String, String> nameIntern = new HashMap<>();

  PathTable() {
    parents[0] = -1;
    names[0] = "";
  }

  synchronized int intern(int parent, String name) {
    int mask = slots.length - 1;
    int h = hash(parent, name) & mask;
    while (true) {
      int slot = slots[h];
      if (slot == 0) break;
      int id = slot - 1;
      if (parents[id] == parent && names[id].equals(name)) return id;
      h = (h + 1) & mask;
    }
    if (size == parents.length) {
      parents = Arrays.copyOf(parents, size * 2);
      names = Arrays.copyOf(names, size * 2);
    }
    int id = size++;
    parents[id] = parent;
    names[id] = nameIntern.computeIfAbsent(name, n -> n);
    slots[h] = id + 1;
    if (size * 2 > slots.length) rehash();
    return id;
  }

  /** Interns every component of a relative path and returns the last one's id. */
  int internPath(String path) {
    int node = 0;
    int start = 0;
    int len = path.length();
    while (start < len) {
      int slash = path.indexOf('/', start);
      int end = slash < 0 ? len : slash;
      if (end > start) node = intern(node, path.substring(start, end));
      start = end + 1;
    }
    return node;
  }

  synchronized int size() {
    return size;
  }

  synchronized int parent(int id) {
    return parents[id];
  }

  synchronized String name(int id) {
    return names[id];
  }

  synchronized int[] parentsSnapshot() {
    return Arrays.copyOf(parents, size);
  }

  synchronized String[] namesSnapshot() {
    return Arrays.copyOf(names, size);
  }

  private void rehash() {
    int[] bigger = new int[slots.length * 2];
    int mask = bigger.length - 1;
    for (int id = 1; id < size; id++) {
      int h = hash(parents[id], names[id]) & mask;
      while (bigger[h] != 0) h = (h + 1) & mask;
      bigger[h] = id + 1;
    }
    slots = bigger;
  }

  private static int hash(int parent, String name) {
    int h = parent * 0x9E3779B1 + name.hashCode();
    return h ^ (h >>> 16);
  }
}
