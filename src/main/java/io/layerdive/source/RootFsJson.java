package io.layerdive.source;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** An image config's {@code rootfs}: the uncompressed layer digests, base first. */
public record RootFsJson(String type, @JsonProperty("diff_ids") List<String> diffIds) {
  public RootFsJson {
    diffIds = diffIds == null ? List.of() : List.copyOf(diffIds);
  }
}
