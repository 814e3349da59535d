package io.layerdive.source.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.layerdive.source.ImageReadException;
import io.layerdive.source.ImageReference;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds registry credentials the way the docker client does: a per-registry {@code credHelpers}
 * entry, else the {@code credsStore}, both run as {@code docker-credential-NAME get}; else the
 * {@code auths} entry of the config file.
 */
final class DockerCredentials {
  private final Path configFile;
  private final String configName;
  private final CredentialHelperRunner helpers;

  DockerCredentials(Path configFile, String configName, CredentialHelperRunner helpers) {
    this.configFile = configFile;
    this.configName = configName;
    this.helpers = helpers;
  }

  /**
   * Looks up credentials for a registry as named in the reference ({@code docker.io} for Docker
   * Hub), running a helper program if the config names one.
   *
   * @throws ImageReadException when the config file is unreadable or a helper fails
   */
  CredentialLookup lookup(String registry) throws ImageReadException {
    DockerConfigJson config = readConfig();
    boolean hub = registry.equals(ImageReference.DOCKER_HUB);
    String serverUrl = hub ? ImageReference.DOCKER_HUB_CREDENTIALS_KEY : registry;

    Optional<Helper> helper = helperFor(config, registry, hub);
    Optional<Path> program = helper.flatMap(h -> helpers.find(h.name()));
    if (program.isPresent()) {
      Optional<Credentials> fromHelper =
          helpers.get(program.get(), serverUrl, helper.get().setting() + " in " + configName);
      if (fromHelper.isPresent()) {
        return CredentialLookup.found(fromHelper.get());
      }
    }
    Optional<Credentials> fromAuths = fromAuths(config, registry, hub);
    if (fromAuths.isPresent()) {
      return CredentialLookup.found(fromAuths.get());
    }
    if (helper.isPresent() && program.isEmpty()) {
      return CredentialLookup.none(
          "anonymously ("
              + helper.get().setting()
              + " in "
              + configName
              + " names docker-credential-"
              + helper.get().name()
              + ", which is not on PATH)");
    }
    String where =
        helper.map(h -> "docker-credential-" + h.name() + " or " + configName).orElse(configName);
    return CredentialLookup.none(
        "anonymously (no credentials for " + registry + " in " + where + ")");
  }

  /** A credential helper program and the config setting that named it. */
  private record Helper(String name, String setting) {}

  private static Optional<Helper> helperFor(DockerConfigJson config, String registry, boolean hub) {
    for (Map.Entry<String, String> e : config.credHelpers().entrySet()) {
      if (sameRegistry(e.getKey(), registry, hub) && !e.getValue().isBlank()) {
        return Optional.of(new Helper(e.getValue(), "credHelpers"));
      }
    }
    return config.credsStore().isBlank()
        ? Optional.empty()
        : Optional.of(new Helper(config.credsStore(), "credsStore"));
  }

  private Optional<Credentials> fromAuths(DockerConfigJson config, String registry, boolean hub)
      throws ImageReadException {
    String origin = configName + " (auths)";
    for (Map.Entry<String, DockerConfigJson.AuthEntry> e : config.auths().entrySet()) {
      if (!sameRegistry(e.getKey(), registry, hub) || e.getValue() == null) continue;
      DockerConfigJson.AuthEntry entry = e.getValue();
      if (entry.identitytoken() != null && !entry.identitytoken().isEmpty()) {
        return Optional.of(new Credentials("", entry.identitytoken(), true, origin));
      }
      if (entry.auth() != null && !entry.auth().isEmpty()) {
        String decoded;
        try {
          decoded =
              new String(Base64.getDecoder().decode(entry.auth().trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException bad) {
          throw new ImageReadException(
              configName
                  + ": the auth of '"
                  + e.getKey()
                  + "' is not base64; run docker login "
                  + registry
                  + " again");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
          throw new ImageReadException(
              configName
                  + ": the auth of '"
                  + e.getKey()
                  + "' is not user:password in base64; run docker login "
                  + registry
                  + " again");
        }
        return Optional.of(
            new Credentials(
                decoded.substring(0, colon), decoded.substring(colon + 1), false, origin));
      }
      if (entry.username() != null && entry.password() != null) {
        return Optional.of(new Credentials(entry.username(), entry.password(), false, origin));
      }
    }
    return Optional.empty();
  }

  /**
   * Whether a config key ({@code https://host/v1/}, {@code host:port}, …) names the registry: the
   * docker client compares host names with scheme and path stripped.
   */
  static boolean sameRegistry(String key, String registry, boolean hub) {
    String host = hostOf(key);
    if (hub) {
      return host.equals("index.docker.io")
          || host.equals("docker.io")
          || host.equals("registry-1.docker.io");
    }
    return host.equals(registry.toLowerCase(Locale.ROOT));
  }

  private static String hostOf(String key) {
    String k = key.trim().toLowerCase(Locale.ROOT);
    if (k.startsWith("http://")) k = k.substring("http://".length());
    else if (k.startsWith("https://")) k = k.substring("https://".length());
    int slash = k.indexOf('/');
    return slash < 0 ? k : k.substring(0, slash);
  }

  private DockerConfigJson readConfig() throws ImageReadException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(configFile);
    } catch (NoSuchFileException e) {
      return DockerConfigJson.empty();
    } catch (IOException e) {
      throw new ImageReadException(configName + ": cannot read (" + e.getMessage() + ")", e);
    }
    try {
      return WireJson.read(bytes, DockerConfigJson.class);
    } catch (JsonProcessingException e) {
      throw new ImageReadException(
          configName + ": not valid JSON (" + e.getOriginalMessage() + "); fix or move it", e);
    } catch (IOException e) {
      throw new ImageReadException(configName + ": cannot read (" + e.getMessage() + ")", e);
    }
  }
}
