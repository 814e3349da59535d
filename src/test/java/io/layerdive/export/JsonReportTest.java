package io.layerdive.export;

import static io.layerdive.testing.Layers.dir;
import static io.layerdive.testing.Layers.file;
import static io.layerdive.testing.Layers.symlink;
import static io.layerdive.testing.Layers.whiteout;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.layerdive.analysis.ImageAnalysis;
import io.layerdive.analysis.ImageAnalyzer;
import io.layerdive.image.Diagnostic;
import io.layerdive.image.FileEntry;
import io.layerdive.image.FileType;
import io.layerdive.image.Image;
import io.layerdive.image.LayerChange;
import io.layerdive.testing.Golden;
import io.layerdive.testing.SyntheticImage;
import io.layerdive.tree.ImageFiles;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonReportTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static LayerChange hardlink(String path, String target) {
    return new LayerChange.Put(new FileEntry(path, FileType.HARDLINK, 0, 0755, 0, 0, target, 0));
  }

  /** A base with a binary and a hardlink to it, a RUN that copies and chmods, and a delete. */
  private static SyntheticImage sample() {
    return SyntheticImage.named("sample.tar")
        .layer(
            "/bin/sh -c #(nop) ADD file:ce02 in / ",
            dir("bin"),
            file("bin/[", 1075464, 1, 0755),
            hardlink("bin/[[", "bin/["),
            new LayerChange.Put(new FileEntry("tmp", FileType.DIRECTORY, 0, 01777, 0, 0, "", 0)),
            symlink("bin/sh", "busybox"))
        .layer(
            "/bin/sh -c apt-get update && \\\n    echo '<done>'",
            file("root/example/a.txt", 6405, 2),
            file("root/example/b.txt", 100, 3))
        .layer(
            "/bin/sh -c chmod 444 /root/example/a.txt", file("root/example/a.txt", 6405, 2, 0444))
        .layer("/bin/sh -c rm -rf /root/example", dir("root", 0700), whiteout("root/example"));
  }

  private static JsonReport report(SyntheticImage synthetic, List<Diagnostic> diagnostics) {
    Image image = synthetic.image();
    ImageFiles files = synthetic.files();
    ImageAnalysis analysis = ImageAnalyzer.analyze(image, files);
    return JsonReports.full(image, files, analysis, diagnostics);
  }

  @Test
  void fullReport() {
    String json =
        GoJson.toString(report(sample(), List.of(new Diagnostic("layer 3", "something odd"))));

    Golden.assertMatches(JsonReportTest.class, "fullReport", json + "\n");
  }

  @Test
  void keysInDiveOrderThenOurs() throws Exception {
    JsonNode root = MAPPER.readTree(GoJson.toString(report(sample(), List.of())));

    assertThat(fieldNames(root)).containsExactly("layer", "image", "schemaVersion", "analysis");
    assertThat(fieldNames(root.get("layer").get(0)))
        .containsExactly("index", "id", "digestId", "sizeBytes", "command", "fileList");
    assertThat(fieldNames(root.get("layer").get(0).get("fileList").get(0)))
        .containsExactly("path", "typeFlag", "linkName", "size", "fileMode", "uid", "gid", "isDir");
    assertThat(fieldNames(root.get("image")))
        .containsExactly("sizeBytes", "inefficientBytes", "efficiencyScore", "fileReference");
    assertThat(fieldNames(root.get("image").get("fileReference").get(0)))
        .containsExactly("count", "sizeBytes", "file");
    assertThat(root.get("schemaVersion").asText()).isEqualTo("1");
  }

  @Test
  void diveFormatHasOnlyDivesKeys() throws Exception {
    SyntheticImage synthetic = sample();
    Image image = synthetic.image();
    ImageFiles files = synthetic.files();
    String json =
        GoJson.toString(JsonReports.dive(image, files, ImageAnalyzer.analyze(image, files)));

    assertThat(fieldNames(MAPPER.readTree(json))).containsExactly("layer", "image");
    // The full report starts with exactly these bytes, so a dive consumer reads it the same way.
    String full = GoJson.toString(report(synthetic, List.of()));
    String diveBody = json.substring(0, json.length() - "\n}".length());
    assertThat(full).startsWith(diveBody + ",\n  \"schemaVersion\": \"1\",");
  }

  @Test
  void fileListIsTheLayersTreeChildrenFirstWithDivesTarFacts() throws Exception {
    JsonNode layer0 =
        MAPPER.readTree(GoJson.toString(report(sample(), List.of()))).get("layer").get(0);

    List<String> paths = new ArrayList<>();
    layer0.get("fileList").forEach(f -> paths.add(f.get("path").asText()));
    assertThat(paths).containsExactly("bin/[", "bin/[[", "bin/sh", "bin", "tmp");
    JsonNode binary = layer0.get("fileList").get(0);
    assertThat(binary.get("typeFlag").asInt()).isEqualTo('0');
    assertThat(binary.get("size").asLong()).isEqualTo(1075464);
    assertThat(binary.get("fileMode").asLong()).isEqualTo(0755);
    JsonNode link = layer0.get("fileList").get(1);
    assertThat(link.get("typeFlag").asInt()).isEqualTo('1');
    assertThat(link.get("linkName").asText()).isEqualTo("bin/[");
    JsonNode symlink = layer0.get("fileList").get(2);
    assertThat(symlink.get("fileMode").asLong()).isEqualTo((1L << 27) | 0777);
    JsonNode tmp = layer0.get("fileList").get(4);
    assertThat(tmp.get("fileMode").asLong()).isEqualTo((1L << 31) | (1L << 20) | 0777);
    assertThat(tmp.get("isDir").asBoolean()).isTrue();
    assertThat(layer0.get("command").asText()).isEqualTo("#(nop) ADD file:ce02 in / ");
  }

  @Test
  void impliedDirectoriesAreEmptyEntries_whiteoutsKeepTheirRawName() throws Exception {
    JsonNode layers = MAPPER.readTree(GoJson.toString(report(sample(), List.of()))).get("layer");

    // Layer 1 adds files under root/example without entries for root or root/example.
    JsonNode implied = layers.get(1).get("fileList").get(2);
    assertThat(implied.toString())
        .isEqualTo(
            "{\"path\":\"\",\"typeFlag\":0,\"linkName\":\"\",\"size\":0,\"fileMode\":0,"
                + "\"uid\":0,\"gid\":0,\"isDir\":false}");
    JsonNode whiteout = layers.get(3).get("fileList").get(0);
    assertThat(whiteout.get("path").asText()).isEqualTo("root/.wh.example");
    assertThat(whiteout.get("typeFlag").asInt()).isEqualTo(48);
    assertThat(layers.get(3).get("fileList").get(1).get("fileMode").asLong())
        .isEqualTo(2147484096L);
  }

  @Test
  void commandsEscapedAsGoDoes() {
    String json = GoJson.toString(report(sample(), List.of()));

    assertThat(json)
        .contains(
            "\"command\": \"apt-get update \\u0026\\u0026 \\\\\\n    echo '\\u003cdone\\u003e'\"");
  }

  @Test
  void noUserBytesGivesNullRatioAndEmptyArraysStayOnOneLine() throws Exception {
    SyntheticImage scratch = SyntheticImage.named("scratch").layer("COPY x /", file("x", 10));

    String json = GoJson.toString(report(scratch, List.of()));

    assertThat(json)
        .contains("\"efficiencyScore\": 1,")
        .contains("\"fileReference\": []")
        .contains("\"userWastedRatio\": null,")
        .contains("\"diagnostics\": []");
    assertThat(MAPPER.readTree(json).get("analysis").get("userWastedRatio").isNull()).isTrue();
  }

  @Test
  void analysisCarriesOurFigures() throws Exception {
    JsonNode analysis =
        MAPPER.readTree(GoJson.toString(report(sample(), List.of()))).get("analysis");

    // Base 1075464; user layers 6505 + 6405 + 0.
    assertThat(analysis.get("userSizeBytes").asLong()).isEqualTo(12910);
    // a.txt twice (12810) is dive's waste; only the first copy is reclaimable, b.txt and a.txt are
    // deleted in layer 3 so both of their layers' bytes are reclaimable.
    assertThat(analysis.get("reclaimableBytes").asLong()).isEqualTo(12910);
    assertThat(analysis.get("fileCount").asLong()).isEqualTo(5 + 4 + 3 + 2);
    assertThat(analysis.get("layers").get(1).get("compressedSizeBytes").isNull()).isTrue();
    assertThat(analysis.get("layers").get(1).get("diffId").asText())
        .isEqualTo(SyntheticImage.diffId(1).toString());
  }

  @Test
  void adviceSitsInAnalysis_itemsAddUpToTheTotal() throws Exception {
    JsonNode advice =
        MAPPER.readTree(GoJson.toString(report(sample(), List.of()))).get("analysis").get("advice");

    assertThat(fieldNames(advice)).containsExactly("totalBytesSaved", "items", "layerMerges");
    assertThat(advice.get("items").size()).isPositive();
    long sum = 0;
    for (JsonNode item : advice.get("items")) {
      assertThat(fieldNames(item))
          .containsExactly(
              "kind", "problem", "change", "bytesSaved", "exact", "layers", "files", "examples");
      sum += item.get("bytesSaved").asLong();
    }
    assertThat(advice.get("totalBytesSaved").asLong()).isEqualTo(sum).isPositive();
    // a.txt and b.txt are added in layer 1 and deleted in layer 3: a removed-later item.
    assertThat(advice.get("items").findValuesAsText("kind")).contains("REMOVED_LATER");
    for (JsonNode merge : advice.get("layerMerges")) {
      assertThat(fieldNames(merge))
          .containsExactly("from", "to", "currentBytes", "mergedBytes", "savedBytes");
      assertThat(merge.get("savedBytes").asLong())
          .isEqualTo(merge.get("currentBytes").asLong() - merge.get("mergedBytes").asLong());
    }
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      names.add(it.next().getKey());
    }
    return names;
  }
}
