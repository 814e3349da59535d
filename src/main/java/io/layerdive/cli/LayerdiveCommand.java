package io.layerdive.cli;

import io.layerdive.cache.CacheSettings;
import io.layerdive.export.GoJson;
import io.layerdive.export.JsonReports;
import io.layerdive.export.PlainSummary;
import io.layerdive.image.Diagnostic;
import io.layerdive.source.ImageSource;
import io.layerdive.source.SourceSpec;
import io.layerdive.source.daemon.BuildArguments;
import io.layerdive.source.daemon.BuildRequest;
import io.layerdive.tree.FrozenImages;
import io.layerdive.ui.AnalyzedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code layerdive [OPTIONS] IMAGE}: reads an image and explores, exports or checks it; {@link
 * BuildCommand} builds one first.
 */
@Command(
    name = "layerdive",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    usageHelpWidth = 100,
    description = {
      "See where a container image's bytes go: its layers, its files and the space they waste.",
      "",
      "With a terminal, opens the explorer; without one, prints a summary. --json writes a report,"
          + " --ci checks the image against rules. layerdive diff BEFORE AFTER compares two"
          + " images.",
      "",
      "layerdive [OPTIONS] build [DOCKER-BUILD-ARGS] CONTEXT builds an image with the Docker"
          + " daemon, then opens it the same way.",
      ""
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  done; in CI mode, every rule passed",
      "  1  CI mode: a rule failed",
      "  2  the command line or the CI configuration is wrong",
      "  3  the image could not be read (under --strict: was read with diagnostics)",
      "  4  an output could not be written (the terminal, a --json or --ci-report file)"
    })
final class LayerdiveCommand implements Callable<Integer> {
  private static final int MAX_WARNINGS = 10;
  private static final String STDOUT = "-";

  @Parameters(
      arity = "0..1",
      paramLabel = "IMAGE",
      description =
          "The image: an archive or OCI layout path (- reads an archive from standard input),"
              + " or a name such as alpine:3.20. A scheme chooses the source: docker-archive://,"
              + " oci://, docker://, podman:// or registry://.")
  String image;

  @Option(
      names = "--source",
      paramLabel = "SOURCE",
      description = "Where IMAGE comes from: docker-archive, oci, docker, podman or registry.")
  String source;

  @Mixin SourceOptions fetching;

  @Option(
      names = "--json",
      paramLabel = "PATH|-",
      description = "Write the JSON report to PATH (replacing it), or to stdout for -.")
  String json;

  @Option(
      names = "--json-format",
      paramLabel = "full|dive",
      description =
          "full (default): dive's keys, then schemaVersion and analysis; dive: only dive's keys.")
  String jsonFormat;

  @Option(
      names = "--ci",
      description =
          "Check the image against CI rules instead of exploring it (also when CI=true, unless"
              + " --json -).")
  boolean ci;

  @Option(
      names = "--ci-config",
      paramLabel = "FILE",
      description = "The rules file (default: .dive-ci, when it exists).")
  String ciConfig;

  @Option(
      names = "--lowestEfficiency",
      paramLabel = "RATIO",
      description = "CI: fail when the efficiency is below RATIO (0..1; default 0.9).")
  String lowestEfficiency;

  @Option(
      names = "--highestWastedBytes",
      paramLabel = "SIZE",
      description = "CI: fail when the wasted bytes exceed SIZE, e.g. 20MB (default disabled).")
  String highestWastedBytes;

  @Option(
      names = "--highestUserWastedPercent",
      paramLabel = "RATIO",
      description =
          "CI: fail when wasted bytes over the bytes above the base layer exceed RATIO (0..1;"
              + " default 0.1).")
  String highestUserWastedPercent;

  @Option(
      names = "--highestReclaimableBytes",
      paramLabel = "SIZE",
      description = "CI: fail when the really reclaimable bytes exceed SIZE (default disabled).")
  String highestReclaimableBytes;

  @Option(
      names = "--ci-report",
      arity = "2",
      hideParamSyntax = true,
      paramLabel = "junit|markdown FILE",
      description = "CI: also write the verdict as JUnit XML or Markdown to FILE (repeatable).")
  List<String> ciReports = new ArrayList<>();

