package io.layerdive.source.daemon;

import java.util.Optional;

/**
 * What a pull presents to a registry, as the docker CLI would.
 *
 * @param serverAddress the registry as the credentials name it
 * @param identityToken an OAuth refresh token instead of a password, when the login made one
 */
public record RegistryCredentials(
    String serverAddress, String username, String password, Optional<String> identityToken) {

  @Override
  public String toString() {
    return "RegistryCredentials[" + serverAddress + ", " + username + ", ***]";
  }
}
