package io.layerdive.source.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.layerdive.bytes.HumanBytes;
import io.layerdive.image.LayerReceiver;
import io.layerdive.source.ImageReadException;
import io.layerdive.source.LoadListener;
import io.layerdive.source.LoadedImage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stopping an export midway, in the process and with Ctrl+C, leaves nothing behind. */
class ExportInterruptIT {
  static final String BIG = "ld-daemon-it/big:1";
  /** Where Docker 20.10 prepares an export before sending it; it removes it when done or cut. */
  private static final Path DAEMON_TMP = Path.of("/var/lib/docker/tmp");
  private static final long WAIT_SECONDS = 120;

  private static DaemonEndpoint endpoint;

  @TempDir Path dir;

  @BeforeAll
  static void bigImage() throws Exception {
    DockerCli.assumeDaemon();
    endpoint = TestImages.docker();
    TestImages.ensureBase(endpoint);
    if (DockerCli.run(Map.of(), "image", "inspect", BIG).exit() != 0) {
      Path context = Files.createTempDirectory("ld-big");
      try {
        Files.writeString(context.resolve("Dockerfile"),
            "FROM ld-busybox:1.35\n"
                + "RUN dd if=/dev/urandom of=/a.bin bs=1M count=100 2>/dev/null\n"
                + "RUN dd if=/dev/urandom of=/b.bin bs=1M count=100 2>/dev/null\n");
        new ImageBuilder(endpoint).build(
            BuildArguments.parse(List.of("-t", BIG, "."), context, Map.of()), LoadListener.NONE);
      } finally {
        TestImages.deleteTree(context);
      }
    }
  }

