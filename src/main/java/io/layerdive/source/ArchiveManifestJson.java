package io.layerdive.source;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One entry of a {@code docker save} archive's {@code manifest.json}.
 *
 * @param config path of the image config inside the archive
 * @param repoTags the names the image was saved under
 * @param layers paths of the layer blobs inside the archive, base first
 */
public record ArchiveManifestJson(
    @JsonProperty("Config") String config,
    @JsonProperty("RepoTags") List<String> repoTags,
    @JsonProperty("Layers") List<String> layers) {
  public ArchiveManifestJson {
    repoTags = repoTags == null ? List.of() : List.copyOf(repoTags);
    layers = layers == null ? List.of() : List.copyOf(layers);
  }
}
