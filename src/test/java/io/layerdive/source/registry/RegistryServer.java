package io.layerdive.source.registry;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.layerdive.image.Digest;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;

/**
 * Debian's reference registry ({@code docker-registry}, the distribution project's registry)
 * started on a free loopback port, with its storage in a temp dir. Several servers may share one
 * storage dir, so that an image pushed through a plain one is read through a secured one.
 */
final class RegistryServer implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("listening on ([0-9.]+:\\d+)");
  private static final long START_WAIT_MILLIS = 20_000;

  /** How a server is secured. */
  record Security(Optional<Path[]> tls, Optional<Path> htpasswd, Optional<TokenAuth> token) {
    static Security none() {
      return new Security(Optional.empty(), Optional.empty(), Optional.empty());
    }

    Security withTls(Path cert, Path key) {
      return new Security(Optional.of(new Path[] {cert, key}), htpasswd, token);
    }

    Security withHtpasswd(Path file) {
      return new Security(tls, Optional.of(file), token);
    }

    Security withToken(TokenAuth t) {
      return new Security(tls, htpasswd, Optional.of(t));
    }
  }

  /** Token authentication: where clients get tokens, and the certificate that signs them. */
  record TokenAuth(String realm, String service, String issuer, Path rootCertBundle) {}

  private final Process process;
  private final Path log;
  private final Path storage;
  final String hostPort;
  final boolean tls;

  private RegistryServer(Process process, Path log, Path storage, String hostPort, boolean tls) {
    this.process = process;
    this.log = log;
    this.storage = storage;
    this.hostPort = hostPort;
    this.tls = tls;
  }

  /** Skips the calling test when the registry program is not installed. */
  static Path binary() {
    Optional<Path> found = onPath("docker-registry");
    assumeTrue(
        found.isPresent(),
        "docker-registry (Debian package docker-registry, the reference registry) is not installed;"
            + " .ci/run installs it");
    return found.get();
  }

  static Optional<Path> onPath(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (dir.isEmpty()) continue;
      Path p = Path.of(dir, program);
      if (Files.isRegularFile(p) && Files.isExecutable(p)) return Optional.of(p);
    }
    return Optional.empty();
  }

  static RegistryServer start(Path workDir, Path storage, Security security)
      throws IOException, InterruptedException {
    return start(workDir, storage, security, "127.0.0.1");
  }

  /**
   * @param address the IPv4 address to listen on, a free port chosen
   */
  static RegistryServer start(Path workDir, Path storage, Security security, String address)
      throws IOException, InterruptedException {
    Path binary = binary();
    Files.createDirectories(workDir);
    List<String> yml = new ArrayList<>();
    yml.add("version: 0.1");
    yml.add("log:");
    yml.add("  level: info");
    yml.add("  accesslog:");
    yml.add("    disabled: true");
    yml.add("storage:");
    yml.add("  filesystem:");
    yml.add("    rootdirectory: " + storage.toAbsolutePath());
    yml.add("  delete:");
    yml.add("    enabled: true");
    yml.add("http:");
    yml.add("  addr: " + address + ":0");
    yml.add("  secret: layerdive-test-secret");
    if (security.tls().isPresent()) {
      yml.add("  tls:");
      yml.add("    certificate: " + security.tls().get()[0].toAbsolutePath());
      yml.add("    key: " + security.tls().get()[1].toAbsolutePath());
    }
    if (security.htpasswd().isPresent()) {
      yml.add("auth:");
      yml.add("  htpasswd:");
      yml.add("    realm: layerdive-test");
      yml.add("    path: " + security.htpasswd().get().toAbsolutePath());
    } else if (security.token().isPresent()) {
      TokenAuth t = security.token().get();
      yml.add("auth:");
      yml.add("  token:");
      yml.add("    realm: " + t.realm());
      yml.add("    service: " + t.service());
      yml.add("    issuer: " + t.issuer());
      yml.add("    rootcertbundle: " + t.rootCertBundle().toAbsolutePath());
    }
    Path config = workDir.resolve("config.yml");
    Files.write(config, yml);
    Path log = workDir.resolve("registry.log");
    ProcessBuilder pb = new ProcessBuilder(binary.toString(), "serve", config.toString());
    pb.redirectErrorStream(true);
    pb.redirectOutput(log.toFile());
    Process process = pb.start();
    long deadline = System.currentTimeMillis() + START_WAIT_MILLIS;
    String hostPort = null;
    while (hostPort == null) {
      if (!process.isAlive()) {
        throw new IOException("docker-registry exited at start: " + Files.readString(log));
      }
      Matcher m = LISTENING.matcher(Files.readString(log));
      if (m.find()) {
        hostPort = m.group(1);
      } else if (System.currentTimeMillis() > deadline) {
        process.destroyForcibly();
        throw new IOException(
            "docker-registry did not say where it listens: " + Files.readString(log));
      } else {
        Thread.sleep(20);
      }
    }
    RegistryServer server =
        new RegistryServer(process, log, storage, hostPort, security.tls().isPresent());
    server.awaitReady(deadline);
    return server;
  }

  /** Ready when {@code GET /v2/} answers at all (200 or 401). */
  private void awaitReady(long deadline) throws IOException, InterruptedException {
    HttpClient client =
        HttpClient.newBuilder()
            .sslContext(trustAll())
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    URI uri = URI.create((tls ? "https" : "http") + "://" + hostPort + "/v2/");
    while (true) {
      try {
        HttpResponse<Void> r =
            client.send(
                HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200 || r.statusCode() == 401) return;
      } catch (IOException e) {
        if (System.currentTimeMillis() > deadline) throw e;
      }
      Thread.sleep(20);
    }
  }

  private static SSLContext trustAll() {
    try {
      return TlsContexts.trustingAnyCertificate();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Damages a blob where the registry stores it: every 7th byte flipped but the first and last 20,
   * its length kept, so that it is served as before and no longer matches its digest.
   */
  void corruptBlob(Digest digest) throws IOException {
    Path data =
        storage.resolve(
            "docker/registry/v2/blobs/sha256/"
                + digest.hex().substring(0, 2)
                + "/"
                + digest.hex()
                + "/data");
    byte[] bytes = Files.readAllBytes(data);
    for (int i = 20; i < bytes.length - 20; i += 7) bytes[i] ^= 0x5a;
    Files.write(data, bytes);
  }

  String log() throws IOException {
    return Files.readString(log);
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    process.waitFor();
  }
}
