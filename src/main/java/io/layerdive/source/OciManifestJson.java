package io.layerdive.source;

import java.util.List;
import java.util.Map;

/** An OCI image manifest or Docker v2 schema 2 manifest. */
public record OciManifestJson(
    int schemaVersion,
    String mediaType,
    DescriptorJson config,
    List<DescriptorJson> layers,
    Map<String, String> annotations) {
  public OciManifestJson {
    layers = layers == null ? List.of() : List.copyOf(layers);
    annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
  }
}
