package io.layerdive.source;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One step of an image config's {@code history}. */
public record HistoryJson(
    String created,
    @JsonProperty("created_by") String createdBy,
    String author,
    String comment,
    @JsonProperty("empty_layer") boolean emptyLayer) {}
