package io.layerdive.source.archive;

import static io.layerdive.testing.TestArchives.layer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.layerdive.image.LayerChange;
import io.layerdive.source.ImageReadException;
import io.layerdive.source.LoadListener;
import io.layerdive.source.LoadedImage;
import io.layerdive.source.SourceSpec;
import io.layerdive.testing.CollectingReceiver;
import io.layerdive.testing.TestArchives;
import io.layerdive.testing.TestArchives.Layout;
import io.layerdive.testing.TestArchives.Stored;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An archive named by a path that is a pipe ({@code docker save app | layerdive -}, {@code
 * layerdive <(docker save app)}): read in one pass, never seeked, never looked into twice.
 */
class PipedArchiveTest {
  @TempDir Path dir;

  private static TestArchives.Image image(Stored storage) {
    return new TestArchives.Image()
        .layer(layer("etc/", "", "etc/os-release", "ID=test\n"), "ADD file:base in / ")
        .layer(layer("app/", "", "app/main.py", "print('hi')\n"), "COPY main.py /app/", storage)
        .tag("example/app:1.0");
  }

  private Path fifo() throws Exception {
    Path fifo = dir.resolve("fifo-" + System.nanoTime());
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assumeTrue(
        mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0,
        "mkfifo cannot make a named pipe here");
    return fifo;
  }

  /** A named pipe that {@code bytes} are written into once a reader opens it. */
  private Path pipe(byte[] bytes) throws Exception {
    Path fifo = fifo();
    CompletableFuture.runAsync(
        () -> {
          try (OutputStream out = Files.newOutputStream(fifo)) {
            out.write(bytes);
          } catch (IOException e) {
            // the reader stopped early: what it read is what the test checks
          }
        });
    return fifo;
  }

  private static LoadedImage<List<LayerChange>> load(Path path) throws ImageReadException {
    return DockerArchiveSource.file(path, path.getFileName().toString())
        .load(new CollectingReceiver(), LoadListener.NONE);
  }

  @ParameterizedTest
  @EnumSource(
      value = Layout.class,
      names = {"DOCKER_LEGACY", "DOCKER_OCI", "PODMAN", "KANIKO"})
  void everySavedLayoutReadsThroughAPipeAsFromTheFile(Layout layout) throws Exception {
    Stored storage = layout == Layout.DOCKER_OCI ? Stored.ZSTD : Stored.PLAIN;
    Path file = TestArchives.write(dir.resolve("app.tar"), layout, image(storage));

    LoadedImage<List<LayerChange>> piped = load(pipe(Files.readAllBytes(file)));
    LoadedImage<List<LayerChange>> fromFile = load(file);

    assertThat(piped.image().layers()).isEqualTo(fromFile.image().layers());
    assertThat(piped.layerContents()).isEqualTo(fromFile.layerContents());
  }

  @Test
  void aCompressedArchiveIsToldByItsFirstBytes() throws Exception {
    Path file =
        TestArchives.write(dir.resolve("app.tar"), Layout.DOCKER_LEGACY, image(Stored.PLAIN));
    byte[] gzipped = TestArchives.compress(Files.readAllBytes(file), Stored.GZIP);

    assertThat(load(pipe(gzipped)).layerContents()).isEqualTo(load(file).layerContents());
  }

  @Test
  void recognisingAPipeReadsNothingFromIt() throws Exception {
    Path file =
        TestArchives.write(dir.resolve("app.tar"), Layout.DOCKER_LEGACY, image(Stored.PLAIN));
    Path fifo = pipe(Files.readAllBytes(file));

    SourceSpec spec = SourceSpec.parse(fifo.toString());

    assertThat(spec.kind()).isEqualTo(SourceSpec.Kind.DOCKER_ARCHIVE);
    assertThat(load(fifo).layerContents()).isEqualTo(load(file).layerContents());
  }

  @Test
  void anEmptyPipeSaysHowToFillIt() throws Exception {
    Path fifo = pipe(new byte[0]);

    assertThatThrownBy(() -> load(fifo))
        .isInstanceOf(ImageReadException.class)
        .hasMessage(
            fifo.getFileName()
                + ": nothing came in; pipe an image in with `docker save IMAGE | layerdive -`");
  }

  @Test
  void aPipeIsReadOnce() throws Exception {
    Path fifo = fifo();

    assertThat(DockerArchiveSource.file(fifo, "stdin").reopening().whyNot())
        .isEqualTo("stdin was read once from a pipe; save it to a file to read it again");
  }

  @Test
  void aDashIsStandardInput() throws Exception {
    assertThat(SourceSpec.parse("-").isStandardInput()).isTrue();
    assertThat(SourceSpec.parse("docker-archive://-").isStandardInput()).isTrue();
    assertThat(SourceSpec.parse("-", Optional.of(SourceSpec.Kind.OCI)).isStandardInput()).isTrue();
    assertThat(SourceSpec.parse("docker://-").isStandardInput()).isFalse();
  }
}
