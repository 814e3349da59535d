package io.layerdive.analysis.ci;

/**
 * One rule's outcome.
 *
 * @param rule the rule's name, e.g. {@code lowestEfficiency}
 * @param message dive's text in parentheses: the configured value on PASS ("0.90" as written), the
 *     reason on FAIL, "disabled" on SKIP
 */
public record RuleResult(String rule, RuleStatus status, String message) {}
