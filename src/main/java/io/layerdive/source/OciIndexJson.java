package io.layerdive.source;

import java.util.List;
import java.util.Map;

/** An OCI image index or Docker manifest list; also the {@code index.json} of a layout. */
public record OciIndexJson(
    int schemaVersion,
    String mediaType,
    List<DescriptorJson> manifests,
    Map<String, String> annotations) {
  public OciIndexJson {
    manifests = manifests == null ? List.of() : List.copyOf(manifests);
    annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
  }
}
