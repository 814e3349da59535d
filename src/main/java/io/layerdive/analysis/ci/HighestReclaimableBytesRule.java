package io.layerdive.analysis.ci;

import io.layerdive.analysis.ImageAnalysis;

/**
 * Fails when the bytes that removing the waste would really save exceed the threshold. Unlike
 * dive's wasted bytes this does not count the copy that has to stay.
 */
public record HighestReclaimableBytesRule(String configuredValue, long threshold)
    implements CiRule {

  public HighestReclaimableBytesRule {
    if (threshold < 0) {
      throw new IllegalArgumentException("threshold: must not be negative (" + threshold + ")");
    }
  }

  @Override
  public String name() {
    return HIGHEST_RECLAIMABLE_BYTES;
  }

  @Override
  public RuleResult evaluate(ImageAnalysis analysis) {
    if (analysis.reclaimableBytes() > threshold) {
      return new RuleResult(
          name(),
          RuleStatus.FAIL,
          "too many bytes reclaimable (reclaimable-bytes="
              + analysis.reclaimableBytes()
              + " > threshold="
              + threshold
              + ")");
    }
    return new RuleResult(name(), RuleStatus.PASS, configuredValue);
  }
}
