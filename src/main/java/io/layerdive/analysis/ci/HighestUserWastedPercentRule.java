package io.layerdive.analysis.ci;

import io.layerdive.analysis.ImageAnalysis;
import io.layerdive.bytes.GoFloatFormat;

/**
 * dive's {@code highestUserWastedPercent}: fails when wasted bytes / user bytes {@code >
 * threshold}. With no user bytes the ratio is NaN and the rule passes, as in dive.
 */
public record HighestUserWastedPercentRule(String configuredValue, double threshold)
    implements CiRule {

  public HighestUserWastedPercentRule {
    if (!(threshold >= 0 && threshold <= 1)) {
      throw new IllegalArgumentException("threshold: must be a ratio in 0..1 (" + threshold + ")");
    }
  }

  @Override
  public String name() {
    return HIGHEST_USER_WASTED_PERCENT;
  }

  @Override
  public RuleResult evaluate(ImageAnalysis analysis) {
    double ratio = analysis.userWastedRatio();
    if (ratio > threshold) {
      return new RuleResult(
          name(),
          RuleStatus.FAIL,
          "too many bytes wasted, relative to the user bytes added (%-user-wasted-bytes="
              + GoFloatFormat.fixed(ratio, 2)
              + " > threshold="
              + GoFloatFormat.shortest(threshold)
              + ")");
    }
    return new RuleResult(name(), RuleStatus.PASS, configuredValue);
  }
}
