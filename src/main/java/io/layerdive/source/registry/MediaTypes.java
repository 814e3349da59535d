package io.layerdive.source.registry;

import java.util.Set;

/** The media types of manifests, indexes, configs and layers a registry serves. */
final class MediaTypes {
  static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
  static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
  static final String OCI_CONFIG = "application/vnd.oci.image.config.v1+json";
  static final String DOCKER_MANIFEST_LIST =
      "application/vnd.docker.distribution.manifest.list.v2+json";
  static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
  static final String DOCKER_CONFIG = "application/vnd.docker.container.image.v1+json";
  static final String DOCKER_FOREIGN_LAYER =
      "application/vnd.docker.image.rootfs.foreign.diff.tar.gzip";

  private static final Set<String> SCHEMA1 =
      Set.of(
          "application/vnd.docker.distribution.manifest.v1+json",
          "application/vnd.docker.distribution.manifest.v1+prettyjws");

  private MediaTypes() {}

  static boolean isIndex(String type) {
    return type.equals(OCI_INDEX) || type.equals(DOCKER_MANIFEST_LIST);
  }

  static boolean isManifest(String type) {
    return type.equals(OCI_MANIFEST) || type.equals(DOCKER_MANIFEST);
  }

  static boolean isSchema1(String type) {
    return SCHEMA1.contains(type);
  }

  static boolean isImageConfig(String type) {
    return type.isEmpty() || type.equals(OCI_CONFIG) || type.equals(DOCKER_CONFIG);
  }

  /**
   * Whether a layer descriptor is a layer tar (plain, gzip or zstd; distributable or not). The
   * reader tells compressions apart by their magic bytes, so the suffix is not checked here.
   */
  static boolean isLayer(String type) {
    return type.startsWith("application/vnd.oci.image.layer.")
        || type.startsWith("application/vnd.docker.image.rootfs.")
        || type.isEmpty();
  }
}
