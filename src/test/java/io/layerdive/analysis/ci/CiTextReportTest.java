package io.layerdive.analysis.ci;

import static org.assertj.core.api.Assertions.assertThat;

import io.layerdive.analysis.ImageAnalysis;
import io.layerdive.testing.Golden;
import org.junit.jupiter.api.Test;

/**
 * The expected reports were written by hand from dive's snapshots (cli_load_test.snap,
 * cli_ci_test.snap) and, for the other rule combinations, from dive's message formats.
 */
class CiTextReportTest {
  private static final ImageAnalysis TEST_IMAGE = ConformanceAnalyses.testDockerImage();
  private static final ImageAnalysis BUILD_TEST_IMAGE = ConformanceAnalyses.buildTestImage();

  @Test
  void fromArchiveWithDiveEnableCi() {
    // dive-enable-ci.yaml misspells the efficiency key, so the default 0.9 applies.
    CiConfig config =
        CiConfig.defaults().withHighestWastedBytes("20MB").withHighestUserWastedPercent("0.90");

    assertReport("fromArchiveWithDiveEnableCi", TEST_IMAGE, config);
  }

  @Test
  void fromArchiveWithDefaults() {
    assertReport("fromArchiveWithDefaults", TEST_IMAGE, CiConfig.defaults());
  }

  @Test
  void fromArchiveWithDataDiveCi() {
    CiConfig config =
        DiveCiFile.parse(
            "rules:\n"
                + "  lowestEfficiency: 0.95\n"
                + "  highestWastedBytes: 20Mb\n"
                + "  highestUserWastedPercent: 0.5\n",
            ".dive-ci");

    assertReport("fromArchiveWithDataDiveCi", TEST_IMAGE, config);
  }

  @Test
  void allFail() {
    assertReport("allFail", TEST_IMAGE, config("0.99", "1B", "0.01"));
  }

  @Test
  void allPass() {
    assertReport("allPass", TEST_IMAGE, config("0.9", "50kB", "0.5"));
  }

  @Test
  void allDisabled() {
    assertReport("allDisabled", TEST_IMAGE, config("disabled", "disabled", "disabled"));
  }

  @Test
  void mixedResults() {
    assertReport("mixedResults", TEST_IMAGE, config("0.9", "1B", "0.5"));
  }

  @Test
  void buildTestImageWithDiveFail() {
    // dive-fail.yaml holds only a key dive does not know: every rule keeps its default.
    assertReport("buildTestImageWithDiveFail", BUILD_TEST_IMAGE, CiConfig.defaults());
  }

  @Test
  void buildTestImageWithDivePass() {
    CiConfig config =
        CiConfig.defaults().withHighestWastedBytes("20MB").withHighestUserWastedPercent("0.90");

    assertReport("buildTestImageWithDivePass", BUILD_TEST_IMAGE, config);
  }

  @Test
  void busyboxWithDefaults() {
    assertReport("busyboxWithDefaults", ConformanceAnalyses.busybox(), CiConfig.defaults());
  }

  @Test
  void listsOurRuleOnlyWhenEnabled() {
    CiVerdict verdict =
        CiRules.from(CiConfig.defaults().withHighestReclaimableBytes("10kB")).evaluate(TEST_IMAGE);

    String report = CiTextReport.render(TEST_IMAGE, verdict);

    assertThat(report)
        .contains(
            "Evaluation:\n"
                + "  FAIL  highestReclaimableBytes (too many bytes reclaimable"
                + " (reclaimable-bytes=32025 > threshold=10000))\n"
                + "  FAIL  highestUserWastedPercent")
        .endsWith("\nFAIL [pass:1 fail:2 skip:1]\n");
  }

  private static CiConfig config(String efficiency, String wastedBytes, String userWasted) {
    return new CiConfig(efficiency, wastedBytes, userWasted, CiConfig.DISABLED);
  }

  private static void assertReport(String name, ImageAnalysis analysis, CiConfig config) {
    CiVerdict verdict = CiRules.from(config).evaluate(analysis);

    Golden.assertMatches(CiTextReportTest.class, name, CiTextReport.render(analysis, verdict));
  }
}
