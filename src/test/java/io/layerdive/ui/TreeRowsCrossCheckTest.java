package io.layerdive.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.layerdive.image.FileType;
import io.layerdive.image.LayerChange;
import io.layerdive.testing.Layers;
import io.layerdive.tree.ChangeKind;
import io.layerdive.tree.FileTree;
import io.layerdive.tree.LayerStack;
import io.layerdive.tree.PathTrie;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Checks the flat-array rows against a plain, object-per-node rendering that follows dive's view
 * model step by step: hide by kind, unhide parents of visible children, filter childless nodes by
 * path, drop hidden nodes, then render with sizes taken over what remains.
 */
class TreeRowsCrossCheckTest {

  /** dive's view tree: a copy of the present nodes with hidden ones removed. */
  private static final class Node {
    final int id;
    final List<Node> children = new ArrayList<>();
    boolean hidden;

    Node(int id) {
      this.id = id;
    }
  }

  private static Node modelTree(FileTree tree, int id) {
    Node node = new Node(id);
    PathTrie trie = tree.trie();
    for (int c = trie.firstChild(id); c >= 0; c = trie.nextSibling(c)) {
      if (tree.isPresent(c)) node.children.add(modelTree(tree, c));
    }
    return node;
  }

  private static void markHidden(FileTree tree, Node node, boolean[] hiddenKinds, Pattern filter) {
    for (Node c : node.children) markHidden(tree, c, hiddenKinds, filter);
    if (node.id == PathTrie.ROOT) return;
    node.hidden = hiddenKinds[tree.kind(node.id).ordinal()];
    boolean visibleChild = false;
    for (Node c : node.children) {
      if (!c.hidden) {
        visibleChild = true;
        node.hidden = false;
      }
    }
    if (filter != null && !visibleChild && !node.hidden) {
      Matcher m = filter.matcher(tree.trie().path(node.id));
      node.hidden = !(m.find() && m.end() > m.start());
    }
  }

  private static void dropHidden(Node node) {
    node.children.removeIf(c -> c.hidden);
    for (Node c : node.children) dropHidden(c);
  }

  private static long size(FileTree tree, Node node) {
    if (node.children.isEmpty()) return tree.ownSize(node.id);
    boolean removed = tree.kind(node.id) == ChangeKind.REMOVED;
    long[] sum = {0};
    visit(
        node,
        d -> {
          if (tree.kind(d.id) != ChangeKind.REMOVED || removed) sum[0] += tree.ownSize(d.id);
        });
    return sum[0];
  }

  private static void visit(Node node, java.util.function.Consumer<Node> visitor) {
    for (Node c : node.children) visit(c, visitor);
    visitor.accept(node);
  }

  private static void render(
      FileTree tree,
      Node node,
      String spaces,
      BitSet collapsed,
      boolean bySize,
      StringBuilder out) {
    List<Node> kids = new ArrayList<>(node.children);
    if (bySize) {
      kids.sort(
          Comparator.comparingLong((Node k) -> -size(tree, k))
              .thenComparing(
                  k -> tree.trie().name(k.id), TreeRowsCrossCheckTest::compareCodePoints));
    }
    if (node.id != PathTrie.ROOT && collapsed.get(node.id)) return;
    for (int i = 0; i < kids.size(); i++) {
      Node k = kids.get(i);
      boolean last = i == kids.size() - 1;
      boolean showCollapsed = collapsed.get(k.id) && !k.children.isEmpty();
      String owner = tree.uid(k.id) + ":" + tree.gid(k.id);
      out.append(
          String.format(
              "%s%s %11s %10s ",
              tree.isDirectoryEntry(k.id) ? "d" : "-",
              tree.permissions(k.id),
              owner,
              io.layerdive.bytes.HumanBytes.format(size(tree, k))));
      out.append(' ').append(spaces).append(last ? "└─" : "├─").append(showCollapsed ? "⊕ " : "─ ");
      out.append(io.layerdive.text.DisplayWidth.sanitize(tree.trie().name(k.id)));
      FileType type = tree.type(k.id);
      if (type == FileType.SYMLINK || type == FileType.HARDLINK) {
        out.append(" → ").append(tree.linkTarget(k.id));
      }
      out.append('\n');
      String childSpaces = spaces + (last ? "    " : "│   ");
      render(tree, k, childSpaces, collapsed, bySize, out);
    }
  }

  private static int compareCodePoints(String a, String b) {
    int i = 0;
    while (i < a.length() && i < b.length()) {
      int x = a.codePointAt(i);
      int y = b.codePointAt(i);
      if (x != y) return Integer.compare(x, y);
      i += Character.charCount(x);
    }
    return Integer.compare(a.length(), b.length());
  }

  private static String expected(
      FileTree tree, boolean[] hiddenKinds, Pattern filter, BitSet collapsed, boolean bySize) {
    Node root = modelTree(tree, PathTrie.ROOT);
    markHidden(tree, root, hiddenKinds, filter);
    dropHidden(root);
    StringBuilder out = new StringBuilder();
    render(tree, root, "", collapsed, bySize, out);
    return out.toString();
  }

