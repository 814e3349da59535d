package io.layerdive.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GoSortTest {

  /** An element of a sorted list: its sort key and where it started. */
  private record Item(long key, int index) {}

  private static final BiPredicate<Item, Item> BY_KEY = (a, b) -> a.key() < b.key();

  /** The same deterministic, inconsistent order as the Go program that produced the vectors. */
  private static final BiPredicate<Item, Item> CHAOS =
      (a, b) -> {
        long h = (a.index() * 0x9E3779B97F4A7C15L) ^ (b.index() * 0xC2B2AE3D27D4EB4FL);
        h ^= h >>> 29;
        return (h & 1) == 1;
      };

  @Test
  void twelveOrFewerAreSortedStably() {
    List<Item> items = items(3, 1, 2, 1, 3, 2, 1, 3, 2, 3, 1, 2);

    GoSort.sort(items, BY_KEY);

    assertThat(indices(items)).containsExactly(1, 3, 6, 10, 2, 5, 8, 11, 0, 4, 7, 9);
  }

  @Test
  void thirteenAreNotSortedStably() {
    // Go: sort.Sort on these keys yields this order; a stable sort would start 1, 3, 6, 10.
    List<Item> items = items(3, 1, 2, 1, 3, 2, 1, 3, 2, 3, 1, 2, 2);

    GoSort.sort(items, BY_KEY);

    assertThat(indices(items)).containsExactly(6, 1, 3, 10, 2, 5, 8, 11, 12, 4, 0, 7, 9);
  }

  @Test
  void sortsDivesInefficienciesOfTheTestImageAscending() {
    // Cumulative sizes in the order the paths reached two copies (test-docker-image.tar).
    List<Item> items = items(12810, 6405, 12810);

    GoSort.sort(items, BY_KEY);

    assertThat(indices(items)).containsExactly(1, 0, 2);
  }

  @Test
  void leavesShortListsAlone() {
    List<Item> empty = new ArrayList<>();
    List<Item> one = items(5);

    GoSort.sort(empty, BY_KEY);
    GoSort.sort(one, BY_KEY);

    assertThat(empty).isEmpty();
    assertThat(indices(one)).containsExactly(0);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goVectors")
  void leavesTheOrderGoLeaves(String name, String mode, List<Item> items, List<Integer> expected) {
    GoSort.sort(items, mode.equals("chaos") ? CHAOS : BY_KEY);

    assertThat(indices(items)).isEqualTo(expected);
  }

  static Stream<Arguments> goVectors() throws IOException {
    try (InputStream in = GoSortTest.class.getResourceAsStream("/vectors/go-sort.tsv")) {
      assertThat(in).as("test resource vectors/go-sort.tsv").isNotNull();
      List<Arguments> cases =
          new String(in.readAllBytes(), StandardCharsets.UTF_8)
              .lines()
              .filter(line -> !line.isEmpty() && !line.startsWith("#"))
              .map(GoSortTest::vector)
              .toList();
      assertThat(cases).hasSizeGreaterThan(100);
      return cases.stream();
    }
  }

  private static Arguments vector(String line) {
    String[] fields = line.split("\t");
    List<Integer> expected =
        Arrays.stream(fields[3].split(",")).map(Integer::valueOf).collect(Collectors.toList());
    long[] keys =
        fields[2].equals("iota")
            ? IntStream.range(0, expected.size()).asLongStream().toArray()
            : Arrays.stream(fields[2].split(",")).mapToLong(Long::parseLong).toArray();
    return Arguments.of(fields[0], fields[1], items(keys), expected);
  }

  private static List<Item> items(long... keys) {
    List<Item> items = new ArrayList<>();
    for (int i = 0; i < keys.length; i++) {
      items.add(new Item(keys[i], i));
    }
    return items;
  }

  private static List<Integer> indices(List<Item> items) {
    return items.stream().map(Item::index).toList();
  }
}
