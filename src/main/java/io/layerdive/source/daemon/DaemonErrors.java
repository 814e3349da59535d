package io.layerdive.source.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.exception.DockerException;
import io.layerdive.source.ImageReadException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CancellationException;

/**
 * Turns what goes wrong between us and a daemon into one line a user can act on. docker-java wraps
 * socket errors in RuntimeExceptions and daemon answers in {@link DockerException}s whose message
 * holds the daemon's JSON; both are unwrapped here.
 */
final class DaemonErrors {
  private static final ObjectMapper JSON = new ObjectMapper();

  private DaemonErrors() {}

  /** Checks a unix socket before connecting: a missing file or missing rights say more than a failed connect. */
  static void checkSocket(DaemonEndpoint endpoint) throws ImageReadException {
    Optional<Path> socket = endpoint.socketPath();
    if (socket.isEmpty()) {
      return;
    }
    Path path = socket.get();
    if (!Files.exists(path)) {
      throw unreachable(endpoint, "no such socket");
    }
    if (!Files.isReadable(path) || !Files.isWritable(path)) {
      throw permissionDenied(endpoint, ownership(path));
    }
  }

  private static String ownership(Path path) {
    try {
      PosixFileAttributes a = Files.readAttributes(path, PosixFileAttributes.class);
      return a.owner().getName() + ":" + a.group().getName() + " "
          + PosixFilePermissions.toString(a.permissions());
    } catch (IOException | UnsupportedOperationException e) {
      return "";
    }
  }

  static ImageReadException unreachable(DaemonEndpoint endpoint, String reason) {
    String how = endpoint.engine() == Engine.DOCKER
        ? "Start it (sudo systemctl start docker), or set DOCKER_HOST to where it listens"
        : "Start it (systemctl --user start podman.socket, or podman system service --time=0 &),"
            + " or set CONTAINER_HOST to where it listens";
    String origin = endpoint.origin().equals("the default socket") ? "" : ", from " + endpoint.origin();
    return new ImageReadException("Cannot reach " + endpoint.describe() + " (" + reason + origin
        + "): is it running? " + how);
  }

  /**
   * @param ownership the socket's {@code owner:group rw-rw----}, or empty when unknown
   */
  static ImageReadException permissionDenied(DaemonEndpoint endpoint, String ownership) {
    String path = endpoint.socketPath().map(Path::toString).orElse(endpoint.host().toString());
    String group = "docker";
    if (!ownership.isEmpty()) {
      int colon = ownership.indexOf(':');
      int space = ownership.indexOf(' ');
      if (colon > 0 && space > colon) {
        group = ownership.substring(colon + 1, space);
      }
    }
    String rootless = endpoint.engine() == Engine.DOCKER
        ? "or use a rootless daemon: DOCKER_HOST=unix://$XDG_RUNTIME_DIR/docker.sock"
        : "or use the rootless service (systemctl --user start podman.socket):"
            + " CONTAINER_HOST=unix://$XDG_RUNTIME_DIR/podman/podman.sock";
    String owned = ownership.isEmpty() ? "" : " (" + ownership + ")";
    String join = group.equals("root")
        ? "run as a user allowed to use it, "
        : "add yourself to its group: sudo usermod -aG " + group + " $USER, then log in again; ";
    return new ImageReadException(
        endpoint.engine().displayName() + " socket " + path + ": permission denied" + owned + "; "
            + join + rootless);
  }

  /** Whatever a daemon call threw, as a user message about doing {@code what} (e.g. "inspecting app:1"). */
  static ImageReadException translate(Throwable thrown, DaemonEndpoint endpoint, String what) {
    if (isInterruption(thrown)) {
      return cancelled(what);
    }
    if (thrown instanceof DockerException docker) {
      return new ImageReadException(endpoint.engine().displayName() + ": " + what + " failed: "
          + daemonMessage(docker) + " (HTTP " + docker.getHttpStatus() + ")", thrown);
    }
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      String message = t.getMessage() == null ? "" : t.getMessage();
      String lower = message.toLowerCase(Locale.ROOT);
      if (lower.contains("permission denied")) {
        return permissionDenied(endpoint, endpoint.socketPath().map(DaemonErrors::ownership).orElse(""));
      }
      if (lower.contains("no such file")) {
        return unreachable(endpoint, "no such socket");
      }
      if (t instanceof ConnectException || lower.contains("connection refused")) {
        return unreachable(endpoint, "connection refused");
      }
      if (t instanceof UnknownHostException) {
        return unreachable(endpoint, "unknown host " + message);
      }
      if (t instanceof SocketTimeoutException) {
        return unreachable(endpoint, "no answer: " + message);
      }
    }
    return new ImageReadException(endpoint.describe() + ": " + what + " failed ("
        + describe(thrown) + ")", thrown);
  }

  static boolean isInterruption(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof InterruptedException
          || t instanceof ClosedByInterruptException
          || t instanceof CancellationException
          || (t instanceof InterruptedIOException && !(t instanceof SocketTimeoutException))) {
        return true;
      }
    }
    return Thread.currentThread().isInterrupted();
  }

  static ImageReadException cancelled(String what) {
    Thread.currentThread().interrupt();
    return new ImageReadException(what + ": cancelled");
  }

  /** The daemon's own words: its JSON {@code message}, else the body as sent. */
  static String daemonMessage(DockerException e) {
    String text = e.getMessage() == null ? "" : e.getMessage();
    int brace = text.indexOf('{');
    if (brace >= 0) {
      try {
        JsonNode body = JSON.readTree(text.substring(brace));
        if (body.path("message").isTextual()) {
          return body.path("message").asText().trim();
        }
      } catch (IOException ignored) {
        // not JSON: the text as it came
      }
    }
    return text.replaceFirst("^Status \\d+: ", "").trim();
  }

  static String describe(Throwable thrown) {
    Throwable root = thrown;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return message == null || message.isBlank() ? root.getClass().getSimpleName() : message.trim();
  }
}