  @Option(names = "--demo", description = "Open a built-in sample image instead of IMAGE.")
  boolean demo;

  @Option(
      names = "--no-color",
      description = "No colours in the explorer (also when NO_COLOR is set).")
  boolean noColor;

  @Option(names = "--strict", description = "Treat diagnostics (oddities in the image) as errors.")
  boolean strict;

  @Option(names = "--debug", description = "Show stack traces with errors.")
  boolean debug;

  private final CliEnvironment env;
  private final SourceOpener sources;
  private final Explorer explorer;

  LayerdiveCommand(CliEnvironment env, SourceOpener sources, Explorer explorer) {
    this.env = env;
    this.sources = sources;
    this.explorer = explorer;
  }

  @Override
  public Integer call() throws Exception {
    ImageRequest request = request();
    Outputs outputs = outputs();
    return present(sources.open(request), request.displayName(), outputs);
  }

  /**
   * {@code layerdive build}: builds through the daemon, the build's lines on stderr, then opens the
   * built image by id, so that a tag moved meanwhile does not change what is read.
   */
  Integer build(List<String> buildArgs, Set<String> layerdiveOptions) throws Exception {
    if (image != null || demo) {
      throw new UsageException(
          "build opens the image it builds: give no IMAGE or --demo (the arguments after 'build'"
              + " go to docker build)");
    }
    if (source != null) {
      throw new UsageException(
          "--source does not apply to build: it always uses the Docker daemon");
    }
    BuildRequest build;
    try {
      build = BuildArguments.parse(buildArgs, env.workingDirectory(), env.env());
    } catch (IllegalArgumentException e) {
      for (String arg : buildArgs) {
        String name = arg.split("=", 2)[0];
        if (layerdiveOptions.contains(name)) {
          throw new UsageException(
              "build: "
                  + name
                  + " is layerdive's option, not docker build's: put it before"
                  + " 'build' (layerdive "
                  + name
                  + " … build …)",
              e);
        }
      }
      throw new UsageException(e.getMessage(), e);
    }
    Outputs outputs = outputs();
    String id = sources.build(build, line -> env.err().println(line));
    String name = build.tags().isEmpty() ? id : build.tags().get(0);
    ImageRequest request =
        fetching.request(
            Optional.of(id), Optional.of(SourceSpec.Kind.DOCKER.scheme()), false, false);
    return present(sources.open(request), name, outputs);
  }

  /** What is asked of the image once read, checked before anything is read (or built). */
  private record Outputs(CiRun ciRun, DiveFormat format) {}

  private Outputs outputs() throws Exception {
    boolean jsonToStdout = STDOUT.equals(json);
    // CI=true is set by every CI service, so it only proposes CI mode: an explicit `--json -`
    // keeps stdout for the report a pipeline asked for.
    boolean ciMode = ci || (isTrue(env.env().get("CI")) && !jsonToStdout);
    DiveFormat format = jsonFormat();
    if (ciMode && jsonToStdout) {
      throw new UsageException("--json - and --ci both write to stdout; give --json a file");
    }
    if (!ciMode && !ciReports.isEmpty()) {
      throw new UsageException("--ci-report needs CI mode: add --ci");
    }
    return new Outputs(ciMode ? CiRun.configure(ciOptions(), env) : null, format);
  }

  private Integer present(ImageSource imageSource, String displayName, Outputs outputs)
      throws Exception {
    ImagePipeline pipeline =
        new ImagePipeline(
            imageSource, strict, new SourceLayerContents(imageSource, env), frozenImages());
    CiRun ciRun = outputs.ciRun();
    DiveFormat format = outputs.format();

    if (ciRun != null) {
      ciRun.loading(displayName);
      AnalyzedImage analyzed = pipeline.load(ImagePipeline.SILENT);
      ciRun.analyzed(analyzed);
      warn(analyzed.diagnostics());
      writeJson(analyzed, format);
      return ciRun.evaluate(analyzed);
    }
    if (json != null) {
      AnalyzedImage analyzed = pipeline.load(ImagePipeline.SILENT);
      warn(analyzed.diagnostics());
      writeJson(analyzed, format);
      return ExitCode.OK;
    }
    if (env.interactive()) {
      explorer.explore(pipeline, new Explorer.Settings(displayName, color()));
      return ExitCode.OK;
    }
    AnalyzedImage analyzed = pipeline.load(ImagePipeline.SILENT);
    warn(analyzed.diagnostics());
    env.out()
        .print(PlainSummary.render(analyzed.image(), analyzed.analysis(), analyzed.diagnostics()));
    env.out().flush();
    return ExitCode.OK;
  }

