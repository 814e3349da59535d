package io.layerdive.sample;

import static io.layerdive.sample.SampleEntry.dir;
import static io.layerdive.sample.SampleEntry.file;
import static io.layerdive.sample.SampleEntry.opaque;
import static io.layerdive.sample.SampleEntry.symlink;
import static io.layerdive.sample.SampleEntry.whiteout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.layerdive.image.Digest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ArchiveWriterTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static SampleImage image() {
    return SampleImage.of(
        "demo:1.0",
        SampleLayer.add(
            "file:base in /",
            file("bin/busybox", 50_000, 1).executable(),
            symlink("bin/sh", "/bin/busybox"),
            file("etc/os-release", "NAME=Alpine\n")),
        SampleLayer.nop("ENV NODE_ENV=production"),
        SampleLayer.run(
            "apk add nodejs", file("usr/bin/node", 30_000, 2), whiteout("etc/os-release")),
        SampleLayer.run("rm -rf /usr/lib/x", opaque("usr/lib"), dir("tmp")));
  }

  @ParameterizedTest
  @EnumSource(
      value = Layout.class,
      names = {"OCI_DIRECTORY"},
      mode = EnumSource.Mode.EXCLUDE)
  void sameImageGivesByteIdenticalArchives(Layout layout) {
    for (Compression c : Compression.values()) {
      ArchiveWriter writer = ArchiveWriter.of(layout).compression(c);
      assertThat(writer.toBytes(image())).as("%s %s", layout, c).isEqualTo(writer.toBytes(image()));
    }
  }

  @Test
  void dockerLegacyListsV1DirectoriesAndConfigSortedWithIndexFilesLast() throws IOException {
    ArchiveWriter writer = ArchiveWriter.of(Layout.DOCKER_LEGACY);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    WrittenImage written = writer.write(image(), out);
    Map<String, byte[]> files = TarContents.files(out.toByteArray());

    List<String> expected = new ArrayList<>();
    for (WrittenLayer l : written.layers()) {
      String id = l.archivePath().substring(0, l.archivePath().indexOf('/'));
      expected.addAll(List.of(id + "/", id + "/VERSION", id + "/json", id + "/layer.tar"));
    }
    expected.add(written.configDigest().hex() + ".json");
    expected.sort(String::compareTo);
    expected.addAll(List.of("manifest.json", "repositories"));
    assertThat(files.keySet()).containsExactlyElementsOf(expected);

    JsonNode manifest = JSON.readTree(files.get("manifest.json"));
    assertThat(manifest).hasSize(1);
    assertThat(manifest.get(0).get("Config").asText()).isEqualTo(written.configPath());
    assertThat(manifest.get(0).get("RepoTags").get(0).asText()).isEqualTo("demo:1.0");
    List<String> layerPaths = texts(manifest.get(0).get("Layers"));
    assertThat(layerPaths).hasSize(3);

    JsonNode config = JSON.readTree(files.get(written.configPath()));
    assertThat(TarContents.sha256(files.get(written.configPath())))
        .isEqualTo(written.configDigest().toString());
    List<String> diffIds = texts(config.at("/rootfs/diff_ids"));
    for (int i = 0; i < layerPaths.size(); i++) {
      byte[] layer = files.get(layerPaths.get(i));
      assertThat(TarContents.sha256(layer)).isEqualTo(diffIds.get(i));
      assertThat(written.layers().get(i).tarSize()).isEqualTo(layer.length);
    }
    assertThat(diffIds).isEqualTo(written.diffIds().stream().map(Digest::toString).toList());

    String topId = layerPaths.get(2).substring(0, 64);
    assertThat(JSON.readTree(files.get("repositories")).at("/demo/1.0").asText()).isEqualTo(topId);
    assertThat(new String(files.get(topId + "/VERSION"))).isEqualTo("1.0");
    JsonNode v1 = JSON.readTree(files.get(topId + "/json"));
    assertThat(v1.get("id").asText()).isEqualTo(topId);
    assertThat(v1.get("parent").asText()).isEqualTo(layerPaths.get(1).substring(0, 64));
  }

  @Test
  void configRecordsPlatformHistoryAndEmptyLayers() throws IOException {
    SampleImage arm = image().withPlatform("linux", "arm64", "v8");
    byte[] tar = ArchiveWriter.of(Layout.DOCKER_LEGACY).toBytes(arm);
    Map<String, byte[]> files = TarContents.files(tar);
    String configName = JSON.readTree(files.get("manifest.json")).get(0).get("Config").asText();
    JsonNode config = JSON.readTree(files.get(configName));

    assertThat(config.get("architecture").asText()).isEqualTo("arm64");
    assertThat(config.get("variant").asText()).isEqualTo("v8");
    assertThat(config.get("os").asText()).isEqualTo("linux");
    JsonNode history = config.get("history");
    assertThat(history).hasSize(4);
    assertThat(history.get(1).get("created_by").asText())
        .isEqualTo("/bin/sh -c #(nop)  ENV NODE_ENV=production");
    assertThat(history.get(1).get("empty_layer").asBoolean()).isTrue();
    assertThat(history.get(2).get("created_by").asText()).isEqualTo("/bin/sh -c apk add nodejs");
    assertThat(history.get(2).has("empty_layer")).isFalse();
    assertThat(config.at("/rootfs/diff_ids")).hasSize(3);
  }

  @Test
  void ociLayoutChainsIndexToManifestToConfigAndLayers() throws IOException {
    byte[] tar = ArchiveWriter.of(Layout.OCI_LAYOUT).toBytes(image());
    Map<String, byte[]> files = TarContents.files(tar);

    assertThat(files.keySet())
        .startsWith("blobs/", "blobs/sha256/")
        .endsWith("index.json", "oci-layout")
        .doesNotContain("manifest.json", "repositories");
    assertThat(JSON.readTree(files.get("oci-layout")).get("imageLayoutVersion").asText())
        .isEqualTo("1.0.0");
    JsonNode index = JSON.readTree(files.get("index.json"));
    assertThat(index.get("mediaType").asText())
        .isEqualTo("application/vnd.oci.image.index.v1+json");
    JsonNode entry = index.get("manifests").get(0);
    assertThat(entry.at("/platform/architecture").asText()).isEqualTo("amd64");
    assertThat(entry.at("/annotations/org.opencontainers.image.ref.name").asText())
        .isEqualTo("1.0");

    JsonNode manifest = blob(files, entry, "application/vnd.oci.image.manifest.v1+json");
    blob(files, manifest.get("config"), "application/vnd.oci.image.config.v1+json");
    assertThat(manifest.get("layers")).hasSize(3);
    for (JsonNode layer : manifest.get("layers")) {
      assertThat(layer.get("mediaType").asText())
          .isEqualTo("application/vnd.oci.image.layer.v1.tar");
      checkedBlob(files, layer);
    }
    assertThat(
            Stream.of(files.keySet().toArray(String[]::new))
                .filter(n -> n.startsWith("blobs/sha256/") && n.length() > 13))
        .hasSize(5);
  }

  @ParameterizedTest
  @EnumSource(value = Compression.class)
  void compressedOciLayersDecompressToTheirDiffIds(Compression compression) throws IOException {
    ArchiveWriter writer = ArchiveWriter.of(Layout.OCI_LAYOUT).compression(compression);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    WrittenImage written = writer.write(image(), out);
    Map<String, byte[]> files = TarContents.files(out.toByteArray());
    JsonNode manifest =
        blob(files, JSON.readTree(files.get("index.json")).get("manifests").get(0), null);
    JsonNode config = blob(files, manifest.get("config"), null);

    for (int i = 0; i < 3; i++) {
      JsonNode layer = manifest.get("layers").get(i);
      String suffix = compression == Compression.NONE ? "" : "+" + compression.name().toLowerCase();
      assertThat(layer.get("mediaType").asText())
          .isEqualTo("application/vnd.oci.image.layer.v1.tar" + suffix);
      byte[] blob = checkedBlob(files, layer);
      byte[] tar = TarContents.decompress(blob);
      assertThat(TarContents.sha256(tar)).isEqualTo(config.at("/rootfs/diff_ids").get(i).asText());
      assertThat(written.layers().get(i).blobDigest().toString())
          .isEqualTo(layer.get("digest").asText());
      if (compression != Compression.NONE) assertThat(blob).isNotEqualTo(tar);
    }
  }

  @Test
  void largeLayersAreGeneratedTwiceAndStillMatchTheirDigests() throws IOException {
    // Above the in-memory limit, so the second write regenerates the layer.
    SampleImage big =
        SampleImage.of(
            "big", SampleLayer.run("x", file("huge.bin", LayerBlob.KEEP_LIMIT + 1000, 5)));
    for (Compression c : List.of(Compression.NONE, Compression.GZIP)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      WrittenImage written = ArchiveWriter.of(Layout.OCI_LAYOUT).compression(c).write(big, out);
      Map<String, byte[]> files = TarContents.files(out.toByteArray());
      WrittenLayer layer = written.layers().get(0);
      byte[] blob = files.get(layer.archivePath());
      assertThat(TarContents.sha256(blob)).isEqualTo(layer.blobDigest().toString());
      assertThat(TarContents.sha256(TarContents.decompress(blob)))
          .isEqualTo(layer.diffId().toString());
    }
  }

  @Test
  void untaggedImagesHaveNullRepoTagsAndNoRepositories() throws IOException {
    Map<String, byte[]> files =
        TarContents.files(ArchiveWriter.of(Layout.DOCKER_LEGACY).toBytes(image().withName("")));
    assertThat(JSON.readTree(files.get("manifest.json")).get(0).get("RepoTags").isNull()).isTrue();
    assertThat(files).doesNotContainKey("repositories");
  }

  @Test
  void directoryLayoutRefusesAStream() {
    assertThatThrownBy(() -> ArchiveWriter.of(Layout.OCI_DIRECTORY).toBytes(image()))
        .hasMessageContaining("OCI_DIRECTORY: writes a directory");
    assertThatThrownBy(() -> ArchiveWriter.of(Layout.DOCKER_LEGACY).nestedIndex(true))
        .hasMessageContaining("DOCKER_LEGACY: has no index.json");
  }

  @Test
  void writesToAFile(@TempDir Path dir) throws IOException {
    Path target = dir.resolve("image.tar");
    ArchiveWriter writer = ArchiveWriter.of(Layout.DOCKER_LEGACY);
    writer.write(image(), target);
    assertThat(Files.readAllBytes(target)).isEqualTo(writer.toBytes(image()));
  }

  @ParameterizedTest
  @EnumSource(
      value = Layout.class,
      names = {"OCI_DIRECTORY"},
      mode = EnumSource.Mode.EXCLUDE)
  void listingIsPinned(Layout layout) throws IOException {
    // Pins names, modes, sizes and digests: a change here changes every reader's test input.
    // Uncompressed throughout, since gzip bytes depend on the runtime's zlib.
    ArchiveWriter writer = ArchiveWriter.of(layout).compression(Compression.NONE);
    StringBuilder listing = new StringBuilder();
    for (TarContents.Item i : TarContents.read(writer.toBytes(image()))) {
      listing.append(
          String.format(
              "%06o %d/%d %8d %s%s%n",
              i.mode(),
              i.uid(),
              i.gid(),
              i.size(),
              i.name(),
              i.symlink() ? " -> " + i.linkName() : ""));
    }
    Golden.assertMatches(
        "ArchiveWriterTest/listingIsPinned_" + layout.name().toLowerCase() + ".txt", listing);
  }

  /** Reads the blob a descriptor points to, checking its digest, size and media type. */
  private static JsonNode blob(Map<String, byte[]> files, JsonNode descriptor, String mediaType)
      throws IOException {
    if (mediaType != null) assertThat(descriptor.get("mediaType").asText()).isEqualTo(mediaType);
    return JSON.readTree(checkedBlob(files, descriptor));
  }

  private static byte[] checkedBlob(Map<String, byte[]> files, JsonNode descriptor) {
    String digest = descriptor.get("digest").asText();
    byte[] data = files.get("blobs/sha256/" + digest.substring("sha256:".length()));
    assertThat(data).as(digest).isNotNull();
    assertThat(TarContents.sha256(data)).isEqualTo(digest);
    assertThat((long) data.length).isEqualTo(descriptor.get("size").asLong());
    return data;
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
