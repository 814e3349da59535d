package io.layerdive.analysis.ci;

import io.layerdive.analysis.ImageAnalysis;

/** A rule switched off: always SKIP, printed as "(disabled)". */
public record DisabledRule(String name) implements CiRule {
  static final String DISABLED = "disabled";

  @Override
  public String configuredValue() {
    return DISABLED;
  }

  @Override
  public RuleResult evaluate(ImageAnalysis analysis) {
    return new RuleResult(name, RuleStatus.SKIP, DISABLED);
  }
}
