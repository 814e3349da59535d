package io.layerdive.source;

import java.util.Set;

/**
 * The media types of manifests, indexes, configs and layers, and what they say about compression.
 */
public final class MediaTypes {
  public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
  public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
  public static final String DOCKER_MANIFEST_LIST =
      "application/vnd.docker.distribution.manifest.list.v2+json";
  public static final String DOCKER_MANIFEST =
      "application/vnd.docker.distribution.manifest.v2+json";
  public static final String OCI_CONFIG = "application/vnd.oci.image.config.v1+json";
  public static final String DOCKER_CONFIG = "application/vnd.docker.container.image.v1+json";
  public static final String DOCKER_FOREIGN_LAYER =
      "application/vnd.docker.image.rootfs.foreign.diff.tar.gzip";

  private static final Set<String> SCHEMA1 =
      Set.of(
          "application/vnd.docker.distribution.manifest.v1+json",
          "application/vnd.docker.distribution.manifest.v1+prettyjws");

  private MediaTypes() {}

  public static boolean isIndex(String mediaType) {
    return OCI_INDEX.equals(mediaType) || DOCKER_MANIFEST_LIST.equals(mediaType);
  }

  public static boolean isManifest(String mediaType) {
    return OCI_MANIFEST.equals(mediaType) || DOCKER_MANIFEST.equals(mediaType);
  }

  /** Docker's v1 manifests, which no current tool writes and which this program does not read. */
  public static boolean isSchema1(String mediaType) {
    return mediaType != null && SCHEMA1.contains(mediaType);
  }

  /** Whether a config descriptor is an image's config; no media type at all is taken as one. */
  public static boolean isImageConfig(String mediaType) {
    return mediaType == null
        || mediaType.isEmpty()
        || mediaType.equals(OCI_CONFIG)
        || mediaType.equals(DOCKER_CONFIG);
  }

  /**
   * Whether a layer descriptor is a layer tar (plain, gzip or zstd; distributable or not); no
   * media type at all is taken as one. Compressions are told apart by their magic bytes, so the
   * suffix is not checked here.
   */
  public static boolean isLayer(String mediaType) {
    return mediaType == null
        || mediaType.isEmpty()
        || mediaType.startsWith("application/vnd.oci.image.layer.")
        || mediaType.startsWith("application/vnd.docker.image.rootfs.");
  }

  /**
   * The compression a layer media type announces, or null when the type is not a known layer type
   * (the blob is then sniffed with no expectation).
   */
  public static Compression layerCompression(String mediaType) {
    if (mediaType == null) return null;
    return switch (mediaType) {
      case "application/vnd.oci.image.layer.v1.tar",
          "application/vnd.oci.image.layer.nondistributable.v1.tar",
          "application/vnd.docker.image.rootfs.diff.tar" ->
          Compression.NONE;
      case "application/vnd.oci.image.layer.v1.tar+gzip",
          "application/vnd.oci.image.layer.nondistributable.v1.tar+gzip",
          "application/vnd.docker.image.rootfs.diff.tar.gzip",
          "application/vnd.docker.image.rootfs.foreign.diff.tar.gzip" ->
          Compression.GZIP;
      case "application/vnd.oci.image.layer.v1.tar+zstd",
          "application/vnd.oci.image.layer.nondistributable.v1.tar+zstd",
          "application/vnd.docker.image.rootfs.diff.tar.zstd" ->
          Compression.ZSTD;
      default -> null;
    };
  }
}
