package io.layerdive.cli;

import static io.layerdive.testing.Layers.dir;
import static io.layerdive.testing.Layers.file;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.layerdive.source.ImageReadException;
import io.layerdive.source.ImageSource;
import io.layerdive.source.daemon.BuildRequest;
import io.layerdive.testing.SyntheticImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code layerdive build}: docker build's arguments, then the built image as for IMAGE. */
class BuildCommandTest {
  private static final String ID =
      "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

  @TempDir Path dir;

  @BeforeEach
  void context() throws Exception {
    Files.writeString(dir.resolve("Dockerfile"), "FROM ld-busybox:1.35\n");
  }

  /** Builds nothing: records the build, prints two lines, serves a synthetic image. */
  private static final class FakeDaemon implements SourceOpener {
    final List<BuildRequest> builds = new ArrayList<>();
    final List<ImageRequest> opened = new ArrayList<>();
    ImageReadException failure;

    @Override
    public ImageSource open(ImageRequest request) {
      opened.add(request);
      return SyntheticImage.named("built")
          .layer("/bin/sh -c #(nop) ADD file:base in / ", dir("bin"), file("bin/sh", 1000, 1))
          .source();
    }

    @Override
    public String build(BuildRequest request, Consumer<String> output) throws ImageReadException {
      builds.add(request);
      output.accept("Step 1/1 : FROM ld-busybox:1.35");
      if (failure != null) throw failure;
      output.accept("Successfully built 0123456789ab");
      return ID;
    }
  }

  private final FakeDaemon daemon = new FakeDaemon();

  private CliRun cli() {
    return new CliRun().sources(daemon).in(dir);
  }

  @Test
  void globalOptionsBeforeBuildApplyToTheBuiltImage() throws Exception {
    CliRun.Result result =
        cli().run("--json", "-", "build", "-t", "app:1", "--build-arg", "K=v", ".");

    assertThat(result.exitCode()).isZero();
    assertThat(daemon.builds).hasSize(1);
    BuildRequest build = daemon.builds.get(0);
    assertThat(build.context()).isEqualTo(dir);
    assertThat(build.tags()).containsExactly("app:1");
    assertThat(build.buildArgs()).containsEntry("K", "v");
    ImageRequest opened = daemon.opened.get(0);
    assertThat(opened.image()).contains(ID);
    assertThat(opened.source()).contains("docker");
    assertThat(opened.pull()).isFalse();
    // The build's lines go to stderr, so stdout is the report alone.
    assertThat(result.errLines())
        .containsExactly("Step 1/1 : FROM ld-busybox:1.35", "Successfully built 0123456789ab");
    assertThat(new ObjectMapper().readTree(result.out()).get("layer")).hasSize(1);
  }

  @Test
  void withoutJsonTheSummaryOrExplorerNamesTheTag() {
    CliRun run = cli().interactive();
    CliRun.Result result = run.run("build", "-t", "app:1", ".");

    assertThat(result.exitCode()).isZero();
    assertThat(run.explored).singleElement().extracting(Explorer.Settings::imageName)
        .isEqualTo("app:1");
  }

  @Test
  void unknownBuildOptionIsAUsageErrorBeforeAnyBuild() {
    CliRun.Result result = cli().run("build", "--frobnicate", ".");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.errLines()).singleElement().asString()
        .startsWith("layerdive: build: unknown option --frobnicate (supported: -t,");
    assertThat(daemon.builds).isEmpty();
  }

  @Test
  void layerdiveOptionAfterBuildSaysWhereItGoes() {
    CliRun.Result result = cli().run("build", "--json", "-", "-t", "x", ".");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.errLines())
        .containsExactly(
            "layerdive: build: --json is layerdive's option, not docker build's: put it before"
                + " 'build' (layerdive --json … build …) (see layerdive --help)");
    assertThat(daemon.builds).isEmpty();
  }

  @Test
  void platformAfterBuildIsDockerBuilds() {
    CliRun.Result result = cli().run("--json", "-", "build", "--platform", "linux/amd64", ".");

    assertThat(result.exitCode()).isZero();
    assertThat(daemon.builds.get(0).platform()).contains("linux/amd64");
  }

  @Test
  void missingContextIsAUsageError() {
    CliRun.Result result = cli().run("build", "-t", "x", "nowhere");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).startsWith("layerdive: build: nowhere: no such directory");
  }

  @Test
  void imageTogetherWithBuildIsAUsageError() {
    CliRun.Result result = cli().run("app.tar", "build", ".");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).startsWith("layerdive: build opens the image it builds");
    assertThat(daemon.builds).isEmpty();
  }

  @Test
  void outputConflictsAreFoundBeforeBuilding() {
    CliRun.Result result = cli().run("--ci", "--json", "-", "build", ".");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(daemon.builds).isEmpty();
  }

  @Test
  void failedBuildExitsThreeWithTheDaemonsWords() {
    daemon.failure =
        new ImageReadException("build: The command '/bin/sh -c exit 3' returned a non-zero code: 3");

    CliRun.Result result = cli().run("--json", "-", "build", ".");

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.errLines())
        .containsExactly(
            "Step 1/1 : FROM ld-busybox:1.35",
            "layerdive: build: The command '/bin/sh -c exit 3' returned a non-zero code: 3");
    assertThat(result.out()).isEmpty();
    assertThat(daemon.opened).isEmpty();
  }

  @Test
  void noDaemonExitsThreeOnOneLine() {
    CliRun.Result result =
        new CliRun()
            .in(dir)
            .env("DOCKER_HOST", "unix://" + dir.resolve("absent.sock"))
            .run("build", "-t", "x", ".");

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.errLines()).last().asString()
        .startsWith("layerdive: Cannot reach the Docker daemon at unix://")
        .contains("no such socket");
  }

  @Test
  void buildHelpIsItsOwn() {
    CliRun.Result result = cli().run("build", "--help");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).startsWith("Usage: layerdive build").contains("DOCKER-BUILD-ARGS");
    assertThat(daemon.builds).isEmpty();
  }
}
