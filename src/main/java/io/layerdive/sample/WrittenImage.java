package io.layerdive.sample;

import io.layerdive.image.Digest;
import java.util.List;
import java.util.Optional;

/**
 * What the writer put in an archive for one image.
 *
 * @param configDigest SHA-256 of the config: the image id
 * @param configPath where the config is inside the archive
 * @param manifestDigest the image manifest's digest, for layouts that store one (OCI, Docker 25+)
 * @param layers one per layer tar, base first
 */
public record WrittenImage(
    SampleImage image,
    Digest configDigest,
    String configPath,
    Optional<Digest> manifestDigest,
    List<WrittenLayer> layers) {

  public WrittenImage {
    layers = List.copyOf(layers);
  }

  /** The diff_ids in config order. */
  public List<Digest> diffIds() {
    return layers.stream().map(WrittenLayer::diffId).toList();
  }

  /** Σ layer content sizes: what dive reports as the image size. */
  public long contentSize() {
    return layers.stream().mapToLong(WrittenLayer::contentSize).sum();
  }
}
