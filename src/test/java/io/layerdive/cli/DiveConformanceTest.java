package io.layerdive.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.layerdive.testing.Conformance;
import io.layerdive.testing.Golden;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole program on dive's own test images, against the figures and output dive gives. */
class DiveConformanceTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static String image(String name) {
    return Conformance.file("images/" + name).toString();
  }

  private static JsonNode json(String image) throws Exception {
    CliRun.Result result = new CliRun().run("--json", "-", image);
    assertThat(result.exitCode()).as(result.err()).isZero();
    return MAPPER.readTree(result.out());
  }

  @Test
  void dockerImageJsonHasDivesImageFigures() throws Exception {
    CliRun.Result result = new CliRun().run("--json", "-", image("test-docker-image.tar"));

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out())
        .contains(
            "  \"image\": {\n"
                + "    \"sizeBytes\": 1220598,\n"
                + "    \"inefficientBytes\": 32025,\n"
                + "    \"efficiencyScore\": 0.9844212134184309,\n"
                + "    \"fileReference\": [\n"
                + "      {\n"
                + "        \"count\": 2,\n"
                + "        \"sizeBytes\": 12810,\n"
                + "        \"file\": \"/root/saved.txt\"\n"
                + "      },\n"
                + "      {\n"
                + "        \"count\": 2,\n"
                + "        \"sizeBytes\": 12810,\n"
                + "        \"file\": \"/root/example/somefile1.txt\"\n"
                + "      },\n"
                + "      {\n"
                + "        \"count\": 2,\n"
                + "        \"sizeBytes\": 6405,\n"
                + "        \"file\": \"/root/example/somefile3.txt\"\n"
                + "      }\n"
                + "    ]\n"
                + "  },\n");
  }

  @Test
  void dockerImageJsonHasDivesLayers() throws Exception {
    JsonNode layers = json(image("test-docker-image.tar")).get("layer");

    List<String> rows = new ArrayList<>();
    for (JsonNode l : layers) {
      rows.add(
          l.get("index").asInt()
              + " "
              + l.get("id").asText()
              + " "
              + l.get("digestId").asText()
              + " "
              + l.get("sizeBytes").asLong()
              + " "
              + l.get("command").asText());
    }
    // dive's export_test.snap, as README §1b of the conformance data lists it.
    Golden.assertMatches(
        DiveConformanceTest.class, "dockerImageLayers", String.join("\n", rows) + "\n");
    int files = 0;
    for (JsonNode l : layers) files += l.get("fileList").size();
    assertThat(files).isEqualTo(451);
  }

  @Test
  void dockerImageJsonHasOurFiguresBesideDives() throws Exception {
    CliRun.Result result = new CliRun().run("--json", "-", image("test-docker-image.tar"));
    JsonNode root = MAPPER.readTree(result.out());
    JsonNode analysis = root.get("analysis");

    // dive's image_archive_analysis_test: UserSizeByes and WastedUserPercent, to the last digit.
    assertThat(result.out())
        .contains("    \"userSizeBytes\": 66237,\n")
        .contains("    \"userWastedRatio\": 0.4834911001404049,\n");
    assertThat(analysis.get("reclaimableBytes").asLong()).isEqualTo(32025);
    assertThat(analysis.get("fileCount").asInt()).isEqualTo(451);
    assertThat(analysis.get("diagnostics")).isEmpty();
    // The per-layer node counts behind dive's files:451 (conformance README §1c).
    List<Integer> nodes = List.of(415, 1, 4, 3, 3, 3, 3, 4, 2, 2, 4, 2, 3, 2);
    assertThat(root.get("layer")).extracting(l -> l.get("fileList").size()).isEqualTo(nodes);
    assertThat(analysis.get("layers")).extracting(l -> l.get("fileCount").asInt()).isEqualTo(nodes);
  }

  @Test
  void kanikoImageJsonHasDivesFigures() throws Exception {
    CliRun.Result result = new CliRun().run("--json", "-", image("test-kaniko-image.tar"));
    JsonNode root = MAPPER.readTree(result.out());

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(root.get("image").toString())
        .isEqualTo(
            "{\"sizeBytes\":1326410,\"inefficientBytes\":46245,"
                + "\"efficiencyScore\":0.9793688490216431,\"fileReference\":["
                + "{\"count\":2,\"sizeBytes\":18498,\"file\":\"/root/saved.txt\"},"
                + "{\"count\":2,\"sizeBytes\":18498,\"file\":\"/root/example/somefile1.txt\"},"
                + "{\"count\":2,\"sizeBytes\":9249,\"file\":\"/root/example/somefile3.txt\"}]}");
    assertThat(result.out())
        .contains("    \"userSizeBytes\": 94677,\n")
        .contains("    \"userWastedRatio\": 0.4884502043790995,\n");
    JsonNode layers = root.get("layer");
    List<Integer> nodes = List.of(421, 1, 4, 3, 3, 3, 3, 4, 2, 2, 4, 2, 3, 2);
    assertThat(layers).extracting(l -> l.get("fileList").size()).isEqualTo(nodes);
    assertThat(root.get("analysis").get("fileCount").asInt()).isEqualTo(457);
    assertThat(layers.get(0).get("id").asText())
        .isEqualTo("5c4213be9af904dd74649d250f22023f532b2f9179ffcb15260b5eaa10d7a3b4.tar.gz");
    assertThat(layers.get(13).get("command").asText()).isEqualTo("RUN chmod +x /root/saved.txt");
  }

  @Test
  void dockerImageFileListsAreDivesNodes() throws Exception {
    JsonNode layers = json(image("test-docker-image.tar")).get("layer");

    JsonNode base = layers.get(0).get("fileList");
    assertThat(base).hasSize(415);
    assertThat(base.get(0).toString())
        .isEqualTo(
            "{\"path\":\"bin/[\",\"typeFlag\":48,\"linkName\":\"\",\"size\":1075464,"
                + "\"fileMode\":493,\"uid\":0,\"gid\":0,\"isDir\":false}");
    assertThat(base.get(1).toString())
        .isEqualTo(
            "{\"path\":\"bin/[[\",\"typeFlag\":49,\"linkName\":\"bin/[\",\"size\":0,"
                + "\"fileMode\":493,\"uid\":0,\"gid\":0,\"isDir\":false}");
    assertThat(base.get(2).get("linkName").asText()).isEqualTo("bin/[");
    assertThat(layers.get(9).get("fileList").toString())
        .isEqualTo(
            "[{\"path\":\"root/.wh.example\",\"typeFlag\":48,\"linkName\":\"\",\"size\":0,"
                + "\"fileMode\":0,\"uid\":0,\"gid\":0,\"isDir\":false},"
                + "{\"path\":\"root\",\"typeFlag\":53,\"linkName\":\"\",\"size\":0,"
                + "\"fileMode\":2147484096,\"uid\":0,\"gid\":0,\"isDir\":true}]");
  }

  @Test
  void dockerImageCiReportIsDives() {
    String image = image("test-docker-image.tar");
    // dive's cli_load_test.snap: lowest-efficiency is misspelt there, so its default 0.9 applies.
    CliRun.Result result =
        new CliRun()
            .run(
                "--ci",
                "--highestWastedBytes",
                "20MB",
                "--highestUserWastedPercent",
                "0.90",
                "--lowestEfficiency",
                "0.9",
                image);

    assertThat(result.exitCode()).isZero();
    assertThat(result.err())
        .isEqualTo(
            "Loading image                 "
                + image
                + "\n"
                + "Analyzing image               [layers:14 files:451 size:1.2 MB]\n"
                + "Evaluating image              [rules: 3]\n"
                + "\n");
    assertThat(result.out())
        .isEqualTo(
            "Analysis:\n"
                + "  efficiency:        98.44 %\n"
                + "  wastedBytes:       32025 bytes (32 kB)\n"
                + "  userWastedPercent: 48.35 %\n"
                + "\n"
                + "Inefficient Files:\n"
                + "  Count  Wasted Space  File Path\n"
                + "  2      13 kB         /root/saved.txt\n"
                + "  2      13 kB         /root/example/somefile1.txt\n"
                + "  2      6.4 kB        /root/example/somefile3.txt\n"
                + "\n"
                + "Evaluation:\n"
                + "  PASS  highestUserWastedPercent (0.90)\n"
                + "  PASS  highestWastedBytes (20MB)\n"
                + "  PASS  lowestEfficiency (0.9)\n"
                + "\n"
                + "PASS [pass:3]\n");
  }

  @Test
  void dockerImageFailsDivesDefaultRules() {
    CliRun.Result result = new CliRun().run("--ci", image("test-docker-image.tar"));

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out())
        .contains(
            "  FAIL  highestUserWastedPercent (too many bytes wasted, relative to the user bytes"
                + " added (%-user-wasted-bytes=0.48 > threshold=0.1))\n")
        .endsWith("FAIL [pass:1 fail:1 skip:1]\n");
  }

  @Test
  void kanikoImagePassesDivesSampleRulesFromTheEnvironment() {
    String image = image("test-kaniko-image.tar");
    String config = Conformance.file("dive-ci.example").toString();

    CliRun.Result result = new CliRun().env("CI", "true").run("--ci-config", config, image);

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.err())
        .isEqualTo(
            "Loading image                 "
                + image
                + "\n"
                + "Analyzing image               [layers:14 files:457 size:1.3 MB]\n"
                + "Evaluating image              [rules: 3]\n"
                + "\n");
    assertThat(result.out())
        .isEqualTo(
            "Analysis:\n"
                + "  efficiency:        97.94 %\n"
                + "  wastedBytes:       46245 bytes (46 kB)\n"
                + "  userWastedPercent: 48.85 %\n"
                + "\n"
                + "Inefficient Files:\n"
                + "  Count  Wasted Space  File Path\n"
                + "  2      18 kB         /root/saved.txt\n"
                + "  2      18 kB         /root/example/somefile1.txt\n"
                + "  2      9.2 kB        /root/example/somefile3.txt\n"
                + "\n"
                + "Evaluation:\n"
                + "  PASS  highestUserWastedPercent (0.5)\n"
                + "  PASS  highestWastedBytes (20Mb)\n"
                + "  PASS  lowestEfficiency (0.95)\n"
                + "\n"
                + "PASS [pass:3]\n");
  }

  @Test
  void ociImagesHaveOneLayerAndNoWaste() throws Exception {
    for (String name :
        List.of(
            "test-oci-uncompressed-image.tar",
            "test-oci-gzip-image.tar",
            "test-oci-zstd-image.tar",
            "test-oci-estargz-image.tar")) {
      JsonNode root = json(image(name));

      assertThat(root.get("image").toString())
          .as(name)
          .isEqualTo(
              "{\"sizeBytes\":11189,\"inefficientBytes\":0,\"efficiencyScore\":1,"
                  + "\"fileReference\":[]}");
      assertThat(root.get("layer")).as(name).hasSize(1);
      assertThat(root.get("layer").get(0).get("id").asText()).as(name).isEqualTo("blobs");
      assertThat(root.get("layer").get(0).get("command").asText())
          .as(name)
          .isEqualTo("COPY README.md /README.md # buildkit");
      assertThat(root.get("analysis").get("userWastedRatio").isNull()).as(name).isTrue();
      assertThat(root.get("analysis").get("userSizeBytes").asLong()).as(name).isZero();
      assertThat(root.get("analysis").get("fileCount").asInt()).as(name).isEqualTo(1);
      assertThat(root.get("layer").get(0).get("digestId").asText())
          .as(name)
          .startsWith(name.contains("estargz") ? "sha256:2b3dbfdf131b" : "sha256:356d5e7f4012");
    }
  }

  @Test
  void anArchivePipedInIsReadAsItComes(@TempDir Path dir) throws Exception {
    Path archive = Conformance.image("test-kaniko-image.tar");
    Path fifo = dir.resolve("pipe");
    Process mkfifo;
    try {
      mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    } catch (IOException e) {
      mkfifo = null;
    }
    assumeTrue(mkfifo != null && mkfifo.waitFor() == 0, "mkfifo is needed to make a pipe");
    // A pipe can be opened and read once: the archive must not be looked into before it is read.
    Thread writer =
        new Thread(
            () -> {
              try (OutputStream out = Files.newOutputStream(fifo)) {
                Files.copy(archive, out);
              } catch (IOException e) {
                // the reader went away: the assertions below say why
              }
            });
    writer.setDaemon(true);
    writer.start();

    JsonNode piped = json(fifo.toString());

    JsonNode direct = json(archive.toString());
    assertThat(piped.get("image")).isEqualTo(direct.get("image"));
    assertThat(piped.get("layer")).isEqualTo(direct.get("layer"));
  }

  @Test
  void rootFileSystemTarIsRefusedOnOneLine() {
    CliRun.Result result = new CliRun().run(image("not-an-image-rootfs.tar"));

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.errLines()).hasSize(1);
    assertThat(result.err()).startsWith("layerdive: ");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void dockerImageSummaryWithoutTerminal() {
    CliRun.Result result = new CliRun().run(image("test-docker-image.tar"));

    assertThat(result.exitCode()).isZero();
    String summary = result.out().replace(image("test-docker-image.tar"), "test-docker-image.tar");
    Golden.assertMatches(DiveConformanceTest.class, "dockerImageSummary", summary);
  }
}
