package io.layerdive.source.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.layerdive.image.Digest;
import io.layerdive.image.Layer;
import io.layerdive.testing.Conformance;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveLayerOpenerTest {
  @TempDir Path work;

  private final AtomicInteger opened = new AtomicInteger();

  private static final byte[] BASE = new Tars().dir("etc").file("etc/base", "base\n").bytes();
  private static final byte[] TOP = new Tars().dir("app").file("app/run.sh", "echo hi\n").bytes();

  private static String sha256(byte[] data) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
  }

  private static Layer layer(int index, String id, byte[] tar, Optional<Digest> blob)
      throws Exception {
    return new Layer(index, id, new Digest("sha256", sha256(tar)), blob, "", tar.length, -1);
  }

  private String firstFile(byte[] archive, Layer layer) throws Exception {
    ArchiveLayerOpener opener =
        new ArchiveLayerOpener(
            () -> {
              opened.incrementAndGet();
              return new ByteArrayInputStream(archive);
            },
            "img");
    return new FilePreviewReader(opener).read(layer, firstFileName(layer), 1024).text();
  }

  private static String firstFileName(Layer layer) {
    return layer.index() == 0 ? "/etc/base" : "/app/run.sh";
  }

  @Test
  void legacyDockerSaveByLayerId() throws Exception {
    byte[] archive =
        new Tars()
            .dir("1111")
            .file("1111/layer.tar", BASE, 0644)
            .dir("2222")
            .file("2222/layer.tar", TOP, 0644)
            .file("manifest.json", "[{\"Layers\":[\"1111/layer.tar\",\"2222/layer.tar\"]}]")
            .bytes();
    assertThat(firstFile(archive, layer(1, "2222", TOP, Optional.empty()))).isEqualTo("echo hi\n");
    assertThat(opened).hasValue(1);
  }

  @Test
  void manifestTellsWhenTheRecordedNamesDoNotMatch() throws Exception {
    byte[] archive =
        new Tars()
            .file("odd-name-0", BASE, 0644)
            .file("odd-name-1", TOP, 0644)
            .file("manifest.json", "[{\"Layers\":[\"odd-name-0\",\"./odd-name-1\"]}]")
            .bytes();
    assertThat(firstFile(archive, layer(1, "", TOP, Optional.empty()))).isEqualTo("echo hi\n");
    assertThat(opened).hasValue(2);
  }

  @Test
  void podmanSymlinkToAFileThatCameEarlier() throws Exception {
    // The layer is recorded by its symlinked name; its diff id names no entry (say, recompressed).
    Layer top = new Layer(1, "v1top", new Digest("sha256", "f".repeat(64)), Optional.empty(), "", 0, -1);
    byte[] archive =
        new Tars()
            .file("aaaa.tar", BASE, 0644)
            .file("bbbb.tar", TOP, 0644)
            .dir("v1base")
            .symlink("v1base/layer.tar", "../aaaa.tar")
            .dir("v1top")
            .symlink("v1top/layer.tar", "../bbbb.tar")
            .bytes();
    assertThat(firstFile(archive, top)).isEqualTo("echo hi\n");
    assertThat(opened).hasValue(2);
  }

  @Test
  void podmanLayerByItsDiffId() throws Exception {
    Layer base = layer(0, "v1base", BASE, Optional.empty());
    byte[] archive =
        new Tars()
            .file(base.diffId().hex() + ".tar", BASE, 0644)
            .dir("v1base")
            .symlink("v1base/layer.tar", "../" + base.diffId().hex() + ".tar")
            .bytes();
    Layer byDiffOnly = new Layer(0, "", base.diffId(), Optional.empty(), "", 0, -1);
    assertThat(firstFile(archive, byDiffOnly)).isEqualTo("base\n");
    assertThat(opened).hasValue(1);
  }

  @Test
  void ociBlobGzippedByItsBlobDigest() throws Exception {
    byte[] blob = Tars.gzip(TOP);
    Digest blobDigest = new Digest("sha256", sha256(blob));
    byte[] archive =
        new Tars()
            .dir("blobs/sha256")
            .file("blobs/sha256/" + blobDigest.hex(), blob, 0444)
            .file("index.json", "{}")
            .file("oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}")
            .bytes();
    assertThat(firstFile(archive, layer(1, "blobs", TOP, Optional.of(blobDigest))))
        .isEqualTo("echo hi\n");
  }

  @Test
  void gzippedArchiveAsAWhole() throws Exception {
    byte[] archive = Tars.gzip(new Tars().dir("1111").file("1111/layer.tar", BASE, 0644).bytes());
    assertThat(firstFile(archive, layer(0, "1111", BASE, Optional.empty()))).isEqualTo("base\n");
  }

  @Test
  void layerGoneSaysSo() throws Exception {
    byte[] archive = new Tars().file("other", "x").bytes();
    Layer gone = layer(2, "9999", TOP, Optional.empty());
    assertThatThrownBy(() -> firstFile(archive, gone))
        .hasMessage(
            "img: layer 2 (" + gone.diffId().shortHex(12) + ") is not in the archive any more;"
                + " was the image changed since it was opened?");
  }

  @Test
  void extractFromDivesKanikoImage() throws Exception {
    Path image = Conformance.image("test-kaniko-image.tar");
    // kaniko names a layer by its blob digest: the first, busybox, has /bin/busybox.
    Digest blob =
        Digest.parse("sha256:5c4213be9af904dd74649d250f22023f532b2f9179ffcb15260b5eaa10d7a3b4");
    Layer base =
        new Layer(0, "", new Digest("sha256", "0".repeat(64)), Optional.of(blob), "", 0, -1);
    ExtractResult result =
        new LayerExtractor(new ArchiveLayerOpener(() -> Files.newInputStream(image), "kaniko"))
            .extract(base, "/etc", work.resolve("out"));
    assertThat(work.resolve("out/etc/passwd")).exists();
    assertThat(result.files()).isPositive();
  }

  @Test
  void viewFromDivesDockerImage() throws Exception {
    Path image = Conformance.image("test-docker-image.tar");
    List<String> manifest = layerPaths(image);
    // Layer 1 of dive's test image adds /somefile.txt.
    String id = manifest.get(1).substring(0, manifest.get(1).indexOf('/'));
    Layer layer = new Layer(1, id, new Digest("sha256", "0".repeat(64)), Optional.empty(), "", 0, -1);
    FilePreview preview =
        new FilePreviewReader(new ArchiveLayerOpener(() -> Files.newInputStream(image), "dive"))
            .read(layer, "/somefile.txt", 1024);
    assertThat(preview.isBinary()).isFalse();
    assertThat(preview.size()).isPositive();
  }

  @Test
  void viewFromDivesOciZstdImageThroughItsManifestlessLayout() throws Exception {
    Path image = Conformance.image("test-oci-zstd-image.tar");
    // The only layer blob is the one that is zstd compressed: find it by magic bytes.
    Digest blob = null;
    try (InputStream in = Files.newInputStream(image)) {
      var tar = new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(in);
      for (var e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
        byte[] head = tar.readNBytes(4);
        if (head.length == 4 && (head[0] & 0xff) == 0x28 && (head[1] & 0xff) == 0xb5) {
          blob = Digest.parse("sha256:" + e.getName().substring("blobs/sha256/".length()));
        }
      }
    }
    assertThat(blob).isNotNull();
    Layer layer = new Layer(0, "blobs", new Digest("sha256", "0".repeat(64)), Optional.of(blob), "", 0, -1);
    FilePreview preview =
        new FilePreviewReader(new ArchiveLayerOpener(() -> Files.newInputStream(image), "oci"))
            .read(layer, "/README.md", 100);
    assertThat(preview.truncated()).isTrue();
    assertThat(preview.size()).isEqualTo(11189);
  }

  private static List<String> layerPaths(Path image) throws Exception {
    try (InputStream in = Files.newInputStream(image)) {
      var tar = new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(in);
      for (var e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
        if (e.getName().equals("manifest.json")) {
          var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(tar.readAllBytes());
          List<String> paths = new java.util.ArrayList<>();
          json.path(0).path("Layers").forEach(p -> paths.add(p.asText()));
          return paths;
        }
      }
    }
    throw new AssertionError("no manifest.json in " + image);
  }
}
