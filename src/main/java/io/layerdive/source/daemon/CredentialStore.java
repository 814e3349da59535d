package io.layerdive.source.daemon;

import io.layerdive.source.CredentialLookup;
import io.layerdive.source.DockerCredentials;
import io.layerdive.source.ImageReadException;

/**
 * The registry credentials a pull presents, found as the docker CLI finds them ({@link
 * DockerCredentials}) in the config of this host environment ({@code $DOCKER_CONFIG} or {@code
 * ~/.docker}), helpers run with its variables.
 */
public final class CredentialStore {
  private final DockerCredentials credentials;

  public CredentialStore(HostEnvironment env) {
    this.credentials =
        DockerCredentials.forConfig(
            env.dockerConfigDir().resolve("config.json"), env.home(), env.variables());
  }

  /** The credentials for {@code registry} ({@code docker.io}, {@code ghcr.io}, {@code host:port}). */
  public CredentialLookup find(String registry) throws ImageReadException {
    return credentials.lookup(registry);
  }
}
