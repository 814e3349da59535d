package io.layerdive.source.daemon;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/**
 * Debian's registry ({@code docker-registry}) on a free loopback port, asking for a login; the
 * daemon talks plain HTTP to loopback registries. Stopped by its own process handle.
 */
final class LocalRegistry implements AutoCloseable {
  static final String USER = "layerdive";
  static final String PASSWORD = "s3cret-pw";
  private static final long START_SECONDS = 30;

  private final Process process;
  private final int port;
  private final Path dir;

  private LocalRegistry(Process process, int port, Path dir) {
    this.process = process;
    this.port = port;
    this.dir = dir;
  }

  static LocalRegistry start(Path dir) throws Exception {
    Path binary = Path.of("/usr/bin/docker-registry");
    assumeTrue(Files.isExecutable(binary),
        "Debian's docker-registry is not installed (apt-get install docker-registry)");
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Files.copy(TestImages.resource("daemon/registry/htpasswd"), dir.resolve("htpasswd"));
    Path config = dir.resolve("config.yml");
    Files.writeString(config, String.join("\n",
        "version: 0.1",
        "log:",
        "  level: warn",
        "storage:",
        "  filesystem:",
        "    rootdirectory: " + dir.resolve("data"),
        "http:",
        "  addr: 127.0.0.1:" + port,
        "  secret: layerdive-test",
        "auth:",
        "  htpasswd:",
        "    realm: layerdive-test",
        "    path: " + dir.resolve("htpasswd"),
        ""));
    Process process = new ProcessBuilder(binary.toString(), "serve", config.toString())
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("registry.log").toFile())
        .start();
    LocalRegistry registry = new LocalRegistry(process, port, dir);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS);
    while (!registry.answers()) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        registry.close();
        throw new AssertionError("docker-registry did not start: "
            + Files.readString(dir.resolve("registry.log")));
      }
      Thread.sleep(100);
    }
    return registry;
  }

  private boolean answers() {
    try {
      HttpURLConnection c =
          (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/v2/").toURL().openConnection();
      c.setConnectTimeout(1000);
      int status = c.getResponseCode();
      c.disconnect();
      return status == 401 || status == 200;
    } catch (IOException e) {
      return false;
    }
  }

  String host() {
    return "127.0.0.1:" + port;
  }

  /** A docker configuration directory logged in to this registry, as {@code docker login} leaves it. */
  Path loggedInConfig() throws IOException {
    Path config = Files.createDirectories(dir.resolve("docker-config"));
    String auth = Base64.getEncoder().encodeToString(
        (USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    Files.writeString(config.resolve("config.json"),
        "{\"auths\":{\"" + host() + "\":{\"auth\":\"" + auth + "\"}}}");
    return config;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
