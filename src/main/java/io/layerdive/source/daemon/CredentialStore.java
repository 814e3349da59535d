package io.layerdive.source.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.layerdive.source.ImageReadException;
import io.layerdive.source.ImageReference;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Finds registry credentials in the docker CLI's {@code config.json}: a credential helper named for
 * the registry ({@code credHelpers}), else the default helper ({@code credsStore}), else the
 * {@code auths} written by {@code docker login}.
 */
public final class CredentialStore {
  private static final long HELPER_TIMEOUT_SECONDS = 30;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HostEnvironment env;

  public CredentialStore(HostEnvironment env) {
    this.env = env;
  }

  /** The credentials for {@code domain} ({@code docker.io}, {@code ghcr.io}, {@code host:port}). */
  public Optional<RegistryCredentials> find(String domain) throws ImageReadException {
    Path file = env.dockerConfigDir().resolve("config.json");
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    JsonNode config;
    try {
      config = JSON.readTree(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new ImageReadException("Docker configuration: cannot read " + file + " ("
          + e.getMessage().lines().findFirst().orElse("") + ")", e);
    }
    String address = domain.equals(ImageReference.DOCKER_HUB) ? ImageReference.DOCKER_HUB_CREDENTIALS_KEY : domain;
    Optional<String> helper = entryFor(config.path("credHelpers"), domain).map(JsonNode::asText);
    if (helper.isEmpty() && config.path("credsStore").isTextual()) {
      helper = Optional.of(config.path("credsStore").asText());
    }
    if (helper.isPresent() && !helper.get().isBlank()) {
      Optional<RegistryCredentials> fromHelper = fromHelper(helper.get(), address);
      if (fromHelper.isPresent()) {
        return fromHelper;
      }
    }
    return entryFor(config.path("auths"), domain).flatMap(entry -> fromAuths(entry, address));
  }

  /** The entry whose key names {@code domain}: keys may carry a scheme and a path. */
  private static Optional<JsonNode> entryFor(JsonNode map, String domain) {
    for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      if (sameRegistry(hostOf(entry.getKey()), domain)) {
        return Optional.of(entry.getValue());
      }
    }
    return Optional.empty();
  }

  static String hostOf(String key) {
    String host = key;
    if (host.contains("://")) {
      host = host.substring(host.indexOf("://") + 3);
    }
    int slash = host.indexOf('/');
    return slash >= 0 ? host.substring(0, slash) : host;
  }

  private static boolean sameRegistry(String host, String domain) {
    if (domain.equals(ImageReference.DOCKER_HUB)) {
      return host.equals("index.docker.io")
          || host.equals("docker.io")
          || host.equals("registry-1.docker.io");
    }
    return host.equals(domain);
  }

  private static Optional<RegistryCredentials> fromAuths(JsonNode entry, String address) {
    String user = entry.path("username").asText("");
    String password = entry.path("password").asText("");
    String auth = entry.path("auth").asText("");
    if (!auth.isEmpty()) {
      String decoded;
      try {
        decoded = new String(Base64.getDecoder().decode(auth.trim()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        decoded = "";
      }
      int colon = decoded.indexOf(':');
      if (colon > 0) {
        user = decoded.substring(0, colon);
        password = decoded.substring(colon + 1);
      }
    }
    Optional<String> token =
        entry.path("identitytoken").asText("").isEmpty()
            ? Optional.empty()
            : Optional.of(entry.path("identitytoken").asText());
    if (user.isEmpty() && token.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new RegistryCredentials(address, user, password, token));
  }

  /** Runs {@code docker-credential-NAME get}; "not found" and a missing helper mean no credentials. */
  private Optional<RegistryCredentials> fromHelper(String name, String address)
      throws ImageReadException {
    Optional<Path> program = onPath("docker-credential-" + name);
    if (program.isEmpty()) {
      return Optional.empty();
    }
    String subject = "credential helper " + program.get();
    try {
      Process process = new ProcessBuilder(program.get().toString(), "get")
          .redirectError(ProcessBuilder.Redirect.DISCARD)
          .start();
      try (OutputStream in = process.getOutputStream()) {
        in.write(address.getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        // A helper may answer without reading the address; its exit status tells.
      }
      byte[] out = process.getInputStream().readAllBytes();
      if (!process.waitFor(HELPER_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new ImageReadException(subject + ": no answer after " + HELPER_TIMEOUT_SECONDS + " s");
      }
      if (process.exitValue() != 0) {
        return Optional.empty();
      }
      JsonNode answer = JSON.readTree(out);
      String user = answer.path("Username").asText("");
      String secret = answer.path("Secret").asText("");
      if (user.equals("<token>")) {
        return Optional.of(new RegistryCredentials(address, "", "", Optional.of(secret)));
      }
      return user.isEmpty()
          ? Optional.empty()
          : Optional.of(new RegistryCredentials(address, user, secret, Optional.empty()));
    } catch (IOException e) {
      throw new ImageReadException(subject + ": failed (" + e.getMessage() + ")", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ImageReadException(subject + ": interrupted", e);
    }
  }

  private Optional<Path> onPath(String program) {
    for (String dir : env.variable("PATH").orElse("").split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir).resolve(program);
      if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
