package io.layerdive.source.registry;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The parts of an image config blob a registry source needs: platform, diff ids and history. */
record ImageConfigJson(
    String os, String architecture, String variant, RootFs rootfs, List<History> history) {
  ImageConfigJson {
    history = history == null ? List.of() : List.copyOf(history);
  }

  record RootFs(String type, @JsonProperty("diff_ids") List<String> diffIds) {
    RootFs {
      diffIds = diffIds == null ? List.of() : List.copyOf(diffIds);
    }
  }

  record History(
      @JsonProperty("created_by") String createdBy,
      @JsonProperty("empty_layer") boolean emptyLayer) {}
}
