package io.layerdive.sample;

import static io.layerdive.sample.SampleEntry.file;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.layerdive.sample.TarContents.Item;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The layouts beyond the two every reader starts with: Docker 25+, Podman, kaniko, indexes. */
class LayoutsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static SampleImage image() {
    return ArchiveWriterTest.image();
  }

  @Test
  void docker25AddsManifestJsonAndRepositoriesToAnOciLayout() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    WrittenImage written = ArchiveWriter.of(Layout.DOCKER_OCI).write(image(), out);
    Map<String, byte[]> files = TarContents.files(out.toByteArray());

    assertThat(files.keySet())
        .startsWith("blobs/", "blobs/sha256/")
        .endsWith("index.json", "manifest.json", "oci-layout", "repositories");
    JsonNode manifest = JSON.readTree(files.get("manifest.json")).get(0);
    assertThat(manifest.get("Config").asText())
        .isEqualTo("blobs/sha256/" + written.configDigest().hex());
    List<String> layers = texts(manifest.get("Layers"));
    assertThat(layers).hasSize(3).allSatisfy(l -> assertThat(files).containsKey(l));
    for (int i = 0; i < 3; i++) {
      // Docker 25 stores layers uncompressed, named by their diff_id
      assertThat(TarContents.sha256(files.get(layers.get(i))))
          .isEqualTo(written.layers().get(i).diffId().toString())
          .isEqualTo("sha256:" + layers.get(i).substring("blobs/sha256/".length()));
    }
    JsonNode entry = JSON.readTree(files.get("index.json")).get("manifests").get(0);
    assertThat(entry.at("/annotations/io.containerd.image.name").asText())
        .isEqualTo("docker.io/library/demo:1.0");
    assertThat(entry.get("digest").asText()).isEqualTo(written.manifestDigest().get().toString());
    assertThat(JSON.readTree(files.get("repositories")).at("/demo/1.0").asText())
        .isEqualTo(written.layers().get(2).blobDigest().hex());
  }

  @Test
  void podmanWritesLayersFirstThenConfigThenLegacySymlinks() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    WrittenImage written = ArchiveWriter.of(Layout.PODMAN).write(image(), out);
    List<Item> items = TarContents.read(out.toByteArray());
    List<String> names = items.stream().map(Item::name).toList();

    List<String> layerNames =
        written.layers().stream().map(l -> l.diffId().hex() + ".tar").toList();
    assertThat(names.subList(0, 4))
        .containsExactly(
            layerNames.get(0),
            layerNames.get(1),
            layerNames.get(2),
            written.configDigest().hex() + ".json");
    assertThat(names).endsWith("manifest.json", "repositories");
    assertThat(items).noneMatch(Item::directory);

    List<Item> links = items.stream().filter(Item::symlink).toList();
    assertThat(links).hasSize(3);
    assertThat(links)
        .allSatisfy(l -> assertThat(l.name()).matches("[0-9a-f]{64}/layer\\.tar"))
        .extracting(Item::linkName)
        .containsExactlyElementsOf(layerNames.stream().map(n -> "../" + n).toList());

    Map<String, byte[]> files = TarContents.files(out.toByteArray());
    JsonNode manifest = JSON.readTree(files.get("manifest.json")).get(0);
    assertThat(manifest.get("RepoTags").get(0).asText()).isEqualTo("localhost/demo:1.0");
    assertThat(texts(manifest.get("Layers"))).isEqualTo(layerNames);
    assertThat(JSON.readTree(files.get("repositories")).has("localhost/demo")).isTrue();
  }

  @Test
  void kanikoNamesTheConfigByDigestAndGzipsLayersNamedByBlobDigest() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    WrittenImage written = ArchiveWriter.of(Layout.KANIKO).write(image(), out);
    List<Item> items = TarContents.read(out.toByteArray());
    Map<String, byte[]> files = TarContents.files(out.toByteArray());

    assertThat(items.get(0).name()).isEqualTo(written.configDigest().toString());
    assertThat(items.get(items.size() - 1).name()).isEqualTo("manifest.json");
    assertThat(items).allSatisfy(i -> assertThat(i.mtimeSeconds()).isZero());
    JsonNode manifest = JSON.readTree(files.get("manifest.json")).get(0);
    assertThat(manifest.get("Config").asText()).startsWith("sha256:");
    JsonNode config = JSON.readTree(files.get(manifest.get("Config").asText()));
    List<String> layers = texts(manifest.get("Layers"));
    for (int i = 0; i < layers.size(); i++) {
      byte[] blob = files.get(layers.get(i));
      assertThat(layers.get(i)).isEqualTo(TarContents.sha256(blob).substring(7) + ".tar.gz");
      assertThat(blob).startsWith((byte) 0x1f, (byte) 0x8b);
      assertThat(TarContents.sha256(TarContents.decompress(blob)))
          .isEqualTo(config.at("/rootfs/diff_ids").get(i).asText());
    }
  }

  @Test
  void ociDirectoryHoldsTheSameFilesAsTheOciTar(@TempDir Path dir) throws IOException {
    ArchiveWriter.of(Layout.OCI_DIRECTORY).compression(Compression.ZSTD).write(image(), dir);
    byte[] tar = ArchiveWriter.of(Layout.OCI_LAYOUT).compression(Compression.ZSTD).toBytes(image());

    Map<String, String> fromTar = new TreeMap<>();
    TarContents.read(tar).stream()
        .filter(i -> !i.directory())
        .forEach(i -> fromTar.put(i.name(), TarContents.sha256(i.data())));
    Map<String, String> fromDir = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.filter(Files::isRegularFile).toList()) {
        fromDir.put(dir.relativize(p).toString(), TarContents.sha256(Files.readAllBytes(p)));
      }
    }
    assertThat(fromDir).isEqualTo(fromTar).hasSize(7);
  }

  @Test
  void severalPlatformsBecomeOneIndexSharingBlobs() throws IOException {
    SampleImage amd = image();
    SampleImage arm = image().withPlatform("linux", "arm64", "v8");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<WrittenImage> written =
        ArchiveWriter.of(Layout.OCI_LAYOUT).writeAll(List.of(amd, arm), out);
    Map<String, byte[]> files = TarContents.files(out.toByteArray());

    JsonNode manifests = JSON.readTree(files.get("index.json")).get("manifests");
    assertThat(manifests).hasSize(2);
    assertThat(manifests.get(0).at("/platform/architecture").asText()).isEqualTo("amd64");
    assertThat(manifests.get(1).at("/platform/architecture").asText()).isEqualTo("arm64");
    assertThat(manifests.get(1).at("/platform/variant").asText()).isEqualTo("v8");
    // same layers, different configs: 3 layers + 2 configs + 2 manifests
    assertThat(written.get(0).diffIds()).isEqualTo(written.get(1).diffIds());
    assertThat(written.get(0).configDigest()).isNotEqualTo(written.get(1).configDigest());
    assertThat(files.keySet().stream().filter(n -> n.matches("blobs/sha256/[0-9a-f]{64}")))
        .hasSize(7);
  }

  @Test
  void nestedIndexPointsIndexJsonToAnImageIndexBlob() throws IOException {
    SampleImage arm = image().withPlatform("linux", "arm64");
    byte[] tar = write(List.of(image(), arm));
    Map<String, byte[]> files = TarContents.files(tar);

    JsonNode top = JSON.readTree(files.get("index.json"));
    assertThat(top.get("mediaType").asText()).isEqualTo("application/vnd.oci.image.index.v1+json");
    JsonNode entry = top.get("manifests").get(0);
    assertThat(top.get("manifests")).hasSize(1);
    assertThat(entry.get("mediaType").asText())
        .isEqualTo("application/vnd.docker.distribution.manifest.list.v2+json");
    assertThat(entry.has("platform")).isFalse();
    JsonNode list = JSON.readTree(blob(files, entry.get("digest").asText()));
    assertThat(list.get("manifests")).hasSize(2);
    JsonNode manifest =
        JSON.readTree(blob(files, list.get("manifests").get(1).get("digest").asText()));
    assertThat(manifest.get("mediaType").asText())
        .isEqualTo("application/vnd.docker.distribution.manifest.v2+json");
    assertThat(manifest.at("/config/mediaType").asText())
        .isEqualTo("application/vnd.docker.container.image.v1+json");
    assertThat(manifest.at("/layers/0/mediaType").asText())
        .isEqualTo("application/vnd.docker.image.rootfs.diff.tar.gzip");
  }

  @Test
  void severalDockerImagesShareOneManifestJsonAndTheirBaseLayerDirectories() throws IOException {
    SampleImage base = SampleImage.of("base:1", SampleLayer.run("a", file("a", 10, 1)));
    SampleImage app =
        SampleImage.of(
            "app:2", SampleLayer.run("a", file("a", 10, 1)), SampleLayer.run("b", file("b", 5, 2)));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<WrittenImage> written =
        ArchiveWriter.of(Layout.DOCKER_LEGACY).writeAll(List.of(base, app), out);
    Map<String, byte[]> files = TarContents.files(out.toByteArray());

    JsonNode manifest = JSON.readTree(files.get("manifest.json"));
    assertThat(manifest).hasSize(2);
    assertThat(written.get(0).diffIds().get(0)).isEqualTo(written.get(1).diffIds().get(0));
    // the base's only layer is its top (config mixed into its id); the app's first is not
    assertThat(manifest.get(0).get("Layers").get(0).asText())
        .isNotEqualTo(manifest.get(1).get("Layers").get(0).asText());
    JsonNode repositories = JSON.readTree(files.get("repositories"));
    assertThat(repositories.has("base")).isTrue();
    assertThat(repositories.has("app")).isTrue();
  }

  private static byte[] write(List<SampleImage> images) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ArchiveWriter.of(Layout.OCI_LAYOUT)
        .nestedIndex(true)
        .manifestFormat(ManifestFormat.DOCKER)
        .compression(Compression.GZIP)
        .writeAll(images, out);
    return out.toByteArray();
  }

  private static byte[] blob(Map<String, byte[]> files, String digest) {
    byte[] data = files.get("blobs/sha256/" + digest.substring(7));
    assertThat(TarContents.sha256(data)).isEqualTo(digest);
    return data;
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
