package io.layerdive.source;

import java.util.Map;

/** The credential parts of {@code ~/.docker/config.json}. */
record DockerConfigJson(
    Map<String, AuthEntry> auths, String credsStore, Map<String, String> credHelpers) {
  DockerConfigJson {
    auths = auths == null ? Map.of() : Map.copyOf(auths);
    credHelpers = credHelpers == null ? Map.of() : Map.copyOf(credHelpers);
    credsStore = credsStore == null ? "" : credsStore;
  }

  static DockerConfigJson empty() {
    return new DockerConfigJson(null, null, null);
  }

  /**
   * One {@code auths} entry: {@code auth} is base64 {@code user:password}; {@code identitytoken} is
   * an OAuth refresh token some registries hand out at login.
   */
  record AuthEntry(String auth, String username, String password, String identitytoken) {}
}
