package io.layerdive.sample;

/** Which media types manifests, configs and layers are labelled with. */
public enum ManifestFormat {
  /** {@code application/vnd.oci.image.*}. */
  OCI(
      "application/vnd.oci.image.index.v1+json",
      "application/vnd.oci.image.manifest.v1+json",
      "application/vnd.oci.image.config.v1+json",
      "application/vnd.oci.image.layer.v1.tar"),
  /** Docker image manifest v2, schema 2: {@code application/vnd.docker.*}. */
  DOCKER(
      "application/vnd.docker.distribution.manifest.list.v2+json",
      "application/vnd.docker.distribution.manifest.v2+json",
      "application/vnd.docker.container.image.v1+json",
      "application/vnd.docker.image.rootfs.diff.tar");

  private final String index;
  private final String manifest;
  private final String config;
  private final String layerBase;

  ManifestFormat(String index, String manifest, String config, String layerBase) {
    this.index = index;
    this.manifest = manifest;
    this.config = config;
    this.layerBase = layerBase;
  }

  public String indexMediaType() {
    return index;
  }

  public String manifestMediaType() {
    return manifest;
  }

  public String configMediaType() {
    return config;
  }

  /** E.g. {@code application/vnd.oci.image.layer.v1.tar+gzip}. */
  public String layerMediaType(Compression compression) {
    if (this == DOCKER) {
      return switch (compression) {
        case NONE -> layerBase;
        case GZIP -> layerBase + ".gzip";
        case ZSTD -> layerBase + ".zstd";
      };
    }
    return layerBase + compression.mediaTypeSuffix();
  }
}
