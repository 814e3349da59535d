package io.layerdive.cli;

import static io.layerdive.testing.Layers.dir;
import static io.layerdive.testing.Layers.file;
import static io.layerdive.testing.Layers.whiteout;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.layerdive.source.ImageReadException;
import io.layerdive.testing.Golden;
import io.layerdive.testing.SyntheticImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir Path dir;

  /** Copies a file twice and chmods another: dive's waste, 6.4 kB user bytes wasted twice. */
  private static SyntheticImage wasteful() {
    return SyntheticImage.named("wasteful.tar")
        .layer("/bin/sh -c #(nop) ADD file:base in / ", dir("bin"), file("bin/sh", 100000, 1))
        .layer("/bin/sh -c cp /src /root/saved.txt", file("root/saved.txt", 6405, 2))
        .layer("/bin/sh -c chmod +x /root/saved.txt", file("root/saved.txt", 6405, 2, 0755));
  }

  /** Serves one synthetic image whatever is asked, and remembers the requests. */
  private static final class FakeSources implements SourceOpener {
    private final SyntheticImage image;
    final List<ImageRequest> requests = new ArrayList<>();

    FakeSources(SyntheticImage image) {
      this.image = image;
    }

    @Override
    public io.layerdive.source.ImageSource open(ImageRequest request) {
      requests.add(request);
      return image.source();
    }
  }

  private CliRun cli(SyntheticImage image) {
    return new CliRun().sources(new FakeSources(image)).in(dir);
  }

  @Test
  void noImageIsAUsageError() {
    CliRun.Result result = new CliRun().run();

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.errLines())
        .containsExactly(
            "layerdive: missing IMAGE (or --demo for a built-in sample image) (see layerdive"
                + " --help)");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void unknownOptionIsAUsageErrorOnOneLine() {
    CliRun.Result result = new CliRun().run("--frobnicate", "x.tar");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.errLines()).hasSize(1);
    assertThat(result.err()).startsWith("layerdive: Unknown option: '--frobnicate'");
  }

  @Test
  void demoJsonCarriesAdviceWhoseItemsAddUpToTheTotal() throws Exception {
    CliRun.Result result = new CliRun().in(dir).run("--demo", "--json", "-");

    assertThat(result.exitCode()).as(result.err()).isZero();
    JsonNode advice = MAPPER.readTree(result.out()).get("analysis").get("advice");
    assertThat(advice.get("items").size()).isPositive();
    long sum = 0;
    long previous = Long.MAX_VALUE;
    for (JsonNode item : advice.get("items")) {
      long saved = item.get("bytesSaved").asLong();
      assertThat(saved).isLessThanOrEqualTo(previous);
      previous = saved;
      sum += saved;
    }
    assertThat(advice.get("totalBytesSaved").asLong()).isEqualTo(sum);
    assertThat(advice.get("layerMerges").isArray()).isTrue();
  }

  @Test
  void imageAndDemoTogetherIsAUsageError() {
    assertThat(new CliRun().run("--demo", "x.tar").exitCode()).isEqualTo(2);
  }

  @Test
  void unknownSourceIsAUsageError() {
    CliRun.Result result = new CliRun().run("--source", "ftp", "x.tar");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(
            "layerdive: --source: unknown source 'ftp' (use docker-archive, oci, docker, podman,"
                + " registry) (see layerdive --help)\n");
  }

  @Test
  void unreadableImageExitsThreeWithTheSourcesMessageOnOneLine() {
    CliRun.Result result =
        new CliRun()
            .sources(
                request -> {
                  throw new ImageReadException(
                      "rootfs.tar: no manifest.json or index.json; this is a file system, not an"
                          + " image");
                })
            .run("rootfs.tar");

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.err())
        .isEqualTo(
            "layerdive: rootfs.tar: no manifest.json or index.json; this is a file system, not an"
                + " image\n");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void debugAddsTheStackTrace() {
    CliRun.Result result =
        new CliRun()
            .sources(
                request -> {
                  throw new ImageReadException("x.tar: broken");
                })
            .run("--debug", "x.tar");

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.errLines().get(0)).isEqualTo("layerdive: x.tar: broken");
    assertThat(result.err()).contains("at io.layerdive.");
  }

  @Test
  void aBugIsAnInternalErrorWithoutStackTraceUnlessAskedFor() {
    CliRun.Result result =
        new CliRun()
            .sources(
                request -> {
                  throw new IllegalStateException("oops");
                })
            .run("x.tar");

    assertThat(result.exitCode()).isEqualTo(70);
    assertThat(result.errLines())
        .containsExactly(
            "layerdive: internal error: java.lang.IllegalStateException: oops (run again with"
                + " --debug for the stack trace, and report it)");
  }

  @Test
  void jsonToStdoutIsTheReportAlone() throws Exception {
    CliRun.Result result = cli(wasteful()).run("--json", "-", "wasteful.tar");

    assertThat(result.exitCode()).isZero();
    assertThat(result.err()).isEmpty();
    JsonNode root = MAPPER.readTree(result.out());
    assertThat(root.get("image").get("inefficientBytes").asLong()).isEqualTo(12810);
    assertThat(root.get("layer")).hasSize(3);
    assertThat(root.get("schemaVersion").asText()).isEqualTo("1");
    assertThat(result.out()).endsWith("}\n");
  }

  @Test
  void jsonFileIsTruncatedWhenItExists() throws Exception {
    Path report = dir.resolve("report.json");
    Files.writeString(report, "x".repeat(100_000));

    CliRun.Result result = cli(wasteful()).run("--json", "report.json", "wasteful.tar");

    assertThat(result.exitCode()).isZero();
    String json = Files.readString(report, StandardCharsets.UTF_8);
    assertThat(json).startsWith("{\n  \"layer\": [").endsWith("\n}").doesNotContain("xxx");
    MAPPER.readTree(json);
  }

  @Test
  void diveJsonFormatHasOnlyDivesKeys() throws Exception {
    CliRun.Result result =
        cli(wasteful()).run("--json", "-", "--json-format", "dive", "wasteful.tar");

    JsonNode root = MAPPER.readTree(result.out());
    List<String> keys = new ArrayList<>();
    root.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsExactly("layer", "image");
  }

  @Test
  void jsonFormatWithoutJsonIsAUsageError() {
    CliRun.Result result = cli(wasteful()).run("--json-format", "dive", "wasteful.tar");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo("layerdive: --json-format needs --json (see layerdive --help)\n");
  }

  @Test
  void unwritableJsonFileExitsFour() {
    CliRun.Result result = cli(wasteful()).run("--json", "missing/dir/r.json", "wasteful.tar");

    assertThat(result.exitCode()).isEqualTo(4);
    assertThat(result.err())
        .isEqualTo(
            "layerdive: missing/dir/r.json: cannot write the JSON report (its directory does not"
                + " exist)\n");
  }

  @Test
  void withoutTerminalPrintsThePlainSummary() {
    CliRun run = cli(wasteful());
    CliRun.Result result = run.run("wasteful.tar");

    assertThat(result.exitCode()).isZero();
    assertThat(run.explored).isEmpty();
    assertThat(result.out()).startsWith("Image:       wasteful.tar\n");
  }

  @Test
  void withTerminalStartsTheExplorer() {
    CliRun run = cli(wasteful()).interactive().env("NO_COLOR", "1");
    CliRun.Result result = run.run("wasteful.tar");

    assertThat(result.exitCode()).isZero();
    assertThat(run.explored).containsExactly(new Explorer.Settings("wasteful.tar", false));
  }

  @Test
  void ciFailsOnDivesDefaultRules() {
    // 12810 wasted of 12810 user bytes: above dive's default highestUserWastedPercent 0.1.
    CliRun.Result result = cli(wasteful()).run("--ci", "wasteful.tar");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out())
        .contains("FAIL  highestUserWastedPercent")
        .endsWith("FAIL [pass:1 fail:1 skip:1]\n");
  }

  @Test
  void ciPassesWithFlagsAndPrintsDivesProgressOnStderr() {
    CliRun.Result result =
        cli(wasteful())
            .run(
                "--ci",
                "--highestUserWastedPercent",
                "1.0",
                "--highestWastedBytes",
                "20MB",
                "wasteful.tar");

    assertThat(result.exitCode()).isZero();
    assertThat(result.err())
        .isEqualTo(
            "Loading image                 wasteful.tar\n"
                + "Analyzing image               [layers:3 files:6 size:113 kB]\n"
                + "Evaluating image              [rules: 3]\n"
                + "\n");
    assertThat(result.out()).startsWith("Analysis:\n").endsWith("PASS [pass:3]\n");
  }

  @Test
  void ciEnvironmentVariableTurnsCiModeOn() {
    CliRun.Result result = cli(wasteful()).env("CI", "true").run("wasteful.tar");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out()).contains("Evaluation:");
  }

  @Test
  void ciEnvironmentVariableLeavesStdoutToJson() throws Exception {
    CliRun.Result result = cli(wasteful()).env("CI", "true").run("--json", "-", "wasteful.tar");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(MAPPER.readTree(result.out()).has("layer")).isTrue();
    assertThat(result.err()).isEmpty();
  }

  @Test
  void theRulesFileInTheWorkingDirectoryIsReadByDefault() throws Exception {
    // With dive's defaults this image fails highestUserWastedPercent (1.0 > 0.1).
    assertThat(cli(wasteful()).run("--ci", "wasteful.tar").exitCode()).isEqualTo(1);
    Files.writeString(dir.resolve(".dive-ci"), "rules:\n  highestUserWastedPercent: 1\n");

    CliRun.Result result = cli(wasteful()).run("--ci", "wasteful.tar");

    assertThat(result.exitCode()).as(result.out()).isZero();
    assertThat(result.out()).contains("  PASS  highestUserWastedPercent (1)\n");
  }

  @Test
  void flagsBeatTheRulesFile() throws Exception {
    Files.writeString(dir.resolve(".dive-ci"), "rules:\n  highestUserWastedPercent: 0.01\n");

    assertThat(cli(wasteful()).run("--ci", "wasteful.tar").exitCode()).isEqualTo(1);
    assertThat(
            cli(wasteful())
                .run("--ci", "--highestUserWastedPercent", "1", "wasteful.tar")
                .exitCode())
        .isZero();
  }

  @Test
  void badRuleValueIsAUsageErrorBeforeTheImageIsRead() {
    FakeSources sources = new FakeSources(wasteful());
    CliRun.Result result =
        new CliRun().sources(sources).in(dir).run("--ci", "--lowestEfficiency", "1.1", "x.tar");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.errLines()).hasSize(1);
    assertThat(result.err()).startsWith("layerdive: lowestEfficiency");
    assertThat(sources.requests).isEmpty();
  }

  @Test
  void missingExplicitRulesFileIsAUsageError() {
    CliRun.Result result = cli(wasteful()).run("--ci", "--ci-config", "nope.yaml", "x.tar");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(
            "layerdive: nope.yaml: no such CI rules file (--ci-config) (see layerdive --help)\n");
  }

  @Test
  void ciReportsAreWritten() throws Exception {
    CliRun.Result result =
        cli(wasteful())
            .run(
                "--ci",
                "--ci-report",
                "junit",
                "rules.xml",
                "--ci-report",
                "markdown",
                "rules.md",
                "wasteful.tar");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(Files.readString(dir.resolve("rules.xml"))).contains("<testsuite");
    assertThat(Files.readString(dir.resolve("rules.md")))
        .contains("highestUserWastedPercent")
        // The chmod +x of layer 2 stores /root/saved.txt again: the advisor says so.
        .contains("### Advice")
        .containsPattern("again\\. Saves 6\\.4 kB\\.");
  }

  @Test
  void ciReportNeedsCiMode() {
    CliRun.Result result = cli(wasteful()).run("--ci-report", "junit", "r.xml", "wasteful.tar");

    assertThat(result.exitCode()).isEqualTo(2);
  }

  @Test
  void jsonToStdoutAndCiReportCannotShareStdout() {
    CliRun.Result result = cli(wasteful()).run("--ci", "--json", "-", "wasteful.tar");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).startsWith("layerdive: --json - and --ci both write to stdout");
  }

  @Test
  void diagnosticsAreWarningsOrUnderStrictFatal() {
    SyntheticImage dangling =
        SyntheticImage.named("dangling.tar")
            .layer("ADD base", file("a", 10))
            .layer("RUN rm", whiteout("missing"), file("b", 5));

    CliRun.Result lenient = cli(dangling).run("--json", "-", "dangling.tar");
    CliRun.Result strict = cli(dangling).run("--strict", "--json", "-", "dangling.tar");

    assertThat(lenient.exitCode()).isZero();
    assertThat(lenient.errLines()).hasSize(1).allMatch(l -> l.startsWith("layerdive: warning: "));
    assertThat(strict.exitCode()).isEqualTo(3);
    assertThat(strict.errLines()).hasSize(1);
    assertThat(strict.err()).startsWith("layerdive: dangling.tar: ").contains("--strict");
    assertThat(strict.out()).isEmpty();
  }

  @Test
  void versionAndHelpGoToStdout() {
    CliRun.Result version = new CliRun().run("--version");
    CliRun.Result help = new CliRun().run("--help");

    assertThat(version.exitCode()).isZero();
    assertThat(version.out()).startsWith("layerdive ");
    assertThat(help.exitCode()).isZero();
    Golden.assertMatches(CliTest.class, "help", help.out());
  }

  @Test
  void requestCarriesSourceAndPlatform() {
    FakeSources sources = new FakeSources(wasteful());
    new CliRun()
        .sources(sources)
        .in(dir)
        .run("--source", "registry", "--platform", "linux/arm64", "--json", "-", "alpine:3.20");

    assertThat(sources.requests).hasSize(1);
    ImageRequest request = sources.requests.get(0);
    assertThat(request.image()).contains("alpine:3.20");
    assertThat(request.source()).contains("registry");
    assertThat(request.platform()).contains("linux/arm64");
    assertThat(request.demo()).isFalse();
  }

  @Test
  void aMalformedPlatformIsAUsageErrorNamedOnce() {
    CliRun.Result result = new CliRun().in(dir).run("--platform", "linux", "--json", "-", "--demo");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .startsWith(
            "layerdive: --platform: 'linux' is not os/arch[/variant] (e.g. linux/amd64,"
                + " linux/arm/v7)");
  }
}
