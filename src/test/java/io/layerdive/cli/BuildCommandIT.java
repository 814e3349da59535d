package io.layerdive.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code layerdive build} against this machine's Docker daemon, from the command line down. */
class BuildCommandIT {
  private static final String BASE = "ld-busybox:1.35";
  private static final String TAG = "ld-cli-it/build:1";
  private static final int WRITTEN = 5000;

  @TempDir Path dir;

  @BeforeAll
  static void daemon() {
    String answer = docker("image", "inspect", "--format", "{{.Id}}", BASE);
    assumeTrue(answer.startsWith("sha256:"),
        "no Docker daemon with " + BASE + " here (docker image inspect: " + answer.strip() + ")");
  }

  /** Each run builds the tag anew: without this the previous build would stay behind untagged. */
  @AfterAll
  static void removeImage() {
    docker("image", "rm", "--force", TAG);
  }

  /** Writes a file in one layer and deletes it in the next: all of it is reclaimable. */
  @Test
  void buildsThenReportsTheBuiltImage() throws Exception {
    Files.writeString(
        dir.resolve("Dockerfile"),
        "FROM " + BASE + "\n"
            + "RUN head -c " + WRITTEN + " /dev/zero > /big\n"
            + "RUN rm /big\n");
    Map<String, String> env = new java.util.HashMap<>(System.getenv());
    env.remove("CI");
    CliRun run = new CliRun().in(dir);
    env.forEach(run::env);

    CliRun.Result result = run.run("--json", "-", "build", "-t", TAG, "--no-cache", ".");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.err()).contains("Step 2/3 : RUN head -c " + WRITTEN);
    JsonNode root = new ObjectMapper().readTree(result.out());
    JsonNode layers = root.get("layer");
    // busybox's two layers, the write and the delete.
    assertThat(layers).hasSize(4);
    assertThat(layers.get(2).get("sizeBytes").asLong()).isGreaterThanOrEqualTo(WRITTEN);
    assertThat(layers.get(2).get("command").asText()).contains("head -c " + WRITTEN);
    assertThat(root.get("analysis").get("reclaimableBytes").asLong()).isEqualTo(WRITTEN);
    // dive counts a file deleted later as wasted twice over: once added, once removed.
    assertThat(root.get("image").get("inefficientBytes").asLong()).isEqualTo(WRITTEN);
    assertThat(docker("image", "inspect", "--format", "{{.Id}}", TAG)).startsWith("sha256:");
  }

  @Test
  void failingBuildExitsThreeWithTheDaemonsWords() throws Exception {
    Files.writeString(dir.resolve("Dockerfile"), "FROM " + BASE + "\nRUN exit 3\n");

    String containersBefore = docker("ps", "--all", "--quiet", "--no-trunc");

    CliRun.Result result = new CliRun().in(dir).run("--json", "-", "build", ".");

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.errLines()).last().asString()
        .isEqualTo("layerdive: build: The command '/bin/sh -c exit 3' returned a non-zero code: 3");
    assertThat(result.out()).isEmpty();
    assertThat(docker("ps", "--all", "--quiet", "--no-trunc"))
        .as("containers after the failed build").isEqualTo(containersBefore);
  }

  private static String docker(String... args) {
    List<String> command = new ArrayList<>();
    command.add(Files.isExecutable(Path.of("/usr/bin/docker")) ? "/usr/bin/docker" : "docker");
    command.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(5, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        return "timed out";
      }
      return out;
    } catch (IOException e) {
      return e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }
}
