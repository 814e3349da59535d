package io.layerdive.source.daemon;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a daemon listens, and how we came to look there.
 *
 * @param host {@code unix:///path} or {@code tcp://host:port}
 * @param origin how the host was found, for messages: "DOCKER_HOST", "context 'colima'", "the
 *     default socket"
 * @param tlsDirectory the directory holding {@code ca.pem}, {@code cert.pem} and {@code key.pem}
 *     for a TLS host, when one is configured
 */
public record DaemonEndpoint(
    Engine engine, URI host, String origin, Optional<Path> tlsDirectory) {

  public DaemonEndpoint(Engine engine, URI host, String origin) {
    this(engine, host, origin, Optional.empty());
  }

  /** The socket file of a {@code unix://} host. */
  public Optional<Path> socketPath() {
    return "unix".equals(host.getScheme()) ? Optional.of(Path.of(host.getPath())) : Optional.empty();
  }

  /** "the Docker daemon at unix:///var/run/docker.sock": the subject of error messages. */
  public String describe() {
    return "the " + engine.displayName() + " at " + host;
  }
}
