package io.layerdive.source.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.layerdive.image.Layer;
import io.layerdive.source.ImageReadException;
import io.layerdive.source.ImageSource;
import io.layerdive.source.LoadListener;
import io.layerdive.source.archive.DockerArchiveSource;
import io.layerdive.source.oci.OciLayoutSource;
import io.layerdive.testing.CollectingReceiver;
import io.layerdive.testing.TestArchives;
import io.layerdive.testing.TestArchives.Layout;
import io.layerdive.testing.TestArchives.Stored;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Layers read again from archives and layouts on disk, in every layout, as a tar and as a
 * directory, for the viewer and for extraction with the diff id checked.
 */
class FileLayerOpenerTest {
  @TempDir Path dir;

  private static TestArchives.Image image(Stored top) {
    return new TestArchives.Image()
        .layer(TestArchives.layer("etc/", "", "etc/os-release", "NAME=test\n"), "ADD base")
        .layer(TestArchives.layer("app/", "", "app/run.sh", "echo hi\n"), "COPY app", top)
        .tag("img:1");
  }

  private static List<Layer> layers(Path path, Layout layout) throws ImageReadException {
    ImageSource source =
        layout == Layout.OCI
            ? OciLayoutSource.of(path, "img", Optional.empty())
            : DockerArchiveSource.file(path, "img");
    return source.load(new CollectingReceiver(), LoadListener.NONE).image().layers();
  }

  private static void checkReadsEveryLayer(Path path, Layout layout, Path out) throws Exception {
    List<Layer> layers = layers(path, layout);
    FileLayerOpener opener = new FileLayerOpener(path, "img");
    FilePreviewReader viewer = new FilePreviewReader(opener);
    assertThat(viewer.read(layers.get(0), "/etc/os-release", 1024).text()).isEqualTo("NAME=test\n");
    assertThat(viewer.read(layers.get(1), "/app/run.sh", 1024).text()).isEqualTo("echo hi\n");
    ExtractResult result =
        new LayerExtractor(new DiffIdCheck(opener)).extract(layers.get(1), "/app", out);
    assertThat(result.files()).isEqualTo(1);
    assertThat(Files.readString(out.resolve("app/run.sh"))).isEqualTo("echo hi\n");
  }

  @ParameterizedTest
  @EnumSource(Layout.class)
  void archiveFile(Layout layout) throws Exception {
    Stored top = layout == Layout.KANIKO ? Stored.PLAIN : Stored.GZIP;
    Path tar = TestArchives.write(dir.resolve("img.tar"), layout, image(top));
    checkReadsEveryLayer(tar, layout, dir.resolve("out"));
  }

  @ParameterizedTest
  @EnumSource(Layout.class)
  void archiveDirectory(Layout layout) throws Exception {
    Path unpacked = TestArchives.writeDirectory(dir.resolve("img"), layout, image(Stored.ZSTD));
    checkReadsEveryLayer(unpacked, layout, dir.resolve("out"));
  }

  @Test
  void compressedArchiveIsStreamedToTheLayer() throws Exception {
    Path tar =
        TestArchives.write(dir.resolve("img.tar"), Layout.DOCKER_LEGACY, image(Stored.PLAIN));
    Path gz = dir.resolve("img.tar.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      Files.copy(tar, out);
    }
    checkReadsEveryLayer(gz, Layout.DOCKER_LEGACY, dir.resolve("out"));
  }

  @Test
  void aLayerChangedSinceLoadingFailsItsDiffIdCheckAndLeavesNothing() throws Exception {
    Path tar =
        TestArchives.write(dir.resolve("img.tar"), Layout.DOCKER_LEGACY, image(Stored.PLAIN));
    List<Layer> layers = layers(tar, Layout.DOCKER_LEGACY);
    TestArchives.patch(
        tar,
        "echo hi\n".getBytes(StandardCharsets.UTF_8),
        "echo HO\n".getBytes(StandardCharsets.UTF_8));
    Path out = dir.resolve("out");
    LayerExtractor extractor = new LayerExtractor(new DiffIdCheck(new FileLayerOpener(tar, "img")));
    assertThatThrownBy(() -> extractor.extract(layers.get(1), "/app", out))
        .isInstanceOf(ImageReadException.class)
        .hasMessageContaining("layer 1 read from the source is not the layer the image names")
        .hasMessageContaining(layers.get(1).diffId().shortHex(12))
        .hasMessageContaining("open it again");
    try (var files = Files.list(out)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void anArchiveGoneSinceLoadingSaysSo() throws Exception {
    Path tar = TestArchives.write(dir.resolve("img.tar"), Layout.PODMAN, image(Stored.PLAIN));
    List<Layer> layers = layers(tar, Layout.PODMAN);
    Files.delete(tar);
    assertThatThrownBy(() -> new FileLayerOpener(tar, "img.tar").openLayer(layers.get(0)).close())
        .isInstanceOf(ImageReadException.class)
        .hasMessage(
            "img.tar: no such file or directory any more; was it moved since it was opened?");
  }

  @Test
  void viewingStopsEarlyWithoutACheck() throws IOException, ImageReadException {
    // The viewer reads a file's head only; the check needs the whole layer, so it is not made.
    Path tar =
        TestArchives.write(dir.resolve("img.tar"), Layout.DOCKER_LEGACY, image(Stored.PLAIN));
    List<Layer> layers = layers(tar, Layout.DOCKER_LEGACY);
    FilePreview head =
        new FilePreviewReader(new DiffIdCheck(new FileLayerOpener(tar, "img")))
            .read(layers.get(0), "/etc/os-release", 4);
    assertThat(head.truncated()).isTrue();
    assertThat(head.text()).isEqualTo("NAME");
  }
}
