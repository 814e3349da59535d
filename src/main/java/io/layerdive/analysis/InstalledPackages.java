package io.layerdive.analysis;

import io.layerdive.tree.ImageFiles;
import io.layerdive.tree.PackageDatabasePaths;
import io.layerdive.tree.PathTrie;
import io.layerdive.tree.StackWalk;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which package installed which file, from the package databases in an image's final file system:
 * dpkg ({@code var/lib/dpkg/status} and {@code info/*.list}) and apk ({@code lib/apk/db/installed}).
 */
public final class InstalledPackages {
  private final Map<Integer, String> ownerByNode;

  private InstalledPackages(Map<Integer, String> ownerByNode) {
    this.ownerByNode = ownerByNode;
  }

  public static InstalledPackages none() {
    return new InstalledPackages(Map.of());
  }

  /** The package that installed the file at {@code node}, if a database says so. */
  public Optional<String> owner(int node) {
    return Optional.ofNullable(ownerByNode.get(node));
  }

  public boolean isEmpty() {
    return ownerByNode.isEmpty();
  }

  /** Reads the databases of the file system {@code walk} has stacked (all layers, usually). */
  public static InstalledPackages read(ImageFiles files, StackWalk finalTree) {
    PathTrie trie = files.trie();
    Map<Integer, String> owners = new HashMap<>();
    content(files, finalTree, PackageDatabasePaths.APK_INSTALLED).ifPresent(db -> readApk(db, trie, owners));
    int info = trie.find(PackageDatabasePaths.DPKG_INFO_DIR);
    if (info >= 0 && finalTree.isPresent(info)) {
      for (int c = trie.firstChild(info); c >= 0; c = trie.nextSibling(c)) {
        if (!finalTree.isPresent(c)) continue;
        String name = trie.name(c);
        if (!name.endsWith(".list")) continue;
        String pkg = name.substring(0, name.length() - ".list".length());
        int colon = pkg.indexOf(':');
        String pkgName = colon < 0 ? pkg : pkg.substring(0, colon);
        content(files, finalTree, c).ifPresent(list -> readDpkgList(list, pkgName, trie, owners));
      }
    }
    return new InstalledPackages(owners);
  }

  private static Optional<String> content(ImageFiles files, StackWalk tree, String path) {
    int node = files.trie().find(path);
    return node < 0 ? Optional.empty() : content(files, tree, node);
  }

  private static Optional<String> content(ImageFiles files, StackWalk tree, int node) {
    if (!tree.isPresent(node) || tree.entryLayer(node) < 0) return Optional.empty();
    return files
        .layer(tree.entryLayer(node))
        .content(node)
        .map(bytes -> new String(bytes, StandardCharsets.UTF_8));
  }

  private static void readDpkgList(String list, String pkg, PathTrie trie, Map<Integer, String> owners) {
    for (String line : list.split("\n")) {
      if (line.isEmpty() || line.equals("/.")) continue;
      int node = trie.find(line);
      // Directories are shared by many packages: only files say who installed them.
      if (node >= 0 && trie.firstChild(node) < 0) owners.putIfAbsent(node, pkg);
    }
  }

  private static void readApk(String db, PathTrie trie, Map<Integer, String> owners) {
    String pkg = null;
    String dir = "";
    for (String line : db.split("\n")) {
      if (line.length() < 2 || line.charAt(1) != ':') {
        if (line.isEmpty()) {
          pkg = null;
          dir = "";
        }
        continue;
      }
      String value = line.substring(2);
      switch (line.charAt(0)) {
        case 'P' -> pkg = value;
        case 'F' -> dir = value;
        case 'R' -> {
          if (pkg == null) break;
          int node = trie.find(dir.isEmpty() ? value : dir + "/" + value);
          if (node >= 0) owners.putIfAbsent(node, pkg);
        }
        default -> {}
      }
    }
  }
}
