package io.layerdive.source.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.layerdive.source.ImageReadException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Finds the daemon the way the docker CLI does: {@code DOCKER_HOST}, then {@code DOCKER_CONTEXT},
 * then the current context of {@code config.json}, then the default socket. Podman: {@code
 * CONTAINER_HOST}, then the rootless socket, then the system one.
 */
public final class EndpointResolver {
  static final URI DOCKER_DEFAULT = URI.create("unix:///var/run/docker.sock");
  static final URI PODMAN_SYSTEM = URI.create("unix:///run/podman/podman.sock");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HostEnvironment env;

  public EndpointResolver(HostEnvironment env) {
    this.env = env;
  }

  /** Where {@code engine} listens here; reads files only, never connects. */
  public DaemonEndpoint resolve(Engine engine) throws ImageReadException {
    return engine == Engine.DOCKER ? docker() : podman();
  }

  private DaemonEndpoint docker() throws ImageReadException {
    Optional<String> host = env.variable("DOCKER_HOST");
    if (host.isPresent()) {
      return new DaemonEndpoint(
          Engine.DOCKER, parseHost(host.get(), "DOCKER_HOST"), "DOCKER_HOST", tlsFromVariables());
    }
    Optional<String> context = env.variable("DOCKER_CONTEXT");
    if (context.isPresent()) {
      return context(context.get(), "DOCKER_CONTEXT");
    }
    Optional<String> current = currentContext();
    if (current.isPresent()) {
      return context(current.get(), "currentContext in " + configFile());
    }
    return new DaemonEndpoint(Engine.DOCKER, DOCKER_DEFAULT, "the default socket");
  }

  private DaemonEndpoint podman() throws ImageReadException {
    Optional<String> host = env.variable("CONTAINER_HOST");
    if (host.isPresent()) {
      return new DaemonEndpoint(
          Engine.PODMAN, parseHost(host.get(), "CONTAINER_HOST"), "CONTAINER_HOST");
    }
    URI rootless = URI.create("unix://" + env.runtimeDir().resolve("podman/podman.sock"));
    boolean rootlessExists = Files.exists(Path.of(rootless.getPath()));
    boolean systemExists = Files.exists(Path.of(PODMAN_SYSTEM.getPath()));
    // Root uses the system service unless only a rootless socket is there; users the other way.
    boolean useSystem = env.isRoot() ? systemExists || !rootlessExists : systemExists && !rootlessExists;
    return useSystem
        ? new DaemonEndpoint(Engine.PODMAN, PODMAN_SYSTEM, "the system socket")
        : new DaemonEndpoint(Engine.PODMAN, rootless, "the rootless socket");
  }

  private DaemonEndpoint context(String name, String origin) throws ImageReadException {
    if (name.equals("default")) {
      return new DaemonEndpoint(
          Engine.DOCKER, DOCKER_DEFAULT, "the default context (" + origin + ")");
    }
    String hash = sha256(name);
    Path meta = env.dockerConfigDir().resolve("contexts/meta").resolve(hash).resolve("meta.json");
    String subject = "Docker context '" + name + "' (from " + origin + ")";
    if (!Files.isRegularFile(meta)) {
      throw new ImageReadException(
          subject
              + ": not found (no "
              + meta
              + "); `docker context ls` lists the contexts, `docker context use default`"
              + " goes back to the default socket");
    }
    JsonNode root = readJson(meta, subject);
    JsonNode host = root.path("Endpoints").path("docker").path("Host");
    if (!host.isTextual() || host.asText().isBlank()) {
      throw new ImageReadException(subject + ": " + meta + " names no Endpoints.docker.Host");
    }
    Path tls = env.dockerConfigDir().resolve("contexts/tls").resolve(hash).resolve("docker");
    return new DaemonEndpoint(
        Engine.DOCKER,
        parseHost(host.asText(), subject),
        "context '" + name + "'",
        Files.isDirectory(tls) ? Optional.of(tls) : Optional.empty());
  }

  private Optional<String> currentContext() throws ImageReadException {
    Path config = configFile();
    if (!Files.isRegularFile(config)) {
      return Optional.empty();
    }
    JsonNode current = readJson(config, "Docker configuration").path("currentContext");
    return current.isTextual() && !current.asText().isBlank()
        ? Optional.of(current.asText())
        : Optional.empty();
  }

  private Path configFile() {
    return env.dockerConfigDir().resolve("config.json");
  }

  private Optional<Path> tlsFromVariables() {
    if (env.variable("DOCKER_TLS_VERIFY").isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(env.variable("DOCKER_CERT_PATH").map(Path::of).orElse(env.dockerConfigDir()));
  }

  /** Checks a host the way users write it and says what to do with the kinds we cannot use. */
  static URI parseHost(String text, String origin) throws ImageReadException {
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new ImageReadException(origin + "=" + text + ": not a daemon address (" + e.getReason()
          + "); write unix:///path/to/docker.sock or tcp://host:port");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme();
    switch (scheme) {
      case "unix" -> {
        if (uri.getPath() == null || !uri.getPath().startsWith("/")) {
          throw new ImageReadException(origin + "=" + text
              + ": a unix socket needs an absolute path, as in unix:///var/run/docker.sock");
        }
        return uri;
      }
      case "tcp", "http", "https" -> {
        if (uri.getHost() == null) {
          throw new ImageReadException(
              origin + "=" + text + ": no host name; write tcp://host:port");
        }
        return uri;
      }
      case "ssh" -> throw new ImageReadException(origin + "=" + text
          + ": ssh:// hosts are not supported; forward the remote socket and use it locally: "
          + "ssh -nNT -L /tmp/docker.sock:/var/run/docker.sock "
          + sshTarget(uri)
          + " & then DOCKER_HOST=unix:///tmp/docker.sock");
      case "npipe" -> throw new ImageReadException(
          origin + "=" + text + ": Windows named pipes are not supported");
      default -> throw new ImageReadException(origin + "=" + text
          + ": not a daemon address; write unix:///path/to/docker.sock or tcp://host:port");
    }
  }

  private static String sshTarget(URI uri) {
    String user = uri.getUserInfo() == null ? "" : uri.getUserInfo() + "@";
    String port = uri.getPort() < 0 ? "" : " -p " + uri.getPort();
    return user + (uri.getHost() == null ? "HOST" : uri.getHost()) + port;
  }

  private static JsonNode readJson(Path file, String subject) throws ImageReadException {
    try {
      return JSON.readTree(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new ImageReadException(
          subject + ": cannot read " + file + " (" + e.getMessage().lines().findFirst().orElse("")
              + ")", e);
    }
  }

  static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has SHA-256", e);
    }
  }
}
