package io.layerdive.source;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The {@code platform} of an index entry. */
public record PlatformJson(
    String architecture, String os, String variant, @JsonProperty("os.version") String osVersion) {}
