package io.layerdive.analysis.ci;

import io.layerdive.analysis.ImageAnalysis;

/**
 * A CI rule: a threshold on one figure of the analysis, or a disabled rule.
 *
 * <p>The factories read a configured value as dive does: "disabled", "off", "false" or empty
 * disable the rule; anything else must parse, or {@link CiConfigException} names the rule and
 * value. Comparisons are strict, as in dive: a figure exactly at the threshold passes.
 */
public sealed interface CiRule
    permits LowestEfficiencyRule,
        HighestWastedBytesRule,
        HighestUserWastedPercentRule,
        HighestReclaimableBytesRule,
        DisabledRule {

  String LOWEST_EFFICIENCY = "lowestEfficiency";
  String HIGHEST_WASTED_BYTES = "highestWastedBytes";
  String HIGHEST_USER_WASTED_PERCENT = "highestUserWastedPercent";
  String HIGHEST_RECLAIMABLE_BYTES = "highestReclaimableBytes";

  /** The rule's name as dive prints it, e.g. {@code lowestEfficiency}. */
  String name();

  /** The value as configured (printed on PASS); "disabled" for a disabled rule. */
  String configuredValue();

  RuleResult evaluate(ImageAnalysis analysis);

  /** Fails when the efficiency is below a ratio (0..1); dive's default 0.9. */
  static CiRule lowestEfficiency(String value) {
    return Thresholds.isDisabled(value)
        ? new DisabledRule(LOWEST_EFFICIENCY)
        : new LowestEfficiencyRule(value, Thresholds.ratio(LOWEST_EFFICIENCY, value));
  }

  /** Fails when dive's wasted bytes exceed a size such as 20MB; dive's default disabled. */
  static CiRule highestWastedBytes(String value) {
    return Thresholds.isDisabled(value)
        ? new DisabledRule(HIGHEST_WASTED_BYTES)
        : new HighestWastedBytesRule(value, Thresholds.size(HIGHEST_WASTED_BYTES, value));
  }

  /** Fails when wasted bytes over user bytes exceed a ratio (0..1); dive's default 0.1. */
  static CiRule highestUserWastedPercent(String value) {
    return Thresholds.isDisabled(value)
        ? new DisabledRule(HIGHEST_USER_WASTED_PERCENT)
        : new HighestUserWastedPercentRule(
            value, Thresholds.ratio(HIGHEST_USER_WASTED_PERCENT, value));
  }

  /** Fails when the really reclaimable bytes exceed a size; not a dive rule, off by default. */
  static CiRule highestReclaimableBytes(String value) {
    return Thresholds.isDisabled(value)
        ? new DisabledRule(HIGHEST_RECLAIMABLE_BYTES)
        : new HighestReclaimableBytesRule(value, Thresholds.size(HIGHEST_RECLAIMABLE_BYTES, value));
  }
}
