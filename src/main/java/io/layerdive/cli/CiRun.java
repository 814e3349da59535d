package io.layerdive.cli;

import io.layerdive.analysis.Advice;
import io.layerdive.analysis.AdviceReport;
import io.layerdive.analysis.Advisor;
import io.layerdive.analysis.ImageAnalysis;
import io.layerdive.analysis.ci.CiConfig;
import io.layerdive.analysis.ci.CiConfigException;
import io.layerdive.analysis.ci.CiJunitReport;
import io.layerdive.analysis.ci.CiMarkdownReport;
import io.layerdive.analysis.ci.CiRules;
import io.layerdive.analysis.ci.CiTextReport;
import io.layerdive.analysis.ci.CiVerdict;
import io.layerdive.analysis.ci.DiveCiFile;
import io.layerdive.bytes.HumanBytes;
import io.layerdive.ui.AnalyzedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * CI mode: dive's progress lines on stderr, the rules checked, dive's report on stdout, and the
 * JUnit and Markdown reports asked for. The rules are configured before the image is read, so a
 * wrong configuration fails at once.
 *
 * <p>Precedence: a flag beats the rules file, which beats dive's defaults. (dive lets an existing
 * {@code .dive-ci} replace the flags too.)
 */
final class CiRun {
  private static final String DEFAULT_CONFIG = ".dive-ci";
  private static final int TITLE_WIDTH = 30;

  /** The CI options of the command line, as given. */
  record Options(
      Optional<String> configFile,
      Optional<String> lowestEfficiency,
      Optional<String> highestWastedBytes,
      Optional<String> highestUserWastedPercent,
      Optional<String> highestReclaimableBytes,
      List<String> reports) {}

  private record Report(String format, String file) {}

  private final CliEnvironment env;
  private final CiRules rules;
  private final List<Report> reports;

  private CiRun(CliEnvironment env, CiRules rules, List<Report> reports) {
    this.env = env;
    this.rules = rules;
    this.reports = reports;
  }

  static CiRun configure(Options options, CliEnvironment env) throws UsageException {
    CiConfig config = fileConfig(options.configFile(), env);
    config = override(config, options.lowestEfficiency(), CiConfig::withLowestEfficiency);
    config = override(config, options.highestWastedBytes(), CiConfig::withHighestWastedBytes);
    config =
        override(
            config, options.highestUserWastedPercent(), CiConfig::withHighestUserWastedPercent);
    config =
        override(config, options.highestReclaimableBytes(), CiConfig::withHighestReclaimableBytes);
    CiRules rules;
    try {
      rules = CiRules.from(config);
    } catch (CiConfigException e) {
      throw new UsageException(String.join("; ", e.problems()), e);
    }
    return new CiRun(env, rules, reports(options.reports()));
  }

  private static CiConfig fileConfig(Optional<String> configFile, CliEnvironment env)
      throws UsageException {
    Path path = env.resolve(configFile.orElse(DEFAULT_CONFIG));
    if (!Files.exists(path)) {
      if (configFile.isPresent()) {
        throw new UsageException(configFile.get() + ": no such CI rules file (--ci-config)");
      }
      return CiConfig.defaults();
    }
    try {
      return DiveCiFile.read(path);
    } catch (CiConfigException e) {
      throw new UsageException(String.join("; ", e.problems()), e);
    }
  }

  private static CiConfig override(CiConfig config, Optional<String> flag, Setter with) {
    return flag.map(value -> with.apply(config, value)).orElse(config);
  }

  /** One of {@code CiConfig::withX}. */
  @FunctionalInterface
  private interface Setter {
    CiConfig apply(CiConfig config, String value);
  }

  private static List<Report> reports(List<String> pairs) throws UsageException {
    List<Report> out = new ArrayList<>();
    for (int i = 0; i + 1 < pairs.size(); i += 2) {
      String format = pairs.get(i);
      if (!format.equals("junit") && !format.equals("markdown")) {
        throw new UsageException(
            "--ci-report: unknown format '" + format + "' (use junit or markdown)");
      }
      out.add(new Report(format, pairs.get(i + 1)));
    }
    return out;
  }

  void loading(String imageName) {
    progress("Loading image", imageName);
  }

  void analyzed(AnalyzedImage analyzed) {
    ImageAnalysis analysis = analyzed.analysis();
    progress(
        "Analyzing image",
        "[layers:"
            + analyzed.image().layers().size()
            + " files:"
            + analysis.fileCount()
            + " size:"
            + HumanBytes.format(analysis.sizeBytes())
            + "]");
  }

  /** Checks the rules, prints dive's report and writes the reports asked for. */
  int evaluate(AnalyzedImage analyzed) throws OutputException {
    progress("Evaluating image", "[rules: " + rules.rules().size() + "]");
    // The blank line dive prints before its report goes with the progress, so stdout holds the
    // report alone.
    env.err().println();
    ImageAnalysis analysis = analyzed.analysis();
    CiVerdict verdict = rules.evaluate(analysis);
    env.out().print(CiTextReport.render(analysis, verdict));
    env.out().flush();
    for (Report report : reports) {
      String text =
          report.format().equals("junit")
              ? CiJunitReport.render(analysis, verdict)
              : CiMarkdownReport.render(analysis, verdict, advice(analyzed));
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      OutputFiles.write(
          env.resolve(report.file()),
          report.file(),
          "the " + report.format() + " report",
          out -> out.write(bytes));
    }
    return verdict.passed() ? ExitCode.OK : ExitCode.RULES_FAILED;
  }

  /** The advisor's items for the Markdown report, largest saving first. */
  private static List<CiMarkdownReport.Advice> advice(AnalyzedImage analyzed) {
    AdviceReport report = Advisor.advise(analyzed.image(), analyzed.stack().files());
    List<CiMarkdownReport.Advice> out = new ArrayList<>();
    for (Advice item : report.items()) {
      String saving =
          (item.exact() ? "Saves " : "Saves about ") + HumanBytes.format(item.bytesSaved()) + ".";
      out.add(new CiMarkdownReport.Advice(item.change(), item.problem() + ". " + saving));
    }
    return out;
  }

  private void progress(String title, String value) {
    StringBuilder line = new StringBuilder(title);
    while (line.length() < TITLE_WIDTH) line.append(' ');
    env.err().println(line.append(value));
  }
}