  /** The frozen files of images opened before, beside the layer cache, unless --no-cache. */
  private FrozenImages frozenImages() throws UsageException {
    if (fetching.noCache || demo) return FrozenImages.NONE;
    try {
      return CacheSettings.fromEnvironment(env.env()).frozenImages();
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), e);
    }
  }

  private ImageRequest request() throws UsageException {
    if (demo && image != null) {
      throw new UsageException("give either IMAGE or --demo, not both");
    }
    if (!demo && image == null) {
      throw new UsageException("missing IMAGE (or --demo for a built-in sample image)");
    }
    if (demo && source != null) {
      throw new UsageException("--source does not apply to --demo");
    }
    return fetching.request(Optional.ofNullable(image), Optional.ofNullable(source), demo, true);
  }

  private CiRun.Options ciOptions() {
    return new CiRun.Options(
        Optional.ofNullable(ciConfig),
        Optional.ofNullable(lowestEfficiency),
        Optional.ofNullable(highestWastedBytes),
        Optional.ofNullable(highestUserWastedPercent),
        Optional.ofNullable(highestReclaimableBytes),
        ciReports);
  }

  private DiveFormat jsonFormat() throws UsageException {
    if (jsonFormat == null) return DiveFormat.FULL;
    if (json == null) throw new UsageException("--json-format needs --json");
    return switch (jsonFormat.toLowerCase(Locale.ROOT)) {
      case "full" -> DiveFormat.FULL;
      case "dive" -> DiveFormat.DIVE_ONLY;
      default ->
          throw new UsageException(
              "--json-format: unknown format '" + jsonFormat + "' (use full or dive)");
    };
  }

  private void writeJson(AnalyzedImage analyzed, DiveFormat format) throws OutputException {
    if (json == null) return;
    Object report =
        format == DiveFormat.DIVE_ONLY
            ? JsonReports.dive(analyzed.image(), analyzed.stack().files(), analyzed.analysis())
            : JsonReports.full(
                analyzed.image(),
                analyzed.stack().files(),
                analyzed.analysis(),
                analyzed.diagnostics());
    if (STDOUT.equals(json)) {
      try {
        GoJson.write(report, env.out());
      } catch (IOException e) {
        throw new OutputException(
            "stdout: cannot write the JSON report (" + e.getMessage() + ")", e);
      }
      // A final newline for the shell prompt; files stay byte for byte what dive writes.
      env.out().print('\n');
      env.out().flush();
      return;
    }
    OutputFiles.write(env.resolve(json), json, "the JSON report", out -> GoJson.write(report, out));
  }

  /** Diagnostics on stderr for every front end but the explorer, which counts them itself. */
  private void warn(List<Diagnostic> diagnostics) {
    int shown = Math.min(MAX_WARNINGS, diagnostics.size());
    for (int i = 0; i < shown; i++) {
      env.err().println("layerdive: warning: " + diagnostics.get(i));
    }
    if (diagnostics.size() > shown) {
      env.err()
          .println(
              "layerdive: warning: "
                  + (diagnostics.size() - shown)
                  + " more diagnostics; --json lists them all");
    }
  }

  private boolean color() {
    String noColorEnv = env.env().get("NO_COLOR");
    return !noColor && (noColorEnv == null || noColorEnv.isEmpty());
  }

  static boolean isTrue(String value) {
    return value != null && (value.equalsIgnoreCase("true") || value.equals("1"));
  }

  boolean debug() {
    return debug;
  }

  private enum DiveFormat {
    FULL,
    DIVE_ONLY
  }
}
