package io.layerdive.tree;

import static org.assertj.core.api.Assertions.assertThat;

import io.layerdive.analysis.Efficiency;
import io.layerdive.analysis.Inefficiency;
import io.layerdive.image.FileType;
import io.layerdive.source.LoadListener;
import io.layerdive.source.LoadedImage;
import io.layerdive.source.archive.DockerArchiveSource;
import io.layerdive.testing.Conformance;
import io.layerdive.testing.Golden;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The per-layer change counts of dive's two compare modes (conformance README §5a), the changed
 * nodes themselves with the sizes dive shows (§5b, §5c), and the efficiency figures (§1a, §5), on
 * dive's own test images.
 */
class DiveCompareConformanceTest {

  // {added, modified, removed, unmodified} per layer: single-layer mode, then aggregated mode.
  private static final int[][] DOCKER_SINGLE = {
    {0, 0, 0, 415}, {1, 0, 0, 415}, {3, 1, 0, 415}, {1, 2, 0, 417}, {0, 3, 0, 417}, {1, 2, 0, 418},
    {1, 2, 0, 419}, {1, 2, 1, 419}, {1, 1, 0, 421}, {0, 1, 5, 417}, {3, 1, 0, 417}, {1, 1, 0, 420},
    {1, 2, 0, 420}, {0, 2, 0, 421}
  };
  private static final int[][] DOCKER_AGGREGATED = {
    {0, 0, 0, 415}, {1, 0, 0, 415}, {4, 1, 0, 414}, {5, 1, 0, 414}, {5, 1, 0, 414}, {6, 1, 0, 414},
    {7, 1, 0, 414}, {7, 1, 1, 414}, {8, 1, 1, 414}, {3, 1, 6, 414}, {6, 1, 6, 414}, {7, 2, 6, 413},
    {8, 2, 6, 413}, {8, 2, 6, 413}
  };

  private static ImageFiles load(String image) throws Exception {
    TreeBuilder builder = new TreeBuilder();
    LoadedImage<RawLayer> loaded =
        DockerArchiveSource.file(Conformance.file("images/" + image), image)
            .load(builder, LoadListener.NONE);
    return builder.freeze(loaded.layerContents());
  }

  private static int[] counts(FileTree tree) {
    Map<ChangeKind, Integer> c = tree.countByKind();
    return new int[] {
      c.get(ChangeKind.ADDED),
      c.get(ChangeKind.MODIFIED),
      c.get(ChangeKind.REMOVED),
      c.get(ChangeKind.UNMODIFIED)
    };
  }

  @ParameterizedTest
  @ValueSource(strings = {"test-docker-image.tar", "test-kaniko-image.tar"})
  void changeCountsPerLayerInBothModes(String image) throws Exception {
    LayerStack stack = new LayerStack(load(image));
    // The kaniko base layer has 6 more nodes than docker's (421 vs 415): only the unmodified
    // count differs, by that much.
    int extra = image.startsWith("test-kaniko") ? 6 : 0;
    for (int i = 0; i < 14; i++) {
      int[] single = DOCKER_SINGLE[i].clone();
      single[3] += extra;
      int[] aggregated = DOCKER_AGGREGATED[i].clone();
      aggregated[3] += extra;
      assertThat(counts(stack.layerChanges(i)))
          .as("%s single layer %d", image, i)
          .containsExactly(single);
      assertThat(counts(stack.aggregated(i)))
          .as("%s aggregated layer %d", image, i)
          .containsExactly(aggregated);
    }
    assertThat(stack.diagnostics()).isEmpty();
  }

  /**
   * The nodes a tree marks other than unmodified, in dive's order (parents first, siblings by
   * name), as the conformance README lists them: {@code M /root/ [21402]}, directories with a
   * slash, the size dive shows in brackets.
   */
  private static String changedNodes(FileTree tree) {
    List<String> out = new ArrayList<>();
    changedNodes(tree, PathTrie.ROOT, out);
    return String.join("; ", out);
  }

  private static void changedNodes(FileTree tree, int node, List<String> out) {
    for (int c = tree.firstChild(node); c >= 0; c = tree.nextSibling(c)) {
      ChangeKind kind = tree.kind(c);
      if (kind != ChangeKind.UNMODIFIED) {
        out.add(
            kind.name().charAt(0)
                + " "
                + tree.trie().path(c)
                + (tree.type(c) == FileType.DIRECTORY ? "/" : "")
                + " ["
                + tree.size(c)
                + "]");
      }
      changedNodes(tree, c, out);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"test-docker-image.tar", "test-kaniko-image.tar"})
  void changedNodesPerLayerAndAggregatedAtTheLastAsDiveShowsThem(String image) throws Exception {
    LayerStack stack = new LayerStack(load(image));

    StringBuilder listing = new StringBuilder();
    for (int i = 1; i < 14; i++) {
      listing.append("layer ").append(i).append(": ");
      listing.append(changedNodes(stack.layerChanges(i))).append('\n');
    }
    listing.append("aggregated at layer 13: ").append(changedNodes(stack.aggregated(13)));
    // The golden files are the conformance README's lists, copied verbatim.
    Golden.assertMatches(
        DiveCompareConformanceTest.class,
        "changedNodes_" + image.replace(".tar", ""),
        listing.append('\n').toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"test-docker-image.tar", "test-kaniko-image.tar"})
  void efficiencyToTheLastDigit(String image) throws Exception {
    Efficiency.Result result = Efficiency.compute(load(image));

    boolean kaniko = image.startsWith("test-kaniko");
    assertThat(result.score()).isEqualTo(kaniko ? 0.9793688490216431 : 0.9844212134184309);
    assertThat(result.inefficiencies())
        .extracting(i -> i.path() + " " + i.count() + " " + i.cumulativeBytes())
        .containsExactly(
            "/root/saved.txt 2 " + (kaniko ? 18498 : 12810),
            "/root/example/somefile1.txt 2 " + (kaniko ? 18498 : 12810),
            "/root/example/somefile3.txt 2 " + (kaniko ? 9249 : 6405));
    // The smallest copy of each (README §5b/§5c efficiency map): the file whiteout costs 0.
    long copy = kaniko ? 9249 : 6405;
    assertThat(result.inefficiencies())
        .extracting(Inefficiency::smallestBytes)
        .containsExactly(copy, copy, 0L);
  }
}
