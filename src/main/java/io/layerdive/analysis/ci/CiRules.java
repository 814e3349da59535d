package io.layerdive.analysis.ci;

import io.layerdive.analysis.ImageAnalysis;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The rules a CI run checks: dive's three, always (a disabled one shows as SKIP, as in dive), and
 * {@code highestReclaimableBytes} only when enabled, so that by default the report and the counts
 * are dive's.
 */
public record CiRules(List<CiRule> rules) {

  public CiRules {
    rules = List.copyOf(rules);
  }

  /**
   * Checks every configured value and builds the rules.
   *
   * @throws CiConfigException naming each rule whose value is invalid (all of them, not just the
   *     first)
   */
  public static CiRules from(CiConfig config) {
    List<CiRule> rules = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    add(rules, problems, () -> CiRule.lowestEfficiency(config.lowestEfficiency()));
    add(rules, problems, () -> CiRule.highestWastedBytes(config.highestWastedBytes()));
    add(rules, problems, () -> CiRule.highestUserWastedPercent(config.highestUserWastedPercent()));
    if (!Thresholds.isDisabled(config.highestReclaimableBytes())) {
      add(rules, problems, () -> CiRule.highestReclaimableBytes(config.highestReclaimableBytes()));
    }
    if (!problems.isEmpty()) {
      throw new CiConfigException(problems);
    }
    return new CiRules(rules);
  }

  /** Evaluates every rule; the results come sorted by rule name, as dive prints them. */
  public CiVerdict evaluate(ImageAnalysis analysis) {
    return new CiVerdict(
        rules.stream()
            .map(rule -> rule.evaluate(analysis))
            .sorted(Comparator.comparing(RuleResult::rule))
            .toList());
  }

  private interface RuleFactory {
    CiRule create();
  }

  private static void add(List<CiRule> rules, List<String> problems, RuleFactory factory) {
    try {
      rules.add(factory.create());
    } catch (CiConfigException e) {
      problems.addAll(e.problems());
    }
  }
}
