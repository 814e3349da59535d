package io.layerdive.source;

/**
 * What to log in to a registry with.
 *
 * @param username empty with an identity token
 * @param secret the password, or the identity (refresh) token when {@code identityToken}
 * @param identityToken whether {@code secret} is an OAuth refresh token to trade for access tokens
 * @param origin where they came from, for messages: {@code ~/.docker/config.json (auths)}
 */
public record Credentials(String username, String secret, boolean identityToken, String origin) {

  /** How the credentials read in an error message, never with the secret. */
  public String describe() {
    return identityToken
        ? "an identity token from " + origin
        : "user '" + username + "' from " + origin;
  }

  @Override
  public String toString() {
    return describe();
  }
}