  private static Set<String> exportDirs() throws IOException {
    if (!Files.isReadable(DAEMON_TMP)) {
      return Set.of();
    }
    try (Stream<Path> list = Files.list(DAEMON_TMP)) {
      return list.map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith("docker-export-"))
          .collect(Collectors.toSet());
    }
  }

  /** Waits until every export directory that was not there before is gone. */
  private static Set<String> leftOver(Set<String> before) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    Set<String> extra;
    do {
      extra = exportDirs();
      extra.removeAll(before);
      if (extra.isEmpty()) {
        return extra;
      }
      Thread.sleep(200);
    } while (System.nanoTime() < deadline);
    return extra;
  }

  @Test
  void interruptDuringTheExportCancelsAndTheDaemonCleansUp() throws Exception {
    Set<String> before = new java.util.HashSet<>(exportDirs());
    CountDownLatch reading = new CountDownLatch(1);
    ArchiveStreamReader slow = new ArchiveStreamReader() {
      @Override
      public <T> LoadedImage<T> read(String name, InputStream in, LayerReceiver<T> r, LoadListener l)
          throws ImageReadException {
        byte[] buffer = new byte[64 * 1024];
        try {
          in.readNBytes(buffer, 0, buffer.length);
          reading.countDown();
          while (in.read(buffer) >= 0) {
            Thread.sleep(20);
          }
        } catch (IOException e) {
          throw new ImageReadException(name + ": cannot read (" + e.getMessage() + ")", e);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new ImageReadException(name + ": interrupted");
        }
        throw new AssertionError("read to the end");
      }
    };
    DaemonSource source = new DaemonSource(endpoint, BIG, false, slow,
        new CredentialStore(HostEnvironment.current()));
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicReference<Boolean> stillInterrupted = new AtomicReference<>();
    Thread loader = new Thread(() -> {
      try {
        source.load(DaemonSourceIT.RECEIVER, LoadListener.NONE);
      } catch (Throwable t) {
        thrown.set(t);
      }
      stillInterrupted.set(Thread.currentThread().isInterrupted());
    });
    loader.start();
    assertThat(reading.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    loader.interrupt();
    loader.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
    assertThat(loader.isAlive()).isFalse();
    assertThat(thrown.get()).isInstanceOf(ImageReadException.class)
        .hasMessage("exporting " + BIG + ": cancelled");
    assertThat(stillInterrupted.get()).isTrue();
    assertThat(leftOver(before)).isEmpty();
  }

  @Test
  void interruptWhileTheDaemonPreparesTheExport() throws Exception {
    Set<String> before = new java.util.HashSet<>(exportDirs());
    AtomicReference<Thread> loader = new AtomicReference<>();
    LoadListener interruptOnExport = new LoadListener() {
      @Override
      public void phase(String description) {
        if (description.startsWith("Exporting ")) {
          loader.get().interrupt();
        }
      }
    };
    DaemonSource source = new DaemonSource(endpoint, BIG, false, new SaveStreamReader(),
        new CredentialStore(HostEnvironment.current()));
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread thread = new Thread(() -> {
      try {
        source.load(DaemonSourceIT.RECEIVER, interruptOnExport);
      } catch (Throwable t) {
        thrown.set(t);
      }
    });
    loader.set(thread);
    thread.start();
    thread.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
    assertThat(thrown.get()).isInstanceOf(ImageReadException.class)
        .hasMessage("exporting " + BIG + ": cancelled");
    assertThat(leftOver(before)).isEmpty();
  }

  @Test
  void ctrlCOfAProcessLeavesNoFileBehind() throws Exception {
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    Set<String> before = new java.util.HashSet<>(exportDirs());
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Djava.io.tmpdir=" + tmp,
        "-cp", testClassPath(),
        ExportProbe.class.getName(), BIG, "slow"));
    Process probe = new ProcessBuilder(command).redirectErrorStream(true).start();
    List<String> output = new ArrayList<>();
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(probe.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        output.add(line);
        if (line.equals("reading")) {
          // Ctrl+C: SIGINT to this process alone.
          new ProcessBuilder("kill", "-INT", Long.toString(probe.pid())).start().waitFor();
        }
      }
    }
    assertThat(probe.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    assertThat(output).as("probe output").contains("reading");
    assertThat(probe.exitValue()).as(String.join("\n", output)).isEqualTo(130);
    try (Stream<Path> left = Files.list(tmp)) {
      assertThat(left.toList()).isEmpty();
    }
    assertThat(leftOver(before)).isEmpty();
  }

  static String testClassPath() {
    String path = System.getProperty("surefire.test.class.path");
    assumeTrue(path != null || System.getProperty("java.class.path") != null, "no class path");
    return path != null ? path : System.getProperty("java.class.path");
  }

  @Test
  void exportRate() throws Exception {
    long[] firstByte = {-1};
    long start = System.nanoTime();
    long[] bytes = {0};
    ArchiveStreamReader drain = new ArchiveStreamReader() {
      @Override
      public <T> LoadedImage<T> read(String name, InputStream in, LayerReceiver<T> r, LoadListener l)
          throws ImageReadException {
        try {
          int b = in.read();
          firstByte[0] = System.nanoTime();
          bytes[0] = 1 + in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
          throw new ImageReadException(e.getMessage(), e);
        }
        throw new ImageReadException(name + ": drained");
      }
    };
    DaemonSource source = new DaemonSource(endpoint, BIG, false, drain,
        new CredentialStore(HostEnvironment.current()));
    try {
      source.load(DaemonSourceIT.RECEIVER, LoadListener.NONE);
    } catch (ImageReadException expected) {
      // the drain reader ends every load
    }
    long end = System.nanoTime();
    assertThat(bytes[0]).isGreaterThan(200_000_000);
    double seconds = (end - firstByte[0]) / 1e9;
    System.out.printf("export of %s: %s, first byte after %d ms, then %s/s%n", BIG,
        HumanBytes.format(bytes[0]), (firstByte[0] - start) / 1_000_000,
        HumanBytes.format((long) (bytes[0] / seconds)));
  }
}
