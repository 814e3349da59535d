package io.layerdive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.layerdive.source.ImageReadException;
import io.layerdive.testing.Conformance;
import io.layerdive.testing.Golden;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiffCommandTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir Path dir;

  private static String image(String name) {
    return Conformance.file("images/" + name).toAbsolutePath().toString();
  }

  @Test
  void textReportOfDockerAgainstKaniko() {
    String before = image("test-docker-image.tar");
    String after = image("test-kaniko-image.tar");

    CliRun.Result result = new CliRun().in(dir).run("diff", before, after);

    assertThat(result.exitCode()).as(result.err()).isZero();
    // The paths are machine-specific; the golden file holds the rest.
    String out = result.out().replace(before, "BEFORE").replace(after, "AFTER");
    Golden.assertMatches(DiffCommandTest.class, "textReportOfDockerAgainstKaniko", out);
  }

  @Test
  void jsonToStdoutAndMarkdownToAFile() throws Exception {
    String before = image("test-docker-image.tar");
    String after = image("test-kaniko-image.tar");

    CliRun.Result result =
        new CliRun().in(dir).run("diff", "--json", "-", "--markdown", "diff.md", before, after);

    assertThat(result.exitCode()).as(result.err()).isZero();
    JsonNode root = MAPPER.readTree(result.out());
    assertThat(root.get("schemaVersion").asText()).isEqualTo("1");
    assertThat(root.get("imageDeltaBytes").asLong())
        .isEqualTo(
            root.get("after").get("imageBytes").asLong()
                - root.get("before").get("imageBytes").asLong());
    assertThat(root.get("files").size())
        .isEqualTo(
            root.get("addedFiles").asInt()
                + root.get("removedFiles").asInt()
                + root.get("changedFiles").asInt());
    assertThat(root.get("layers").size()).isPositive();
    assertThat(Files.readString(dir.resolve("diff.md")))
        .startsWith("# `" + before + "` → `" + after + "`")
        .contains("## Largest file changes");
  }

  @Test
  void sameImageTwiceSharesEveryLayer() throws Exception {
    String image = image("test-docker-image.tar");

    CliRun.Result result = new CliRun().in(dir).run("diff", "--json", "-", image, image);

    JsonNode root = MAPPER.readTree(result.out());
    assertThat(root.get("files").size()).isZero();
    root.get("layers").forEach(l -> assertThat(l.get("shared").asBoolean()).isTrue());
    String text = new CliRun().in(dir).run("diff", image, image).out();
    assertThat(text).contains("0 files added, 0 removed, 0 changed");
    String layers = text.substring(text.indexOf("Layers (="));
    assertThat(layers.lines().skip(1)).isNotEmpty().allMatch(line -> line.contains("  =  "));
  }

  @Test
  void missingAfterIsAUsageError() {
    CliRun.Result result = new CliRun().in(dir).run("diff", "x.tar");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
  }

  @Test
  void unreadableImageExitsWith3() {
    CliRun.Result result =
        new CliRun().in(dir).run("diff", dir.resolve("nope.tar").toString(), "also-nope.tar");

    assertThat(result.exitCode()).as(result.err()).isEqualTo(3);
  }

  @Test
  void bothImagesAreFetchedWithTheSourceOptions() {
    List<ImageRequest> asked = new ArrayList<>();
    SourceOpener recording =
        request -> {
          asked.add(request);
          throw new ImageReadException(request.displayName() + ": not here");
        };

    CliRun.Result result =
        new CliRun()
            .in(dir)
            .sources(recording)
            .run(
                "diff",
                "--platform",
                "linux/arm64",
                "--no-pull",
                "--insecure-registry",
                "127.0.0.1:5000",
                "--registry-ca",
                "ca.pem",
                "--no-cache",
                "127.0.0.1:5000/app:1",
                "127.0.0.1:5000/app:2");

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.errLines()).containsExactly("layerdive: 127.0.0.1:5000/app:1: not here");
    ImageRequest before = asked.get(0);
    assertThat(before.platform()).contains("linux/arm64");
    assertThat(before.pull()).isFalse();
    assertThat(before.insecureRegistries()).containsExactly("127.0.0.1:5000");
    assertThat(before.registryCa()).contains("ca.pem");
    assertThat(before.cache()).isFalse();
  }
}
