package io.layerdive.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.layerdive.image.Layer;
import io.layerdive.source.ImageSource;
import io.layerdive.source.archive.DockerArchiveSource;
import io.layerdive.source.oci.OciLayoutSource;
import io.layerdive.testing.TestArchives;
import io.layerdive.testing.TestArchives.Layout;
import io.layerdive.ui.AnalyzedImage;
import io.layerdive.ui.LayerContents;
import io.layerdive.ui.LayerJob;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The explorer's way back to the layers, for each source the command line can open. */
class SourceLayerContentsTest {
  @TempDir Path dir;

  private CliEnvironment env() {
    PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
    return new CliEnvironment(
        nowhere, nowhere, Map.of("HOME", dir.resolve("home").toString()), true, dir);
  }

  private AnalyzedImage load(ImageSource source, String name) throws Exception {
    return new ImagePipeline(source, false, new SourceLayerContents(source, env()))
        .load(ImagePipeline.SILENT);
  }

  private static TestArchives.Image image() {
    return new TestArchives.Image()
        .layer(TestArchives.layer("etc/", "", "etc/motd", "hello\tthere\n"), "ADD base")
        .layer(
            TestArchives.layer("etc/", "", "etc/motd", "changed\n", "srv/", "", "srv/a", "a"),
            "RUN change")
        .tag("img:1");
  }

  @Test
  void demoIsGeneratedAgainFromMemory() throws Exception {
    AnalyzedImage demo = load(DemoSource.open(), "demo");
    LayerContents contents = demo.contents();
    assertThat(contents.unavailable()).isEmpty();
    Layer base = demo.image().layers().get(0);
    Layer copy = demo.image().layers().get(3);
    LayerJob job = new LayerJob();
    LayerContents.FileText packageJson = contents.view(copy, "/app/package.json", job);
    assertThat(packageJson.text()).get().asString().contains("\"start\": \"node dist/server.js\"");
    assertThat(job.bytesDone()).isPositive();
    // Generated contents are noise: binary.
    assertThat(contents.view(base, "/usr/lib/os-release", job).text()).isEmpty();
    LayerContents.Extracted done =
        contents.extract("/etc", List.of(LayerContents.Part.whole(base)), "out", new LayerJob());
    assertThat(done.where()).isEqualTo("./out/etc");
    assertThat(Files.isSymbolicLink(dir.resolve("out/etc/os-release"))).isTrue();
    assertThat(done.files()).isPositive();
  }

  @Test
  void archiveFileIsReadAtTheLayer() throws Exception {
    Path tar = TestArchives.write(dir.resolve("img.tar"), Layout.DOCKER_OCI, image());
    AnalyzedImage img = load(DockerArchiveSource.file(tar, "img.tar"), "img.tar");
    List<Layer> layers = img.image().layers();
    LayerJob job = new LayerJob();
    assertThat(img.contents().view(layers.get(1), "/etc/motd", job).text()).contains("changed\n");
    assertThat(job.bytesTotal()).isEqualTo(layers.get(1).sizeBytes());
    // A stacked directory: each file from the layer that last put it.
    LayerContents.Extracted done =
        img.contents()
            .extract(
                "/etc",
                List.of(
                    new LayerContents.Part(layers.get(0), Optional.of(java.util.Set.of("etc"))),
                    new LayerContents.Part(
                        layers.get(1), Optional.of(java.util.Set.of("etc/motd")))),
                "~/x",
                new LayerJob());
    assertThat(Files.readString(dir.resolve("home/x/etc/motd"))).isEqualTo("changed\n");
    // Inside the working directory, the place is shown relative to it.
    assertThat(done.where()).isEqualTo("./home/x/etc");
  }

  @Test
  void ociLayoutIsReadAtTheBlob() throws Exception {
    Path layout = TestArchives.writeDirectory(dir.resolve("oci"), Layout.OCI, image());
    AnalyzedImage img = load(OciLayoutSource.of(layout, "oci", Optional.empty()), "oci");
    LayerContents.FileText motd =
        img.contents().view(img.image().layers().get(0), "/etc/motd", new LayerJob());
    assertThat(motd.text()).contains("hello\tthere\n");
    assertThat(motd.truncated()).isFalse();
  }

  @Test
  void anArchiveReadFromAStreamCannotBeReadAgain() throws Exception {
    Path tar = TestArchives.write(dir.resolve("img.tar"), Layout.DOCKER_LEGACY, image());
    byte[] bytes = Files.readAllBytes(tar);
    AnalyzedImage img =
        load(DockerArchiveSource.stream(() -> new ByteArrayInputStream(bytes), "-"), "-");
    assertThat(img.contents().unavailable())
        .contains("- was read once from a stream; save it to a file to read it again");
  }

  @Test
  void cancellingClosesTheStreamAndLeavesNothing() throws Exception {
    Path tar = TestArchives.write(dir.resolve("img.tar"), Layout.DOCKER_LEGACY, image());
    AnalyzedImage img = load(DockerArchiveSource.file(tar, "img.tar"), "img.tar");
    LayerJob job = new LayerJob();
    job.cancel();
    assertThatThrownBy(
            () ->
                img.contents()
                    .extract(
                        "/srv",
                        List.of(LayerContents.Part.whole(img.image().layers().get(1))),
                        "cancelled",
                        job))
        .hasMessageContaining("cancelled");
    try (var left = Files.list(dir.resolve("cancelled"))) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void theCommandLineHandsTheExplorerItsWayBack() throws Exception {
    Path tar = TestArchives.write(dir.resolve("img.tar"), Layout.PODMAN, image());
    AtomicReference<String> seen = new AtomicReference<>();
    CliRun.Result result =
        new CliRun()
            .in(dir)
            .interactive()
            .explorer(
                (loader, settings) -> {
                  AnalyzedImage img = loader.load(ImagePipeline.SILENT);
                  seen.set(
                      img.contents()
                          .view(img.image().layers().get(1), "/srv/a", new LayerJob())
                          .text()
                          .orElseThrow());
                })
            .run(tar.toString());
    assertThat(result.exitCode()).isZero();
    assertThat(seen.get()).isEqualTo("a");
  }
}
