package io.layerdive.analysis.ci;

import static org.assertj.core.api.Assertions.assertThat;

import io.layerdive.analysis.ImageAnalysis;
import io.layerdive.analysis.Inefficiency;
import io.layerdive.testing.Golden;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CiMarkdownReportTest {
  private static final ImageAnalysis TEST_IMAGE = ConformanceAnalyses.testDockerImage();

  @Test
  void failingRun() {
    CiVerdict verdict = CiRules.from(CiConfig.defaults()).evaluate(TEST_IMAGE);

    Golden.assertMatches(
        CiMarkdownReportTest.class, "failingRun", CiMarkdownReport.render(TEST_IMAGE, verdict));
  }

  @Test
  void passingRunWithoutWaste() {
    ImageAnalysis busybox = ConformanceAnalyses.busybox();
    CiVerdict verdict = CiRules.from(CiConfig.defaults()).evaluate(busybox);

    Golden.assertMatches(
        CiMarkdownReportTest.class,
        "passingRunWithoutWaste",
        CiMarkdownReport.render(busybox, verdict));
  }

  @Test
  void showsTheTenLargestFiles() {
    List<Inefficiency> files = new ArrayList<>();
    for (int i = 12; i >= 1; i--) {
      files.add(new Inefficiency("/f" + i, 2, i * 1000L, i * 500L));
    }
    ImageAnalysis analysis = new ImageAnalysis(200_000, 100_000, 0.9, 78_000, files, 39_000, 30);
    CiVerdict verdict = CiRules.from(CiConfig.defaults()).evaluate(analysis);

    String markdown = CiMarkdownReport.render(analysis, verdict);

    assertThat(markdown)
        .contains("### Inefficient files (top 10 of 12)")
        .contains("| 2 | 12 kB | `/f12` |")
        .contains("| 2 | 3.0 kB | `/f3` |")
        .doesNotContain("`/f2`")
        .doesNotContain("`/f1`");
  }

  @Test
  void addsAdviceWhenGiven() {
    CiVerdict verdict = CiRules.from(CiConfig.defaults()).evaluate(TEST_IMAGE);

    String markdown =
        CiMarkdownReport.render(
            TEST_IMAGE,
            verdict,
            List.of(
                new CiMarkdownReport.Advice("Remove /root/example in the layer that adds it", ""),
                new CiMarkdownReport.Advice("Do not chmod a copied file", "saves 6.4 kB")));

    assertThat(markdown)
        .endsWith(
            "\n### Advice\n\n"
                + "- **Remove /root/example in the layer that adds it**\n"
                + "- **Do not chmod a copied file**: saves 6.4 kB\n");
    assertThat(CiMarkdownReport.render(TEST_IMAGE, verdict)).doesNotContain("Advice");
  }

  @Test
  void keepsOddFileNamesInsideTheirCell() {
    assertThat(CiMarkdownReport.codeSpan("/a|b")).isEqualTo("`/a\\|b`");
    assertThat(CiMarkdownReport.codeSpan("/a`b")).isEqualTo("``/a`b``");
    assertThat(CiMarkdownReport.codeSpan("`x")).isEqualTo("`` `x ``");
    assertThat(CiMarkdownReport.cell("a|b*c\nd")).isEqualTo("a\\|b\\*c d");
  }

  @Test
  void adviceKeepsItsQuotedCommandsAsCode() {
    assertThat(
            CiMarkdownReport.prose(
                "layer 6 (`rm -rf /root/.npm`) deletes 241 files that layer 5 (`npm ci`) added"))
        .isEqualTo("layer 6 (`rm -rf /root/.npm`) deletes 241 files that layer 5 (`npm ci`) added");
    // Outside the code spans, markup is escaped; inside, it is left alone.
    assertThat(CiMarkdownReport.prose("*all* of `a_b*c` in node_modules"))
        .isEqualTo("\\*all\\* of `a_b*c` in node\\_modules");
    // An unpaired backtick cannot open a span: the whole text is plain.
    assertThat(CiMarkdownReport.prose("it's `odd")).isEqualTo("it's \\`odd");
  }
}
