package io.layerdive.source.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.layerdive.image.Layer;
import io.layerdive.source.LoadListener;
import io.layerdive.source.LoadedImage;
import io.layerdive.source.extract.ArchiveLayerOpener;
import io.layerdive.source.extract.FilePreview;
import io.layerdive.source.extract.FilePreviewReader;
import io.layerdive.source.extract.LayerExtractor;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daemon source through Podman's Docker-compatible service. */
class PodmanIT {
  private static final String BASE = "localhost/ld-busybox:1.35";
  private static final String LAYERED = "localhost/ld-daemon-it/layered:podman";

  @TempDir static Path dir;
  private static PodmanService service;
  private static DaemonEndpoint endpoint;

  @BeforeAll
  static void start() throws Exception {
    service = PodmanService.start(Files.createDirectories(dir.resolve("podman")));
    endpoint = service.endpoint(dir);
    assumeTrue(podman("image", "exists", BASE) == 0,
        BASE + " is not in podman's image store (.ci/run copies it there with skopeo)");
  }

  @AfterAll
  static void stop() {
    if (service != null) {
      podman("rmi", LAYERED);
      service.close();
    }
  }

  private static int podman(String... args) {
    try {
      List<String> command = new java.util.ArrayList<>(List.of("/usr/bin/podman"));
      command.addAll(List.of(args));
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(5, TimeUnit.MINUTES) ? p.exitValue() : -1;
    } catch (Exception e) {
      return -1;
    }
  }

  private static DaemonSource source(String reference) {
    return new DaemonSource(endpoint, reference, false, new SaveStreamReader(),
        new CredentialStore(new HostEnvironment(Map.of(), dir, 0)));
  }

  @Test
  void sameFiguresAsPodmanSave() throws Exception {
    DaemonSourceIT.Recorder recorder = new DaemonSourceIT.Recorder();
    LoadedImage<String> fromService = source(BASE).load(DaemonSourceIT.RECEIVER, recorder);
    Path saved = dir.resolve("podman-save.tar");
    assertThat(podman("save", "--format", "docker-archive", "-o", saved.toString(), BASE)).isZero();
    LoadedImage<String> fromFile;
    try (InputStream in = Files.newInputStream(saved)) {
      fromFile = new SaveStreamReader().read(BASE, in, DaemonSourceIT.RECEIVER, LoadListener.NONE);
    }
    assertThat(fromService.image().layers()).isEqualTo(fromFile.image().layers());
    assertThat(fromService.image().config().tags()).containsExactly(BASE);
    assertThat(recorder.layers.get()).extracting(Layer::diffId)
        .isEqualTo(fromFile.image().layers().stream().map(Layer::diffId).toList());
    assertThat(recorder.phases).anySatisfy(p -> assertThat(p).startsWith(
        "Exporting " + BASE + " from the Podman service (the daemon prepares the export"));
  }

  @Test
  void viewAndExtractThroughPodmansSymlinkedLayout() throws Exception {
    DaemonSource source = source(BASE);
    LoadedImage<String> loaded = source.load(DaemonSourceIT.RECEIVER, LoadListener.NONE);
    ArchiveLayerOpener opener = new ArchiveLayerOpener(source.archiveOpener(), BASE);
    FilePreview busybox = new FilePreviewReader(opener)
        .read(loaded.image().layers().get(0), "/bin/busybox", 64);
    assertThat(busybox.isBinary()).isTrue();
    new LayerExtractor(opener).extract(loaded.image().layers().get(1), "/bin", dir.resolve("out"));
    assertThat(Files.readSymbolicLink(dir.resolve("out/bin/sh")).toString()).isEqualTo("/bin/busybox");
  }

  @Test
  void buildThroughPodmanThenRead() throws Exception {
    Path context = TestImages.resource("daemon/layered");
    String id = new ImageBuilder(endpoint).build(
        BuildArguments.parse(List.of("-t", LAYERED, "--build-arg", "GREETING=hallo",
            context.toString()), context, Map.of()),
        LoadListener.NONE);
    LoadedImage<String> loaded = source(id).load(DaemonSourceIT.RECEIVER, LoadListener.NONE);
    Layer work = loaded.image().layers().stream()
        .filter(l -> l.createdBy().contains("mkdir -p /srv/nested")).findFirst().orElseThrow();
    FilePreview greeting = new FilePreviewReader(
            new ArchiveLayerOpener(source(id).archiveOpener(), id))
        .read(work, "/srv/greeting.txt", 100);
    assertThat(new String(greeting.head(), StandardCharsets.UTF_8)).isEqualTo("hallo\n");
  }

  @Test
  void absentImageSaysPodman() {
    assertThatThrownBy(() -> source("localhost/ld-daemon-it/never:1")
            .load(DaemonSourceIT.RECEIVER, LoadListener.NONE))
        .hasMessage("localhost/ld-daemon-it/never:1: not in " + endpoint.describe()
            + ", and --no-pull forbids pulling it; pull it first (podman pull"
            + " localhost/ld-daemon-it/never:1) or drop --no-pull");
  }
}
