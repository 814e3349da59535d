package io.layerdive.source.daemon;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** {@code podman system service} on a socket of its own, for the tests; stopped by its handle. */
public final class PodmanService implements AutoCloseable {
  private static final long START_SECONDS = 30;

  private final Process process;
  private final Path socket;

  private PodmanService(Process process, Path socket) {
    this.process = process;
    this.socket = socket;
  }

  public static PodmanService start(Path dir) throws Exception {
    Path podman = Path.of("/usr/bin/podman");
    assumeTrue(Files.isExecutable(podman), "podman is not installed (apt-get install podman)");
    Path socket = dir.resolve("podman.sock");
    Path log = dir.resolve("podman.log");
    Process process = new ProcessBuilder(podman.toString(), "system", "service", "--time=0",
            "unix://" + socket)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS);
    while (!Files.exists(socket)) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        process.destroyForcibly();
        assumeTrue(false, "podman system service does not run here: " + Files.readString(log));
      }
      Thread.sleep(100);
    }
    return new PodmanService(process, socket);
  }

  /** What {@code CONTAINER_HOST} is set to for this service. */
  public String host() {
    return "unix://" + socket;
  }

  /** The endpoint, found the way users point at it: {@code CONTAINER_HOST}. */
  DaemonEndpoint endpoint(Path home) throws Exception {
    return new EndpointResolver(
            new HostEnvironment(Map.of("CONTAINER_HOST", "unix://" + socket), home, 0))
        .resolve(Engine.PODMAN);
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
