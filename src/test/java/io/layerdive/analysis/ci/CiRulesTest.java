package io.layerdive.analysis.ci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.layerdive.analysis.ImageAnalysis;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CiRulesTest {
  private static final ImageAnalysis TEST_IMAGE = ConformanceAnalyses.testDockerImage();

  @Test
  void userWastedRatioIsDivesFigure() {
    assertThat(TEST_IMAGE.userWastedRatio()).isEqualTo(0.4834911001404049);
  }

  /** dive's Test_Evaluator on test-docker-image.tar. */
  @ParameterizedTest(name = "{0}: {1} / {2} / {3}")
  @CsvSource({
    "allFail, 0.99, 1B, 0.01, false, FAIL, FAIL, FAIL",
    "allPass, 0.9, 50kB, 0.5, true, PASS, PASS, PASS",
    "allDisabled, disabled, disabled, disabled, true, SKIP, SKIP, SKIP",
    "mixedResults, 0.9, 1B, 0.5, false, PASS, FAIL, PASS",
  })
  void evaluatesLikeDivesEvaluatorTest(
      String name,
      String efficiency,
      String wastedBytes,
      String userWasted,
      boolean passed,
      RuleStatus efficiencyStatus,
      RuleStatus wastedStatus,
      RuleStatus userWastedStatus) {
    CiVerdict verdict =
        CiRules.from(new CiConfig(efficiency, wastedBytes, userWasted, CiConfig.DISABLED))
            .evaluate(TEST_IMAGE);

    assertThat(verdict.passed()).isEqualTo(passed);
    assertThat(verdict.results())
        .extracting(RuleResult::rule, RuleResult::status)
        .containsExactly(
            tuple("highestUserWastedPercent", userWastedStatus),
            tuple("highestWastedBytes", wastedStatus),
            tuple("lowestEfficiency", efficiencyStatus));
  }

  /** dive's Test_Evaluator_Misconfigurations: each must fail when the rules are built. */
  @ParameterizedTest
  @CsvSource({
    "1.1, 50kB, 0.5, lowestEfficiency, 1.1",
    "-0.1, 50kB, 0.5, lowestEfficiency, -0.1",
    "not_a_number, 50kB, 0.5, lowestEfficiency, not_a_number",
    "0.9, not_a_size, 0.5, highestWastedBytes, not_a_size",
    "0.9, 50kB, 1.1, highestUserWastedPercent, 1.1",
    "0.9, 50kB, -0.1, highestUserWastedPercent, -0.1",
    "0.9, 50kB, not_a_number, highestUserWastedPercent, not_a_number",
  })
  void rejectsMisconfigurations(
      String efficiency, String wastedBytes, String userWasted, String rule, String value) {
    CiConfig config = new CiConfig(efficiency, wastedBytes, userWasted, CiConfig.DISABLED);

    assertThatThrownBy(() -> CiRules.from(config))
        .isInstanceOf(CiConfigException.class)
        .hasMessageStartingWith(rule + ": ")
        .hasMessageContaining("\"" + value + "\"");
  }

  @Test
  void reportsEveryMisconfiguredRuleAtOnce() {
    CiConfig config = new CiConfig("2", "lots", "NaN", "tiny");

    assertThatThrownBy(() -> CiRules.from(config))
        .isInstanceOfSatisfying(
            CiConfigException.class,
            e ->
                assertThat(e.problems())
                    .satisfiesExactly(
                        p -> assertThat(p).startsWith("lowestEfficiency: \"2\" is outside"),
                        p -> assertThat(p).startsWith("highestWastedBytes: size \"lots\""),
                        p -> assertThat(p).startsWith("highestUserWastedPercent: \"NaN\""),
                        p -> assertThat(p).startsWith("highestReclaimableBytes: size \"tiny\"")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"disabled", "off", "false", "", "  ", "Disabled", " OFF ", "FALSE"})
  void disablesOnDivesWords(String value) {
    CiVerdict verdict =
        CiRules.from(new CiConfig(value, value, value, CiConfig.DISABLED)).evaluate(TEST_IMAGE);

    assertThat(verdict.results())
        .extracting(RuleResult::status, RuleResult::message)
        .containsOnly(tuple(RuleStatus.SKIP, "disabled"));
  }

  @ParameterizedTest
  @ValueSource(strings = {" 0.9", "0.9 ", "0,9", "90%", "inf", "0x1p-1", "1e", "."})
  void rejectsAnythingButAPlainDecimal(String value) {
    assertThatThrownBy(() -> CiRule.lowestEfficiency(value))
        .isInstanceOf(CiConfigException.class)
        .hasMessageContaining("\"" + value + "\"");
  }

  @ParameterizedTest
  @CsvSource({"0, 0.0", "1, 1.0", ".5, 0.5", "5e-1, 0.5", "+0.25, 0.25", "0.90, 0.9"})
  void acceptsRatiosGoParses(String value, double threshold) {
    assertThat(CiRule.lowestEfficiency(value))
        .isEqualTo(new LowestEfficiencyRule(value, threshold));
  }

  @Test
  void passesAtExactlyTheThreshold() {
    ImageAnalysis analysis = withFigures(0.5, 1000, 2000);

    CiVerdict verdict = CiRules.from(new CiConfig("0.5", "1kB", "0.5", "1kB")).evaluate(analysis);

    assertThat(verdict.results()).extracting(RuleResult::status).containsOnly(RuleStatus.PASS);
  }

  @Test
  void failsJustPastTheThreshold() {
    ImageAnalysis analysis = withFigures(0.5, 1001, 2000);

    CiVerdict verdict =
        CiRules.from(new CiConfig("0.5000001", "1kB", "0.5", "1kB")).evaluate(analysis);

    assertThat(verdict.results()).extracting(RuleResult::status).containsOnly(RuleStatus.FAIL);
    assertThat(verdict.results())
        .extracting(RuleResult::message)
        .containsExactly(
            "too many bytes reclaimable (reclaimable-bytes=1001 > threshold=1000)",
            "too many bytes wasted, relative to the user bytes added"
                + " (%-user-wasted-bytes=0.50 > threshold=0.5)",
            "too many bytes wasted (wasted-bytes=1001 > threshold=1000)",
            "image efficiency is too low (efficiency=0.50 < threshold=0.5000001)");
  }

  @Test
  void printsThresholdsAsGoPrintsFloats() {
    CiVerdict verdict =
        CiRules.from(new CiConfig("1", "disabled", "0.00001", CiConfig.DISABLED))
            .evaluate(TEST_IMAGE);

    assertThat(verdict.results())
        .extracting(RuleResult::message)
        .containsExactly(
            "too many bytes wasted, relative to the user bytes added"
                + " (%-user-wasted-bytes=0.48 > threshold=1e-05)",
            "disabled", "image efficiency is too low (efficiency=0.98 < threshold=1)");
  }

  @Test
  void passesTheUserRuleWhenThereAreNoUserBytes() {
    // dive divides by zero: NaN, and NaN > threshold is false.
    ImageAnalysis analysis = new ImageAnalysis(100, 0, 1.0, 0, List.of(), 0, 1);

    CiVerdict verdict = CiRules.from(new CiConfig("0", "0", "0", "0")).evaluate(analysis);

    assertThat(verdict.passed()).isTrue();
  }

  @Test
  void failsTheUserRuleWhenWasteHasNoUserBytes() {
    ImageAnalysis analysis = new ImageAnalysis(100, 0, 1.0, 10, List.of(), 0, 1);

    RuleResult result = CiRule.highestUserWastedPercent("1").evaluate(analysis);

    assertThat(result.status()).isEqualTo(RuleStatus.FAIL);
    assertThat(result.message()).contains("%-user-wasted-bytes=+Inf > threshold=1");
  }

  @Test
  void leavesOurRuleOutUnlessEnabled() {
    assertThat(CiRules.from(CiConfig.defaults()).rules())
        .extracting(CiRule::name)
        .containsExactly("lowestEfficiency", "highestWastedBytes", "highestUserWastedPercent");
    assertThat(CiRules.from(CiConfig.defaults().withHighestReclaimableBytes("off")).rules())
        .hasSize(3);
    assertThat(CiRules.from(CiConfig.defaults().withHighestReclaimableBytes("1MB")).rules())
        .extracting(CiRule::name)
        .contains("highestReclaimableBytes");
  }

  @Test
  void countsTheVerdict() {
    CiVerdict verdict = CiRules.from(CiConfig.defaults()).evaluate(TEST_IMAGE);

    assertThat(verdict.passed()).isFalse();
    assertThat(verdict.passCount()).isEqualTo(1);
    assertThat(verdict.failCount()).isEqualTo(1);
    assertThat(verdict.skipCount()).isEqualTo(1);
  }

  private static ImageAnalysis withFigures(double efficiency, long wastedBytes, long userBytes) {
    return new ImageAnalysis(
        userBytes * 2, userBytes, efficiency, wastedBytes, List.of(), wastedBytes, 10);
  }
}
