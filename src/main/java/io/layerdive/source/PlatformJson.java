package io.layerdive.source;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The {@code platform} of an index entry, as the wire carries it. */
public record PlatformJson(
    String architecture, String os, String variant, @JsonProperty("os.version") String osVersion) {

  public Platform toPlatform() {
    return new Platform(os, architecture, variant);
  }
}
