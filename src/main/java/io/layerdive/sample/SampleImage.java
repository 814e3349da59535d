package io.layerdive.sample;

import java.util.Arrays;
import java.util.List;

/**
 * A sample image: a name, a platform and its history steps, base first.
 *
 * @param name a reference such as {@code demo:latest} ({@code :latest} assumed when the tag is
 *     missing), or empty for an untagged image
 * @param variant the platform variant such as {@code v8}, or empty
 */
public record SampleImage(
    String name, String os, String architecture, String variant, List<SampleLayer> layers) {

  public SampleImage {
    name = name == null ? "" : name;
    variant = variant == null ? "" : variant;
    if (os == null || os.isEmpty() || architecture == null || architecture.isEmpty()) {
      throw new IllegalArgumentException(
          "sample image '"
              + name
              + "': os and architecture are required ("
              + os
              + "/"
              + architecture
              + ")");
    }
    layers = List.copyOf(layers);
  }

  /** A linux/amd64 image. */
  public static SampleImage of(String name, SampleLayer... layers) {
    return of(name, Arrays.asList(layers));
  }

  /** A linux/amd64 image. */
  public static SampleImage of(String name, List<SampleLayer> layers) {
    return new SampleImage(name, "linux", "amd64", "", layers);
  }

  public SampleImage withPlatform(String newOs, String newArchitecture) {
    return withPlatform(newOs, newArchitecture, "");
  }

  public SampleImage withPlatform(String newOs, String newArchitecture, String newVariant) {
    return new SampleImage(name, newOs, newArchitecture, newVariant, layers);
  }

  public SampleImage withName(String newName) {
    return new SampleImage(newName, os, architecture, variant, layers);
  }

  /** The steps that have a layer tar, in order: what the config's {@code diff_ids} list. */
  public List<SampleLayer> fileLayers() {
    return layers.stream().filter(l -> !l.emptyLayer()).toList();
  }

  /** Σ of the layers' content sizes: what dive reports as the image size. */
  public long contentSize() {
    return layers.stream().mapToLong(SampleLayer::contentSize).sum();
  }

  /** The repository part of the name ({@code demo} of {@code demo:latest}), or empty. */
  public String repository() {
    int colon = tagColon();
    return colon < 0 ? name : name.substring(0, colon);
  }

  /** The tag part of the name, {@code latest} when the name has none, empty when untagged. */
  public String tag() {
    if (name.isEmpty()) return "";
    int colon = tagColon();
    return colon < 0 ? "latest" : name.substring(colon + 1);
  }

  /** {@code repository:tag}, or empty when untagged. */
  public String reference() {
    return name.isEmpty() ? "" : repository() + ":" + tag();
  }

  /** The colon before the tag: after the last slash, so a registry port is not mistaken for one. */
  private int tagColon() {
    int colon = name.lastIndexOf(':');
    return colon > name.lastIndexOf('/') ? colon : -1;
  }
}
