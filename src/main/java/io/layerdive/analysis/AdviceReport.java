package io.layerdive.analysis;

import java.util.List;

/**
 * Advice ordered by bytes saved (largest first), and the layer merges worth making.
 *
 * @param totalBytesSaved Σ of the items' savings: each byte is counted by one item at most
 */
public record AdviceReport(List<Advice> items, List<LayerMerge> merges, long totalBytesSaved) {
  public AdviceReport {
    items = List.copyOf(items);
    merges = List.copyOf(merges);
  }
}