  private static String actual(
      FileTree tree, boolean[] hiddenKinds, Pattern filter, BitSet collapsed, boolean bySize) {
    long[] match = filter == null ? null : PathFilter.match(tree.trie(), filter, () -> false);
    TreeRows.Order order = bySize ? TreeRows.Order.BY_SIZE : TreeRows.Order.BY_NAME;
    FileTreeModel model = new FileTreeModel(null);
    model.setWastedMarker(false);
    model.showTree(tree);
    for (ChangeKind k : ChangeKind.values()) {
      if (hiddenKinds[k.ordinal()]) model.toggleHidden(k);
    }
    if (bySize) model.toggleSortOrder();
    if (filter != null) model.setFilter(filter.pattern());
    // Collapse through the model, by cursor as a user would; deepest first, since going to a node
    // opens the directories above it.
    for (int node = collapsed.previousSetBit(tree.trie().size());
        node >= 0;
        node = collapsed.previousSetBit(node - 1)) {
      if (!model.reveal(node)) continue;
      model.toggleCollapse();
    }
    TreeRows rows =
        TreeRows.build(tree, new TreeRows.Settings(collapsed, hiddenKinds, match, 0, order));
    StringBuilder out = new StringBuilder();
    for (int r = 0; r < model.rowCount(); r++) {
      for (Span s : model.row(r, true)) out.append(s.text());
      out.append('\n');
    }
    assertThat(model.rowCount()).isEqualTo(rows.count());
    return out.toString();
  }

  private static final String[] NAMES = {"a", "b", "c", "é", "日"};

  private static String randomPath(Random rnd, int depth) {
    StringBuilder sb = new StringBuilder();
    for (int d = 0; d < depth; d++) {
      if (d > 0) sb.append('/');
      sb.append(NAMES[rnd.nextInt(3 + (d == depth - 1 ? 2 : 0))]);
    }
    return sb.toString();
  }

  private static List<LayerChange> randomLayer(Random rnd) {
    List<LayerChange> changes = new ArrayList<>();
    int ops = 1 + rnd.nextInt(8);
    for (int i = 0; i < ops; i++) {
      int kind = rnd.nextInt(10);
      if (kind < 5) {
        changes.add(
            Layers.file(
                randomPath(rnd, 3),
                rnd.nextInt(3000),
                rnd.nextInt(3),
                0600 + rnd.nextInt(2) * 0155));
      } else if (kind < 7) {
        changes.add(Layers.dir(randomPath(rnd, 1 + rnd.nextInt(2)), 0700 + rnd.nextInt(2) * 055));
      } else if (kind < 8) {
        changes.add(Layers.symlink(randomPath(rnd, 3), "target"));
      } else {
        changes.add(Layers.whiteout(randomPath(rnd, 1 + rnd.nextInt(3))));
      }
    }
    // One entry per path per layer, as a tar with duplicates would end up.
    List<LayerChange> unique = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (int i = changes.size() - 1; i >= 0; i--) {
      if (seen.add(changes.get(i).path())) unique.add(0, changes.get(i));
    }
    // A file may not sit where this layer puts something below it.
    unique.removeIf(
        c ->
            c instanceof LayerChange.Put p
                && !p.entry().isDirectory()
                && seen.stream().anyMatch(s -> s.startsWith(p.path() + "/")));
    return unique;
  }

  @Test
  void flatRowsMatchDivesViewTreeOnRandomImages() {
    Random rnd = new Random(20261127);
    Pattern[] filters = {
      null,
      Pattern.compile("b"),
      Pattern.compile("a/c"),
      Pattern.compile("é|日"),
      Pattern.compile("x*")
    };
    int checked = 0;
    for (int image = 0; image < 60; image++) {
      int layerCount = 2 + rnd.nextInt(4);
      @SuppressWarnings("unchecked")
      List<LayerChange>[] layers = new List[layerCount];
      for (int l = 0; l < layerCount; l++) layers[l] = randomLayer(rnd);
      LayerStack stack = new LayerStack(Layers.files(layers));
      for (int l = 0; l < layerCount; l++) {
        for (FileTree tree : List.of(stack.layerChanges(l), stack.aggregated(l))) {
          for (int trial = 0; trial < 6; trial++) {
            boolean[] hidden = new boolean[4];
            for (int k = 0; k < 4; k++) hidden[k] = rnd.nextInt(4) == 0;
            Pattern filter = filters[rnd.nextInt(filters.length)];
            BitSet collapsed = new BitSet();
            for (int n = 1; n < tree.trie().size(); n++) {
              if (rnd.nextInt(6) == 0 && tree.isPresent(n) && tree.type(n) == FileType.DIRECTORY)
                collapsed.set(n);
            }
            boolean bySize = rnd.nextBoolean();
            String want = expected(tree, hidden, filter, collapsed, bySize);
            String got = actual(tree, hidden, filter, collapsed, bySize);
            assertThat(got)
                .as(
                    "image %d layer %d hidden %s filter %s by size %s",
                    image, l, java.util.Arrays.toString(hidden), filter, bySize)
                .isEqualTo(want);
            checked++;
          }
        }
      }
    }
    assertThat(checked).isGreaterThan(500);
  }
}
