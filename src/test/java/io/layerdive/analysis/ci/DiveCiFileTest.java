package io.layerdive.analysis.ci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.layerdive.testing.Conformance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiveCiFileTest {

  @Test
  void keepsValuesAsWritten() {
    CiConfig config =
        DiveCiFile.parse(
            "rules:\n"
                + "  lowestEfficiency: 0.95\n"
                + "  highestWastedBytes: 20MB\n"
                + "  highestUserWastedPercent: 0.20\n",
            ".dive-ci");

    assertThat(config).isEqualTo(new CiConfig("0.95", "20MB", "0.20", "disabled"));
  }

  @Test
  void readsDivesExampleIgnoringPluginsAndUnknownRules() {
    CiConfig config = DiveCiFile.read(Conformance.file("dive-ci.example"));

    assertThat(config).isEqualTo(new CiConfig("0.95", "20Mb", "0.5", "disabled"));
  }

  @Test
  void keepsDefaultsForMissingKeys() {
    CiConfig config = DiveCiFile.parse("rules:\n  highestWastedBytes: 1GB\n", ".dive-ci");

    assertThat(config).isEqualTo(CiConfig.defaults().withHighestWastedBytes("1GB"));
  }

  @Test
  void keepsDefaultsForAnEmptyFileOrEmptyRules() {
    assertThat(DiveCiFile.parse("", ".dive-ci")).isEqualTo(CiConfig.defaults());
    assertThat(DiveCiFile.parse("# nothing\n", ".dive-ci")).isEqualTo(CiConfig.defaults());
    assertThat(DiveCiFile.parse("rules:\n", ".dive-ci")).isEqualTo(CiConfig.defaults());
    assertThat(DiveCiFile.parse("other: 1\n", ".dive-ci")).isEqualTo(CiConfig.defaults());
  }

  @Test
  void disablesRulesGivenEmptyOrNullOrFalse() {
    CiConfig config =
        DiveCiFile.parse(
            "rules:\n"
                + "  lowestEfficiency:\n"
                + "  highestWastedBytes: ~\n"
                + "  highestUserWastedPercent: false\n",
            ".dive-ci");

    assertThat(config).isEqualTo(new CiConfig("", "", "false", "disabled"));
    assertThat(CiRules.from(config).evaluate(ConformanceAnalyses.testDockerImage()).skipCount())
        .isEqualTo(3);
  }

  @Test
  void readsOurRule() {
    CiConfig config = DiveCiFile.parse("rules:\n  highestReclaimableBytes: '5 MiB'\n", "x");

    assertThat(config.highestReclaimableBytes()).isEqualTo("5 MiB");
  }

  @Test
  void leavesCheckingValuesToTheRules() {
    CiConfig config = DiveCiFile.parse("rules:\n  lowestEfficiency: 1.1\n", ".dive-ci");

    assertThatThrownBy(() -> CiRules.from(config))
        .isInstanceOf(CiConfigException.class)
        .hasMessageStartingWith("lowestEfficiency: \"1.1\"");
  }

  @Test
  void rejectsAListAsARuleValue() {
    assertThatThrownBy(() -> DiveCiFile.parse("rules:\n  lowestEfficiency: [0.9]\n", "ci.yaml"))
        .isInstanceOf(CiConfigException.class)
        .hasMessage("ci.yaml: rules.lowestEfficiency must be a single value, such as 0.9 or 20MB");
  }

  @Test
  void rejectsRulesThatAreNotAMapping() {
    assertThatThrownBy(() -> DiveCiFile.parse("rules: strict\n", "ci.yaml"))
        .isInstanceOf(CiConfigException.class)
        .hasMessageStartingWith("ci.yaml: \"rules\" must be a mapping");
  }

  @Test
  void rejectsADocumentThatIsNotAMapping() {
    assertThatThrownBy(() -> DiveCiFile.parse("- 1\n- 2\n", "ci.yaml"))
        .isInstanceOf(CiConfigException.class)
        .hasMessageStartingWith("ci.yaml: expected a mapping");
  }

  @Test
  void rejectsARuleGivenTwice() {
    assertThatThrownBy(
            () ->
                DiveCiFile.parse(
                    "rules:\n  lowestEfficiency: 0.9\n  lowestEfficiency: 0.8\n", "ci.yaml"))
        .isInstanceOf(CiConfigException.class)
        .hasMessage("ci.yaml: rules.lowestEfficiency is given twice");
  }

  @Test
  void rejectsMalformedYaml() {
    assertThatThrownBy(() -> DiveCiFile.parse("rules:\n  a: [\n", "ci.yaml"))
        .isInstanceOf(CiConfigException.class)
        .hasMessageStartingWith("ci.yaml: not valid YAML (");
  }

  @Test
  void readsAFileAndNamesItInErrors(@TempDir Path dir) throws IOException {
    Path file = dir.resolve(".dive-ci");
    Files.writeString(file, "rules:\n  highestWastedBytes: 19Mb\n");

    assertThat(DiveCiFile.read(file).highestWastedBytes()).isEqualTo("19Mb");
    assertThatThrownBy(() -> DiveCiFile.read(dir.resolve("missing")))
        .isInstanceOf(CiConfigException.class)
        .hasMessageStartingWith(dir.resolve("missing") + ": cannot read the CI config file");
  }
}
