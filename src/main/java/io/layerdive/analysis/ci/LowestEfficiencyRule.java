package io.layerdive.analysis.ci;

import io.layerdive.analysis.ImageAnalysis;
import io.layerdive.bytes.GoFloatFormat;

/** dive's {@code lowestEfficiency}: fails when {@code threshold > efficiency}. */
public record LowestEfficiencyRule(String configuredValue, double threshold) implements CiRule {

  public LowestEfficiencyRule {
    if (!(threshold >= 0 && threshold <= 1)) {
      throw new IllegalArgumentException("threshold: must be a ratio in 0..1 (" + threshold + ")");
    }
  }

  @Override
  public String name() {
    return LOWEST_EFFICIENCY;
  }

  @Override
  public RuleResult evaluate(ImageAnalysis analysis) {
    if (threshold > analysis.efficiency()) {
      return new RuleResult(
          name(),
          RuleStatus.FAIL,
          "image efficiency is too low (efficiency="
              + GoFloatFormat.fixed(analysis.efficiency(), 2)
              + " < threshold="
              + GoFloatFormat.shortest(threshold)
              + ")");
    }
    return new RuleResult(name(), RuleStatus.PASS, configuredValue);
  }
}
