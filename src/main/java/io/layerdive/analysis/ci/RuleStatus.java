package io.layerdive.analysis.ci;

/** How a rule came out; the names are the labels dive prints. */
public enum RuleStatus {
  PASS,
  FAIL,
  /** The rule is disabled. */
  SKIP
}
