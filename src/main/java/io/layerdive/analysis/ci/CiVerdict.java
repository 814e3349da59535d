package io.layerdive.analysis.ci;

import java.util.List;

/**
 * The outcome of a CI run.
 *
 * @param results one per rule, sorted by rule name
 */
public record CiVerdict(List<RuleResult> results) {

  public CiVerdict {
    results = List.copyOf(results);
  }

  /** True unless some rule failed (skipped rules do not fail a run). */
  public boolean passed() {
    return failCount() == 0;
  }

  public int passCount() {
    return count(RuleStatus.PASS);
  }

  public int failCount() {
    return count(RuleStatus.FAIL);
  }

  public int skipCount() {
    return count(RuleStatus.SKIP);
  }

  private int count(RuleStatus status) {
    return (int) results.stream().filter(result -> result.status() == status).count();
  }
}
