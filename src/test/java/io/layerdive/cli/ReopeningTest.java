package io.layerdive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.layerdive.image.Layer;
import io.layerdive.image.LayerReceiver;
import io.layerdive.source.ImageSource;
import io.layerdive.source.LoadListener;
import io.layerdive.source.LoadedImage;
import io.layerdive.source.Reopening;
import io.layerdive.source.archive.DockerArchiveSource;
import io.layerdive.source.daemon.DaemonSource;
import io.layerdive.source.daemon.Engine;
import io.layerdive.source.daemon.HostEnvironment;
import io.layerdive.testing.TestArchives;
import io.layerdive.testing.TestArchives.Layout;
import io.layerdive.tree.TreeBuilder;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each source says itself how it reads a layer again, and what that costs while it does. */
class ReopeningTest {
  @TempDir Path dir;

  private static final byte[] BASE = TestArchives.layer("etc/", "", "etc/motd", "hello\n");

  private static TestArchives.Image image() {
    return new TestArchives.Image().layer(BASE, "ADD base").tag("img:1");
  }

  /** Phases and byte counts, as a reopener tells them. */
  private static final class Heard implements LoadListener {
    final List<String> phases = new ArrayList<>();
    long done;
    long total;

    @Override
    public void phase(String description) {
      phases.add(description);
    }

    @Override
    public void progress(long bytesDone, long bytesTotal, int layersDone, int layersTotal) {
      done = bytesDone;
      total = bytesTotal;
    }
  }

  @Test
  void aSourceWithoutAWayBackSaysSo() {
    ImageSource bare =
        new ImageSource() {
          @Override
          public <T> LoadedImage<T> load(LayerReceiver<T> receiver, LoadListener listener) {
            throw new UnsupportedOperationException();
          }
        };
    assertThat(bare.reopening().reopener()).isEmpty();
    assertThat(bare.reopening().whyNot()).isEqualTo("this source cannot read a layer again");
  }

  @Test
  void anArchiveFileCountsTheLayerAgainstItsSize() throws Exception {
    Path tar = TestArchives.write(dir.resolve("img.tar"), Layout.DOCKER_OCI, image());
    DockerArchiveSource source = DockerArchiveSource.file(tar, "img.tar");
    Layer layer = source.load(new TreeBuilder(), LoadListener.NONE).image().layers().get(0);
    Heard heard = new Heard();
    try (InputStream in = source.reopening().reopener().orElseThrow().open(layer, heard)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    // Every byte of the layer's tar passed, against the size of its files (the tar's headers and
    // padding are not known before it is read).
    assertThat(heard.done).isEqualTo(BASE.length);
    assertThat(heard.total).isEqualTo(layer.sizeBytes());
    assertThat(heard.phases).isEmpty();
  }

  @Test
  void aPipeNamedAsAFileIsReadOnce() throws Exception {
    Path fifo = dir.resolve("fifo");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    Assumptions.assumeTrue(
        mkfifo.waitFor() == 0 && Files.exists(fifo), "mkfifo is not available here");
    Reopening reopening = DockerArchiveSource.file(fifo, "fifo").reopening();
    assertThat(reopening.reopener()).isEmpty();
    assertThat(reopening.whyNot())
        .isEqualTo("fifo was read once from a pipe; save it to a file to read it again");
  }

  @Test
  void theFallbackReopensThroughWhicheverWasRead() throws Exception {
    Path tar = TestArchives.write(dir.resolve("img.tar"), Layout.DOCKER_LEGACY, image());
    HostEnvironment host =
        new HostEnvironment(
            Map.of("DOCKER_HOST", "unix://" + dir.resolve("absent.sock")), dir, 1000);
    DaemonSource daemon =
        DaemonSource.of(Engine.DOCKER, "127.0.0.1:1/img:1", false, new DaemonArchiveReader(), host);
    DaemonOrRegistrySource fallback =
        new DaemonOrRegistrySource(
            "127.0.0.1:1/img:1",
            daemon,
            () -> DockerArchiveSource.file(tar, "img.tar"),
            notice -> {});

    assertThat(fallback.reopening().reopener()).isEmpty();
    assertThat(fallback.reopening().whyNot()).isEqualTo("127.0.0.1:1/img:1 has not been read yet");

    Layer layer = fallback.load(new TreeBuilder(), LoadListener.NONE).image().layers().get(0);
    Heard heard = new Heard();
    try (InputStream in = fallback.reopening().reopener().orElseThrow().open(layer, heard)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    assertThat(heard.done).isEqualTo(BASE.length);
  }
}
