package io.layerdive.source.registry;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The platform of an index entry, as the wire carries it. */
record PlatformJson(String architecture, String os, @JsonProperty("variant") String variant) {

  Platform toPlatform() {
    return new Platform(os, architecture, variant);
  }
}
