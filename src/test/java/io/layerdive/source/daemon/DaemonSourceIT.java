package io.layerdive.source.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.layerdive.bytes.HumanBytes;
import io.layerdive.image.Layer;
import io.layerdive.image.LayerChange;
import io.layerdive.image.LayerReceiver;
import io.layerdive.source.ImageReadException;
import io.layerdive.source.LoadListener;
import io.layerdive.source.LoadedImage;
import io.layerdive.source.extract.ArchiveLayerOpener;
import io.layerdive.source.extract.ExtractResult;
import io.layerdive.source.extract.FilePreview;
import io.layerdive.source.extract.FilePreviewReader;
import io.layerdive.source.extract.LayerExtractor;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daemon source against the Docker daemon of this machine. */
class DaemonSourceIT {
  static final LayerReceiver<String> RECEIVER =
      () ->
          new LayerReceiver.Builder<>() {
            @Override
            public void accept(LayerChange change) {}

            @Override
            public String finish() {
              return "";
            }
          };

  private static DaemonEndpoint endpoint;
  private static String layeredId;

  @TempDir Path dir;

  @BeforeAll
  static void daemon() throws Exception {
    DockerCli.assumeDaemon();
    endpoint = TestImages.docker();
    layeredId = TestImages.build(endpoint, "layered", "-t", TestImages.LAYERED,
        "--build-arg", "GREETING=bonjour");
  }

  /** Records what the source tells, with the time each came. */
  static final class Recorder implements LoadListener {
    final List<String> phases = Collections.synchronizedList(new ArrayList<>());
    final AtomicReference<List<Layer>> layers = new AtomicReference<>();
    final AtomicLong layersAtNanos = new AtomicLong();
    final long startNanos = System.nanoTime();

    @Override
    public void phase(String description) {
      phases.add(description);
    }

    @Override
    public void layersKnown(List<Layer> known) {
      layersAtNanos.set(System.nanoTime());
      layers.set(known);
    }
  }

  private static DaemonSource source(String reference) {
    return new DaemonSource(endpoint, reference, false, new SaveStreamReader(),
        new CredentialStore(HostEnvironment.current()));
  }

  @Test
  void sameFiguresAsDockerSaveThroughTheArchiveReader() throws Exception {
    Recorder recorder = new Recorder();
    long start = System.nanoTime();
    LoadedImage<String> fromDaemon = source(TestImages.LAYERED).load(RECEIVER, recorder);
    long end = System.nanoTime();

    Path saved = dir.resolve("saved.tar");
    DockerCli.check("save", "-o", saved.toString(), TestImages.LAYERED);
    LoadedImage<String> fromFile;
    try (InputStream in = Files.newInputStream(saved)) {
      fromFile = new SaveStreamReader().read(TestImages.LAYERED, in, RECEIVER, LoadListener.NONE);
    }
    assertThat(fromDaemon.image().layers()).isEqualTo(fromFile.image().layers());
    assertThat(fromDaemon.image().config()).isEqualTo(fromFile.image().config());
    // busybox's two, COPY, three RUNs; WORKDIR of a directory that exists makes none.
    assertThat(fromDaemon.image().layers()).hasSize(6);

    // The early list, from inspect and history, names the same layers and commands.
    List<Layer> early = recorder.layers.get();
    assertThat(early).extracting(Layer::diffId)
        .isEqualTo(fromFile.image().layers().stream().map(Layer::diffId).toList());
    assertThat(early).extracting(Layer::createdBy)
        .isEqualTo(fromFile.image().layers().stream().map(Layer::createdBy).toList());
    assertThat(recorder.phases)
        .anySatisfy(p -> assertThat(p).startsWith("Exporting " + TestImages.LAYERED
            + " from the Docker daemon (the daemon prepares the export before the first byte)"));
    System.out.printf("daemon source, warm: layer list after %d ms, whole load %d ms, %s%n",
        (recorder.layersAtNanos.get() - start) / 1_000_000, (end - start) / 1_000_000,
        HumanBytes.format(Files.size(saved)));
  }

  @Test
  void byImageIdAndDigestReference() throws Exception {
    LoadedImage<String> byId = source(layeredId).load(RECEIVER, LoadListener.NONE);
    assertThat(byId.image().layers()).hasSize(6);
    LoadedImage<String> byShortId =
        source(layeredId.substring("sha256:".length(), "sha256:".length() + 12))
            .load(RECEIVER, LoadListener.NONE);
    assertThat(byShortId.image().layers()).isEqualTo(byId.image().layers());
  }

