package io.layerdive.analysis;

import java.util.List;

/**
 * One thing to change in the Dockerfile, and what it saves.
 *
 * @param problem what is wrong, with the layers and commands involved
 * @param change the concrete change to make
 * @param bytesSaved uncompressed bytes the change removes from the image; no byte is counted by
 *     two items of one report
 * @param exact whether {@code bytesSaved} is exact arithmetic or an estimate
 * @param layers the layers involved, lowest first
 * @param files how many files the item covers
 * @param examples the largest paths involved, largest first (at most five)
 */
public record Advice(
    AdviceKind kind,
    String problem,
    String change,
    long bytesSaved,
    boolean exact,
    List<Integer> layers,
    int files,
    List<String> examples) {
  public Advice {
    layers = List.copyOf(layers);
    examples = List.copyOf(examples);
  }
}
