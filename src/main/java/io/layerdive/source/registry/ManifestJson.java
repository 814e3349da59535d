package io.layerdive.source.registry;

import io.layerdive.source.DescriptorJson;
import java.util.List;

/**
 * An image manifest (Docker v2 schema 2 or OCI) or an image index (Docker manifest list or OCI
 * index): both are read into this one shape, then told apart by media type.
 */
record ManifestJson(
    int schemaVersion,
    String mediaType,
    DescriptorJson config,
    List<DescriptorJson> layers,
    List<DescriptorJson> manifests) {
  ManifestJson {
    mediaType = mediaType == null ? "" : mediaType;
    layers = layers == null ? List.of() : List.copyOf(layers);
    manifests = manifests == null ? List.of() : List.copyOf(manifests);
  }
}
