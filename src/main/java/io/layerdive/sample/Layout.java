package io.layerdive.sample;

/** The archive layouts that {@code docker save} and other tools produce. */
public enum Layout {
  /**
   * Docker 24 and older: {@code <v1id>/layer.tar}, {@code <v1id>/json}, {@code <v1id>/VERSION},
   * {@code <config-hex>.json}, {@code manifest.json}, {@code repositories}, all sorted by name (so
   * the two index files come last).
   */
  DOCKER_LEGACY(true, Compression.NONE),
  /**
   * Docker 25 and newer: an OCI image layout ({@code oci-layout}, {@code index.json}, {@code
   * blobs/sha256/…}) plus {@code manifest.json} and {@code repositories}, sorted by name.
   */
  DOCKER_OCI(true, Compression.NONE),
  /**
   * Podman's docker-archive: layers as top-level {@code <diff-id-hex>.tar}, the config {@code
   * <hex>.json}, legacy {@code <v1id>/layer.tar} symlinks to the layers, tags with a {@code
   * localhost/} prefix; written in that order, not sorted.
   */
  PODMAN(true, Compression.NONE),
  /**
   * kaniko's tarball: the config named {@code sha256:<hex>} without {@code .json}, then the layers
   * {@code <blob-hex>.tar.gz}, then {@code manifest.json}.
   */
  KANIKO(true, Compression.GZIP),
  /** An OCI image layout in a tar: {@code blobs/}, {@code index.json}, {@code oci-layout}. */
  OCI_LAYOUT(true, Compression.NONE),
  /** An OCI image layout as a directory on disk. */
  OCI_DIRECTORY(false, Compression.NONE);

  private final boolean tar;
  private final Compression defaultCompression;

  Layout(boolean tar, Compression defaultCompression) {
    this.tar = tar;
    this.defaultCompression = defaultCompression;
  }

  /** Whether the layout is a single tar stream (all but {@link #OCI_DIRECTORY}). */
  public boolean isTar() {
    return tar;
  }

  /** How the tool that makes this layout stores layers: gzip for kaniko, uncompressed otherwise. */
  public Compression defaultCompression() {
    return defaultCompression;
  }
}
