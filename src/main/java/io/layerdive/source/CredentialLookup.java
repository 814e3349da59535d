package io.layerdive.source;

import java.util.Optional;

/**
 * The credentials found for one registry, and a sentence saying what was tried, for the message of
 * a refused request ("no credentials for HOST in ~/.docker/config.json").
 */
public record CredentialLookup(Optional<Credentials> credentials, String tried) {
  static CredentialLookup found(Credentials credentials) {
    return new CredentialLookup(Optional.of(credentials), credentials.describe());
  }

  static CredentialLookup none(String tried) {
    return new CredentialLookup(Optional.empty(), tried);
  }
}
