package io.layerdive.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.layerdive.image.Layer;
import io.layerdive.source.ImageSource;
import io.layerdive.source.daemon.DaemonProbe;
import io.layerdive.source.daemon.DaemonSource;
import io.layerdive.source.daemon.HostEnvironment;
import io.layerdive.source.daemon.PodmanService;
import io.layerdive.ui.AnalyzedImage;
import io.layerdive.ui.LayerContents;
import io.layerdive.ui.LayerJob;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The explorer's viewer and extraction on images held by the Docker daemon and by Podman, through
 * the same wiring as the command line: the image is exported again and the layer picked out of the
 * stream, its bytes checked against the diff id.
 */
class LayerContentsIT {
  private static final String BASE = "ld-busybox:1.35";
  private static final String IMAGE = "ld-layer-contents-it:1";

  @TempDir static Path shared;
  @TempDir Path dir;

  @BeforeAll
  static void buildImage() throws Exception {
    Path context = Files.createDirectories(shared.resolve("context"));
    Files.writeString(
        context.resolve("Dockerfile"),
        "FROM "
            + BASE
            + "\n"
            + "RUN mkdir -p /srv/app && printf 'hello\\tworld\\n' > /srv/app/greeting.txt"
            + " && echo two > /srv/app/b.txt\n"
            + "RUN echo changed > /srv/app/greeting.txt\n");
    if (!Files.isExecutable(Path.of("/usr/bin/docker"))) return;
    Process build =
        new ProcessBuilder("/usr/bin/docker", "build", "-q", "-t", IMAGE, context.toString())
            .redirectErrorStream(true)
            .start();
    build.getInputStream().readAllBytes();
    build.waitFor(5, TimeUnit.MINUTES);
  }

  @AfterAll
  static void removeImage() throws Exception {
    if (!Files.isExecutable(Path.of("/usr/bin/docker"))) return;
    Process rmi =
        new ProcessBuilder("/usr/bin/docker", "rmi", IMAGE).redirectErrorStream(true).start();
    rmi.getInputStream().readAllBytes();
    rmi.waitFor(1, TimeUnit.MINUTES);
  }

  private CliEnvironment env() {
    PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
    return new CliEnvironment(nowhere, nowhere, Map.of(), true, dir);
  }

  private AnalyzedImage load(HostEnvironment host, String source, String name) throws Exception {
    ImageSource opened =
        new Sources(host, message -> {})
            .open(
                new ImageRequest(
                    Optional.of(name),
                    Optional.of(source),
                    Optional.empty(),
                    false,
                    false,
                    List.of(),
                    Optional.empty(),
                    true));
    if (opened instanceof DaemonSource daemon) {
      assumeTrue(DaemonProbe.answers(daemon.endpoint()), "no " + source + " daemon answers here");
    }
    return new ImagePipeline(opened, false, new SourceLayerContents(opened, env()))
        .load(ImagePipeline.SILENT);
  }

  private AnalyzedImage docker() throws Exception {
    AnalyzedImage img = load(HostEnvironment.current(), "docker", IMAGE);
    assertThat(img.image().layers()).hasSize(4);
    return img;
  }

  @Test
  void dockerViewsAFileOfALayerThroughANewExport() throws Exception {
    AnalyzedImage img = docker();
    LayerContents contents = img.contents();
    assertThat(contents.unavailable()).isEmpty();
    List<Layer> layers = img.image().layers();
    LayerJob job = new LayerJob();
    assertThat(contents.view(layers.get(2), "/srv/app/greeting.txt", job).text())
        .contains("hello\tworld\n");
    assertThat(job.phase()).isEqualTo("exporting the image from the Docker daemon");
    assertThat(job.bytesDone()).isPositive();
    assertThat(contents.view(layers.get(3), "/srv/app/greeting.txt", new LayerJob()).text())
        .contains("changed\n");
    assertThat(contents.view(layers.get(0), "/bin/busybox", new LayerJob()).text()).isEmpty();
  }

  @Test
  void dockerExtractsAStackedDirectoryWithEveryLayerChecked() throws Exception {
    AnalyzedImage img = docker();
    List<Layer> layers = img.image().layers();
    LayerContents.Extracted done =
        img.contents()
            .extract(
                "/srv/app",
                List.of(
                    new LayerContents.Part(
                        layers.get(2), Optional.of(Set.of("srv/app", "srv/app/b.txt"))),
                    new LayerContents.Part(
                        layers.get(3), Optional.of(Set.of("srv/app/greeting.txt")))),
                "out",
                new LayerJob());
    assertThat(done.where()).isEqualTo("./out/app");
    assertThat(Files.readString(dir.resolve("out/app/greeting.txt"), StandardCharsets.UTF_8))
        .isEqualTo("changed\n");
    assertThat(Files.readString(dir.resolve("out/app/b.txt"))).isEqualTo("two\n");
    assertThat(done.files()).isEqualTo(2);
  }

  @Test
  void dockerExportCancelledLeavesNothing() throws Exception {
    AnalyzedImage img = docker();
    LayerJob job = new LayerJob();
    job.cancel();
    assertThatThrownBy(
            () ->
                img.contents()
                    .extract(
                        "/bin",
                        List.of(LayerContents.Part.whole(img.image().layers().get(0))),
                        "cancelled",
                        job))
        .hasMessageContaining("cancelled");
    assertThat(dir.resolve("cancelled/bin")).doesNotExist();
  }

  @Test
  void podmanExtractsThroughItsOwnSaveLayout() throws Exception {
    try (PodmanService podman = PodmanService.start(Files.createDirectories(dir.resolve("pm")))) {
      HostEnvironment host = new HostEnvironment(Map.of("CONTAINER_HOST", podman.host()), dir, 0);
      AnalyzedImage img = load(host, "podman", "localhost/" + BASE);
      Layer base = img.image().layers().get(0);
      LayerJob job = new LayerJob();
      assertThat(img.contents().view(base, "/bin/busybox", job).text()).isEmpty();
      assertThat(job.phase()).isEqualTo("exporting the image from the Podman service");
      LayerContents.Extracted done =
          img.contents()
              .extract(
                  "/bin/busybox",
                  List.of(LayerContents.Part.whole(base)),
                  "pm-out",
                  new LayerJob());
      assertThat(done.files()).isEqualTo(1);
      assertThat(Files.size(dir.resolve("pm-out/busybox"))).isGreaterThan(1_000_000);
    }
  }
}
