package io.layerdive.analysis.ci;

import io.layerdive.analysis.ImageAnalysis;
import io.layerdive.analysis.Inefficiency;
import io.layerdive.bytes.HumanBytes;
import java.util.List;

/**
 * The verdict as Markdown for a pull-request comment or a job summary: the figures, each rule with
 * ✅ / ❌ / ⏭, the ten largest inefficient files, and advice when there is any.
 */
public final class CiMarkdownReport {
  static final int TOP_FILES = 10;

  /**
   * One piece of advice for the "Advice" section, e.g. a hint with its estimated saving.
   *
   * @param title short, e.g. "Combine the RUN steps that copy /root/saved.txt"
   * @param detail one or two sentences; may be empty
   */
  public record Advice(String title, String detail) {}

  private CiMarkdownReport() {}

  public static String render(ImageAnalysis analysis, CiVerdict verdict) {
    return render(analysis, verdict, List.of());
  }

  /** As {@link #render(ImageAnalysis, CiVerdict)}, with an "Advice" section when there is any. */
  public static String render(ImageAnalysis analysis, CiVerdict verdict, List<Advice> advice) {
    StringBuilder md = new StringBuilder();
    md.append("## ")
        .append(verdict.passed() ? "✅" : "❌")
        .append(" layerdive CI: ")
        .append(CiTextReport.summary(verdict))
        .append("\n\n");
    figures(md, analysis);
    rules(md, verdict);
    files(md, analysis.inefficiencies());
    advice(md, advice);
    return md.toString();
  }

  private static void figures(StringBuilder md, ImageAnalysis analysis) {
    md.append("| Figure | Value |\n|---|---:|\n");
    figure(md, "Efficiency", DiveFigures.efficiency(analysis));
    figure(md, "Wasted bytes (every copy)", DiveFigures.wastedBytes(analysis).strip());
    figure(md, "Wasted / user bytes", DiveFigures.userWastedPercent(analysis));
    figure(md, "Reclaimable bytes", bytes(analysis.reclaimableBytes()));
    figure(md, "Image size", bytes(analysis.sizeBytes()));
    figure(md, "Added by user layers", bytes(analysis.userSizeBytes()));
    md.append('\n');
  }

  private static void figure(StringBuilder md, String name, String value) {
    md.append("| ").append(name).append(" | ").append(cell(value)).append(" |\n");
  }

  private static String bytes(long count) {
    return count + " bytes (" + HumanBytes.format(count) + ")";
  }

  private static void rules(StringBuilder md, CiVerdict verdict) {
    md.append("### Rules\n\n| | Rule | Result |\n|---|---|---|\n");
    for (RuleResult result : verdict.results()) {
      md.append("| ")
          .append(icon(result.status()))
          .append(" | ")
          .append(codeSpan(result.rule()))
          .append(" | ")
          .append(cell(result.message()))
          .append(" |\n");
    }
    md.append('\n');
  }

  private static String icon(RuleStatus status) {
    return switch (status) {
      case PASS -> "✅";
      case FAIL -> "❌";
      case SKIP -> "⏭";
    };
  }

  private static void files(StringBuilder md, List<Inefficiency> inefficiencies) {
    if (inefficiencies.isEmpty()) {
      md.append("### Inefficient files\n\nNone.\n");
      return;
    }
    int shown = Math.min(TOP_FILES, inefficiencies.size());
    md.append("### Inefficient files");
    if (shown < inefficiencies.size()) {
      md.append(" (top ").append(shown).append(" of ").append(inefficiencies.size()).append(')');
    }
    md.append("\n\n| Count | Wasted space | Path |\n|---:|---:|---|\n");
    for (Inefficiency file : inefficiencies.subList(0, shown)) {
      md.append("| ")
          .append(file.count())
          .append(" | ")
          .append(HumanBytes.format(file.cumulativeBytes()))
          .append(" | ")
          .append(codeSpan(file.path()))
          .append(" |\n");
    }
  }

  private static void advice(StringBuilder md, List<Advice> advice) {
    if (advice.isEmpty()) {
      return;
    }
    md.append("\n### Advice\n\n");
    for (Advice item : advice) {
      md.append("- **").append(prose(item.title())).append("**");
      if (!item.detail().isBlank()) {
        md.append(": ").append(prose(item.detail()));
      }
      md.append('\n');
    }
  }

  /** Plain text made safe for a table cell: no line breaks, no markup. */
  static String cell(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '\\', '|', '*', '_', '`', '[', ']', '<' -> out.append('\\').append(c);
        case '\n', '\r' -> out.append(' ');
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * Advice text, which quotes commands and paths between backticks: those stay code spans (their
   * contents as they are), the rest is escaped as in a {@link #cell}. Text with an unpaired
   * backtick is all plain.
   */
  static String prose(String text) {
    String[] parts = text.split("`", -1);
    if (parts.length % 2 == 0) return cell(text);
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < parts.length; i++) {
      out.append(i % 2 == 0 ? cell(parts[i]) : codeSpan(parts[i]));
    }
    return out.toString();
  }

  /** A code span that survives backticks and pipes in file names. */
  static String codeSpan(String text) {
    int longestRun = 0;
    int run = 0;
    for (char c : text.toCharArray()) {
      run = c == '`' ? run + 1 : 0;
      longestRun = Math.max(longestRun, run);
    }
    String fence = "`".repeat(longestRun + 1);
    String body = text.replace("|", "\\|").replace('\n', ' ').replace('\r', ' ');
    boolean pad = body.startsWith("`") || body.endsWith("`");
    return fence + (pad ? " " : "") + body + (pad ? " " : "") + fence;
  }
}
