package io.layerdive.analysis.ci;

import io.layerdive.analysis.ImageAnalysis;
import io.layerdive.bytes.GoFloatFormat;

/**
 * The verdict as JUnit XML, which CI servers show as test results: one {@code testsuite} named
 * {@code layerdive}, one {@code testcase} per rule, {@code failure} for FAIL and {@code skipped}
 * for SKIP, the figures as {@code properties}.
 */
public final class CiJunitReport {
  static final String SUITE = "layerdive";
  static final String CLASS_NAME = "layerdive.ci";

  private CiJunitReport() {}

  public static String render(ImageAnalysis analysis, CiVerdict verdict) {
    StringBuilder xml = new StringBuilder();
    xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    xml.append("<testsuite name=\"")
        .append(SUITE)
        .append("\" tests=\"")
        .append(verdict.results().size())
        .append("\" failures=\"")
        .append(verdict.failCount())
        .append("\" errors=\"0\" skipped=\"")
        .append(verdict.skipCount())
        .append("\">\n");
    xml.append("  <properties>\n");
    property(xml, "efficiency", GoFloatFormat.shortest(analysis.efficiency()));
    property(xml, "wastedBytes", Long.toString(analysis.wastedBytes()));
    property(xml, "userWastedPercent", GoFloatFormat.shortest(analysis.userWastedRatio()));
    property(xml, "reclaimableBytes", Long.toString(analysis.reclaimableBytes()));
    property(xml, "sizeBytes", Long.toString(analysis.sizeBytes()));
    property(xml, "userSizeBytes", Long.toString(analysis.userSizeBytes()));
    xml.append("  </properties>\n");
    for (RuleResult result : verdict.results()) {
      testcase(xml, result);
    }
    xml.append("</testsuite>\n");
    return xml.toString();
  }

  private static void property(StringBuilder xml, String name, String value) {
    xml.append("    <property name=\"")
        .append(name)
        .append("\" value=\"")
        .append(escape(value))
        .append("\"/>\n");
  }

  private static void testcase(StringBuilder xml, RuleResult result) {
    xml.append("  <testcase classname=\"")
        .append(CLASS_NAME)
        .append("\" name=\"")
        .append(escape(result.rule()))
        .append('"');
    String message = escape(result.message());
    switch (result.status()) {
      case PASS -> xml.append("/>\n");
      case FAIL ->
          xml.append(">\n    <failure message=\"")
              .append(message)
              .append("\" type=\"")
              .append(escape(result.rule()))
              .append("\">")
              .append(message)
              .append("</failure>\n  </testcase>\n");
      case SKIP ->
          xml.append(">\n    <skipped message=\"").append(message).append("\"/>\n  </testcase>\n");
    }
  }

  /** Escapes for text and attributes; characters XML 1.0 cannot hold become U+FFFD. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            c -> {
              switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                case '\t' -> out.append("&#9;");
                case '\n' -> out.append("&#10;");
                case '\r' -> out.append("&#13;");
                default -> out.appendCodePoint(isXmlChar(c) ? c : 0xFFFD);
              }
            });
    return out.toString();
  }

  private static boolean isXmlChar(int c) {
    return (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000;
  }
}
