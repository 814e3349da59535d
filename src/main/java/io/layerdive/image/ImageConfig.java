package io.layerdive.image;

import java.util.List;

/**
 * What an image's config says besides its layers.
 *
 * @param os operating system, e.g. {@code linux}; empty when unknown
 * @param architecture e.g. {@code amd64}; empty when unknown
 * @param tags the names the source knows the image by
 */
public record ImageConfig(String os, String architecture, List<String> tags) {
  public ImageConfig {
    os = os == null ? "" : os;
    architecture = architecture == null ? "" : architecture;
    tags = List.copyOf(tags);
  }

  public static ImageConfig unknown() {
    return new ImageConfig("", "", List.of());
  }
}
