package io.layerdive.source.registry;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A token server's answer; {@code token} and {@code access_token} are synonyms. */
record TokenJson(
    String token,
    @JsonProperty("access_token") String accessToken,
    @JsonProperty("expires_in") long expiresIn) {

  String bearer() {
    if (token != null && !token.isEmpty()) return token;
    return accessToken == null ? "" : accessToken;
  }
}
