package io.layerdive.image;

import java.util.List;

/**
 * What an image's config says besides its layers.
 *
 * @param os operating system, e.g. {@code linux}; empty when unknown
 * @param architecture e.g. {@code amd64}; empty when unknown
 * @param tags the names the source knows the image by
 * @param baseLayers how many leading layers the base image (the final stage's {@code FROM}) gave,
 *     as far as the history tells; at least 1, which is all that is assumed without a history
 */
public record ImageConfig(String os, String architecture, List<String> tags, int baseLayers) {
  public ImageConfig {
    os = os == null ? "" : os;
    architecture = architecture == null ? "" : architecture;
    tags = List.copyOf(tags);
    baseLayers = Math.max(1, baseLayers);
  }

  /** A config whose base image is layer 0 alone. */
  public ImageConfig(String os, String architecture, List<String> tags) {
    this(os, architecture, tags, 1);
  }

  public static ImageConfig unknown() {
    return new ImageConfig("", "", List.of());
  }
}
