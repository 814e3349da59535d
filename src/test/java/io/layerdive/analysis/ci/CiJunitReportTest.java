package io.layerdive.analysis.ci;

import static org.assertj.core.api.Assertions.assertThat;

import io.layerdive.analysis.ImageAnalysis;
import io.layerdive.analysis.Inefficiency;
import io.layerdive.testing.Golden;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class CiJunitReportTest {
  private static final ImageAnalysis TEST_IMAGE = ConformanceAnalyses.testDockerImage();

  @Test
  void oneTestcasePerRule() {
    CiVerdict verdict = CiRules.from(CiConfig.defaults()).evaluate(TEST_IMAGE);

    Golden.assertMatches(
        CiJunitReportTest.class, "defaults", CiJunitReport.render(TEST_IMAGE, verdict));
  }

  @Test
  void isWellFormedWithTheCounts() throws Exception {
    CiVerdict verdict =
        CiRules.from(CiConfig.defaults().withHighestReclaimableBytes("1kB")).evaluate(TEST_IMAGE);

    Element suite = parse(CiJunitReport.render(TEST_IMAGE, verdict)).getDocumentElement();

    assertThat(suite.getTagName()).isEqualTo("testsuite");
    assertThat(suite.getAttribute("name")).isEqualTo("layerdive");
    assertThat(suite.getAttribute("tests")).isEqualTo("4");
    assertThat(suite.getAttribute("failures")).isEqualTo("2");
    assertThat(suite.getAttribute("skipped")).isEqualTo("1");
    NodeList failures = suite.getElementsByTagName("failure");
    assertThat(failures.getLength()).isEqualTo(2);
    assertThat(((Element) failures.item(1)).getAttribute("message"))
        .isEqualTo(
            "too many bytes wasted, relative to the user bytes added"
                + " (%-user-wasted-bytes=0.48 > threshold=0.1)");
  }

  @Test
  void escapesWhatXmlCannotHoldAsIs() throws Exception {
    String odd = "a&b<c>\"d'\u0001e\uD83D\uDE00";

    String escaped = CiJunitReport.escape(odd);

    assertThat(escaped).isEqualTo("a&amp;b&lt;c&gt;&quot;d&apos;\uFFFDe\uD83D\uDE00");
    Document document = parse("<x a=\"" + escaped + "\">" + escaped + "</x>");
    assertThat(document.getDocumentElement().getTextContent())
        .isEqualTo("a&b<c>\"d'\uFFFDe\uD83D\uDE00");
  }

  @Test
  void keepsThePropertiesOfAnImageWithoutUserBytes() throws Exception {
    ImageAnalysis analysis =
        new ImageAnalysis(10, 0, 1.0, 0, List.of(new Inefficiency("/a", 2, 0, 0)), 0, 2);
    CiVerdict verdict = CiRules.from(CiConfig.defaults()).evaluate(analysis);

    String xml = CiJunitReport.render(analysis, verdict);

    assertThat(xml).contains("<property name=\"userWastedPercent\" value=\"NaN\"/>");
    assertThat(parse(xml).getElementsByTagName("testcase").getLength()).isEqualTo(3);
  }

  private static Document parse(String xml) throws Exception {
    return DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }
}
