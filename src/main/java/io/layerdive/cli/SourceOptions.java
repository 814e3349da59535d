package io.layerdive.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * How images are fetched, the same for every command that reads one: the platform to pick, the
 * daemon's pull, the registry's TLS, the layer cache.
 */
final class SourceOptions {
  @Option(
      names = "--platform",
      paramLabel = "OS/ARCH[/VARIANT]",
      description = "The platform to pick from a multi-platform image, e.g. linux/arm64.")
  String platform;

  @Option(
      names = "--no-pull",
      description = "Daemon sources: do not pull an image that is not there.")
  boolean noPull;

  @Option(
      names = "--insecure-registry",
      paramLabel = "HOST[:PORT]",
      description =
          "Registry source: allow plain HTTP or unverified TLS for this host (repeatable).")
  List<String> insecureRegistries = new ArrayList<>();

  @Option(
      names = "--registry-ca",
      paramLabel = "FILE",
      description = "Registry source: trust the CA certificates in FILE (PEM).")
  String registryCa;

  @Option(
      names = "--no-cache",
      description =
          "Read every layer, neither using nor filling the layer cache (see LAYERDIVE_CACHE_SIZE).")
  boolean noCache;

  /**
   * The request for one image with these options.
   *
   * @param pull whether a daemon may pull it: false for an image just built
   */
  ImageRequest request(
      Optional<String> image, Optional<String> source, boolean demo, boolean pull) {
    return new ImageRequest(
        image,
        source,
        Optional.ofNullable(platform),
        demo,
        pull && !noPull,
        insecureRegistries,
        Optional.ofNullable(registryCa),
        !noCache);
  }
}
