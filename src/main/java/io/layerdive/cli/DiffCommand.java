package io.layerdive.cli;

import io.layerdive.analysis.ImageDiff;
import io.layerdive.analysis.ImageDiffer;
import io.layerdive.export.DiffReports;
import io.layerdive.export.GoJson;
import io.layerdive.ui.AnalyzedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code layerdive diff BEFORE AFTER}: what changed between two images. */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    usageHelpWidth = 100,
    description = {
      "Compare two images: sizes, the directories and files that changed most, and the layers"
          + " side by side (= marks a layer both share).",
      ""
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  done",
      "  2  the command line is wrong",
      "  3  an image could not be read",
      "  4  an output could not be written"
    })
final class DiffCommand implements Callable<Integer> {
  private static final String STDOUT = "-";
  private static final int MAX_WARNINGS = 10;

  @Parameters(index = "0", paramLabel = "BEFORE", description = "The image before (any source).")
  String before;

  @Parameters(index = "1", paramLabel = "AFTER", description = "The image after (any source).")
  String after;

  @Option(
      names = "--json",
      paramLabel = "PATH|-",
      description = "Write the difference as JSON to PATH (replacing it), or to stdout for -.")
  String json;

  @Option(
      names = "--markdown",
      paramLabel = "FILE",
      description = "Also write the report as Markdown to FILE.")
  String markdown;

  @Mixin SourceOptions fetching;

  @Option(names = "--strict", description = "Treat diagnostics (oddities in an image) as errors.")
  boolean strict;

  private final CliEnvironment env;
  private final SourceOpener sources;

  DiffCommand(CliEnvironment env, SourceOpener sources) {
    this.env = env;
    this.sources = sources;
  }

  @Override
  public Integer call() throws Exception {
    if (STDOUT.equals(markdown)) {
      throw new UsageException("--markdown needs a file; the text report already goes to stdout");
    }
    AnalyzedImage b = load(before);
    AnalyzedImage a = load(after);
    ImageDiff diff = ImageDiffer.diff(b.image(), b.stack().files(), a.image(), a.stack().files());
    if (markdown != null) {
      String md = DiffReports.markdown(diff);
      OutputFiles.write(
          env.resolve(markdown),
          markdown,
          "the Markdown report",
          out -> out.write(md.getBytes(StandardCharsets.UTF_8)));
    }
    if (STDOUT.equals(json)) {
      try {
        GoJson.write(DiffReports.json(diff), env.out());
      } catch (IOException e) {
        throw new OutputException("stdout: cannot write the JSON diff (" + e.getMessage() + ")", e);
      }
      env.out().print('\n');
      env.out().flush();
      return ExitCode.OK;
    }
    if (json != null) {
      OutputFiles.write(
          env.resolve(json),
          json,
          "the JSON diff",
          out -> GoJson.write(DiffReports.json(diff), out));
    }
    env.out().print(DiffReports.text(diff));
    env.out().flush();
    return ExitCode.OK;
  }

  private AnalyzedImage load(String spec) throws Exception {
    ImageRequest request = fetching.request(Optional.of(spec), Optional.empty(), false, true);
    AnalyzedImage analyzed =
        new ImagePipeline(sources.open(request), strict).load(ImagePipeline.SILENT);
    int shown = Math.min(MAX_WARNINGS, analyzed.diagnostics().size());
    for (int i = 0; i < shown; i++) {
      env.err().println("layerdive: warning: " + spec + ": " + analyzed.diagnostics().get(i));
    }
    if (analyzed.diagnostics().size() > shown) {
      env.err()
          .println(
              "layerdive: warning: "
                  + spec
                  + ": "
                  + (analyzed.diagnostics().size() - shown)
                  + " more diagnostics");
    }
    return analyzed;
  }
}