  @Test
  void absentImageWithPullRefused() {
    assertThatThrownBy(() -> source("ld-daemon-it/never-built:1").load(RECEIVER, LoadListener.NONE))
        .isInstanceOf(ImageReadException.class)
        .hasMessage("ld-daemon-it/never-built:1: not in " + endpoint.describe() + ", and --no-pull"
            + " forbids pulling it; pull it first (docker pull ld-daemon-it/never-built:1) or drop"
            + " --no-pull");
  }

  @Test
  void absentSocket() throws Exception {
    HostEnvironment env =
        new HostEnvironment(Map.of("DOCKER_HOST", "unix://" + dir.resolve("none.sock")), dir, 1000);
    DaemonSource source = new DaemonSource(new EndpointResolver(env).resolve(Engine.DOCKER),
        "x", true, new SaveStreamReader(), new CredentialStore(env));
    assertThatThrownBy(() -> source.load(RECEIVER, LoadListener.NONE))
        .hasMessage("Cannot reach the Docker daemon at unix://" + dir.resolve("none.sock")
            + " (no such socket, from DOCKER_HOST): is it running? Start it (sudo systemctl start"
            + " docker), or set DOCKER_HOST to where it listens");
  }

  @Test
  void extractAndViewThroughANewExport() throws Exception {
    DaemonSource source = source(TestImages.LAYERED);
    LoadedImage<String> loaded = source.load(RECEIVER, LoadListener.NONE);
    ArchiveLayerOpener opener = new ArchiveLayerOpener(source.archiveOpener(), TestImages.LAYERED);
    // Layer 3 is the RUN that wrote /srv.
    Layer work = loaded.image().layers().get(3);
    assertThat(work.createdBy()).contains("mkdir -p /srv/nested");
    ExtractResult result = new LayerExtractor(opener).extract(work, "/srv", dir.resolve("out"));
    assertThat(Files.readString(dir.resolve("out/srv/greeting.txt"))).isEqualTo("bonjour\n");
    assertThat(dir.resolve("out/srv/nested")).isDirectory();
    assertThat(result.files()).isEqualTo(2);

    FilePreview notes =
        new FilePreviewReader(opener).read(work, "/srv/notes.txt", FilePreviewReader.DEFAULT_LIMIT);
    assertThat(notes.isBinary()).isFalse();
    assertThat(notes.text()).startsWith("Notes kept in the image");

    // The base layer's busybox is binary, and only its head is read.
    FilePreview busybox = new FilePreviewReader(opener)
        .read(loaded.image().layers().get(0), "/bin/busybox", 4096);
    assertThat(busybox.isBinary()).isTrue();
    assertThat(busybox.truncated()).isTrue();
    assertThat(busybox.head()).hasSize(4096);
  }

  @Test
  void buildWithTargetAndBuildArgThenOpenTheResult() throws Exception {
    List<String> lines = Collections.synchronizedList(new ArrayList<>());
    LoadListener listener = new LoadListener() {
      @Override
      public void phase(String description) {
        lines.add(description);
      }
    };
    TestImages.ensureBase(endpoint);
    Path context = TestImages.resource("daemon/multistage");
    String id = new ImageBuilder(endpoint).build(
        BuildArguments.parse(List.of("--target", "runtime", "--build-arg", "FLAVOUR=spicy",
            "-t", "ld-daemon-it/multistage:runtime", context.toString()), context, Map.of()),
        listener);
    assertThat(id).startsWith("sha256:");
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("Step 1/"));
    LoadedImage<String> loaded = source(id).load(RECEIVER, LoadListener.NONE);
    // busybox's two layers and the COPY; the debug stage was not built.
    assertThat(loaded.image().layers()).hasSize(3);
    FilePreview artifact = new FilePreviewReader(
            new ArchiveLayerOpener(source(id).archiveOpener(), id))
        .read(loaded.image().layers().get(2), "/artifact", 100);
    assertThat(artifact.text()).isEqualTo("built spicy\n");
  }

  @Test
  void failingBuildGivesTheDaemonsWords() throws Exception {
    TestImages.ensureBase(endpoint);
    Files.writeString(dir.resolve("Dockerfile"), "FROM ld-busybox:1.35\nRUN exit 3\n");
    BuildRequest request = BuildArguments.parse(List.of("."), dir, Map.of());
    assertThatThrownBy(() -> new ImageBuilder(endpoint).build(request, LoadListener.NONE))
        .hasMessage("build: The command '/bin/sh -c exit 3' returned a non-zero code: 3");
  }
}
