package io.layerdive.analysis.ci;

import io.layerdive.analysis.ImageAnalysis;

/** dive's {@code highestWastedBytes}: fails when {@code wastedBytes > threshold}. */
public record HighestWastedBytesRule(String configuredValue, long threshold) implements CiRule {

  public HighestWastedBytesRule {
    if (threshold < 0) {
      throw new IllegalArgumentException("threshold: must not be negative (" + threshold + ")");
    }
  }

  @Override
  public String name() {
    return HIGHEST_WASTED_BYTES;
  }

  @Override
  public RuleResult evaluate(ImageAnalysis analysis) {
    if (analysis.wastedBytes() > threshold) {
      return new RuleResult(
          name(),
          RuleStatus.FAIL,
          "too many bytes wasted (wasted-bytes="
              + analysis.wastedBytes()
              + " > threshold="
              + threshold
              + ")");
    }
    return new RuleResult(name(), RuleStatus.PASS, configuredValue);
  }
}
