package io.layerdive.tree;

import static io.layerdive.testing.Layers.dir;
import static io.layerdive.testing.Layers.file;
import static io.layerdive.testing.Layers.files;
import static io.layerdive.testing.Layers.layer;
import static io.layerdive.testing.Layers.opaque;
import static io.layerdive.testing.Layers.whiteout;
import static org.assertj.core.api.Assertions.assertThat;

import io.layerdive.image.LayerChange;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class LayerStackTest {

  /** Path → mark letter of every present node, for compact assertions. */
  private static Map<String, String> marks(FileTree tree) {
    Map<String, String> out = new TreeMap<>();
    PathTrie trie = tree.trie();
    for (int n = 1; n < trie.size(); n++) {
      if (tree.isPresent(n)) out.put(trie.path(n), tree.kind(n).name().substring(0, 1));
    }
    return out;
  }

  @Test
  void addsMarkNewNodesAddedAndTheirExistingParentsModified() {
    LayerStack stack =
        new LayerStack(
            files(
                layer(dir("usr"), dir("usr/bin"), file("usr/bin/sh", 10)),
                layer(dir("usr"), dir("usr/bin"), file("usr/bin/bash", 20), dir("a"), dir("a/new"), file("a/new/path", 1))));

    assertThat(marks(stack.layerChanges(1)))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "/usr", "M",
                "/usr/bin", "M",
                "/usr/bin/sh", "U",
                "/usr/bin/bash", "A",
                "/a", "A",
                "/a/new", "A",
                "/a/new/path", "A"));
  }

  @Test
  void modeOwnerOrContentChangeIsModified_sameContentIsNot() {
    LayerStack stack =
        new LayerStack(
            files(
                layer(file("same", 5, 1), file("chmod", 5, 2), file("content", 5, 3)),
                layer(file("same", 5, 1), file("chmod", 5, 2, 0755), file("content", 5, 4))));

    assertThat(marks(stack.layerChanges(1)))
        .containsEntry("/same", "U")
        .containsEntry("/chmod", "M")
        .containsEntry("/content", "M");
  }

  @Test
  void whiteoutMarksSubtreeRemovedAndKeepsItInTheTree() {
    LayerStack stack =
        new LayerStack(
            files(
                layer(dir("root"), dir("root/example"), file("root/example/a", 100)),
                layer(dir("root"), whiteout("root/example"))));

    FileTree tree = stack.layerChanges(1);

    assertThat(marks(tree))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("/root", "M", "/root/example", "R", "/root/example/a", "R"));
    int root = tree.trie().find("/root");
    int example = tree.trie().find("/root/example");
    assertThat(tree.size(root)).as("removed children excluded").isZero();
    assertThat(tree.size(example)).as("a removed dir counts its removed children").isEqualTo(100);
    assertThat(stack.stacked(1).isPresent(example)).isFalse();
  }

  @Test
  void aggregatedModeKeepsTheFirstMark() {
    LayerStack stack =
        new LayerStack(
            files(
                layer(dir("etc")),
                layer(dir("etc"), file("etc/conf", 5, 1)),
                layer(dir("etc"), file("etc/conf", 5, 1, 0600))));

    assertThat(marks(stack.aggregated(2))).containsEntry("/etc/conf", "A");
    assertThat(marks(stack.layerChanges(2))).containsEntry("/etc/conf", "M");
  }

  @Test
  void layerZeroIsAllUnmodifiedInBothModes() {
    LayerStack stack = new LayerStack(files(layer(dir("bin"), file("bin/sh", 3))));

    assertThat(marks(stack.layerChanges(0))).containsOnly(Map.entry("/bin", "U"), Map.entry("/bin/sh", "U"));
    assertThat(marks(stack.aggregated(0))).containsOnly(Map.entry("/bin", "U"), Map.entry("/bin/sh", "U"));
  }

  @Test
  void opaqueDirectoryHidesLowerContentWhateverTheEntryOrder() {
    List<LayerChange> upper = new ArrayList<>(List.of(dir("app"), opaque("app"), file("app/new", 2)));
    for (int rotation = 0; rotation < upper.size(); rotation++) {
      Collections.rotate(upper, 1);
      LayerStack stack =
          new LayerStack(
              files(layer(dir("app"), file("app/old", 9), dir("app/sub"), file("app/sub/x", 1)), List.copyOf(upper)));

      FileTree top = stack.stacked(1);
      PathTrie trie = top.trie();
      assertThat(top.isPresent(trie.find("/app/new"))).as("order %s", upper).isTrue();
      assertThat(top.isPresent(trie.find("/app/old"))).as("order %s", upper).isFalse();
      assertThat(top.isPresent(trie.find("/app/sub/x"))).as("order %s", upper).isFalse();
      assertThat(top.fileSystemBytes()).isEqualTo(2);
    }
  }

  @Test
  void whiteoutAndReAddInOneLayerIsOrderIndependent() {
    for (boolean whiteoutFirst : new boolean[] {true, false}) {
      List<LayerChange> upper =
          whiteoutFirst
              ? List.of(whiteout("data"), dir("data"), file("data/fresh", 4))
              : List.of(dir("data"), file("data/fresh", 4), whiteout("data"));
      LayerStack stack =
          new LayerStack(files(layer(dir("data"), file("data/stale", 8)), upper));

      FileTree top = stack.stacked(1);
      assertThat(top.isPresent(top.trie().find("/data/fresh"))).isTrue();
      assertThat(top.isPresent(top.trie().find("/data/stale"))).isFalse();
    }
  }

  @Test
  void danglingWhiteoutIsADiagnostic() {
    LayerStack stack = new LayerStack(files(layer(file("a", 1)), layer(whiteout("ghost"), file("b", 1))));

    assertThat(stack.diagnostics()).singleElement().asString().contains("/ghost").contains("layer 1");
    assertThat(stack.stacked(1).isPresent(stack.files().trie().find("/b"))).isTrue();
  }

  @Test
  void laterDuplicateEntryWins() {
    LayerStack stack = new LayerStack(files(layer(file("f", 1, 1), file("f", 7, 2))));

    FileTree tree = stack.stacked(0);
    assertThat(tree.ownSize(tree.trie().find("/f"))).isEqualTo(7);
    assertThat(stack.files().layer(0).entryCount()).isEqualTo(1);
  }

  @Test
  void impliedDirectoriesAreNodesOfTheLayerTree() {
    LayerStack stack = new LayerStack(files(layer(file("a/b/c", 1))));

    assertThat(stack.files().layer(0).nodeCount()).isEqualTo(3);
    FileTree tree = stack.stacked(0);
    int a = tree.trie().find("/a");
    assertThat(tree.hasEntry(a)).isFalse();
    assertThat(tree.isDirectoryEntry(a)).isFalse();
    assertThat(tree.size(a)).isEqualTo(1);
  }

  @Test
  void childrenAreInCodePointOrder() {
    // U+1F600 (a surrogate pair in UTF-16) sorts after U+FF5E in UTF-8 byte order, as in dive.
    LayerStack stack = new LayerStack(files(layer(file("\uD83D\uDE00", 1), file("\uFF5E", 1), file("B", 1), file("a", 1))));

    FileTree tree = stack.stacked(0);
    List<String> names = new ArrayList<>();
    for (int c = tree.firstChild(PathTrie.ROOT); c >= 0; c = tree.nextSibling(c)) names.add(tree.trie().name(c));
    assertThat(names).containsExactly("B", "a", "\uFF5E", "\uD83D\uDE00");
  }
}
