package io.layerdive.cache;

import io.layerdive.bytes.HumanBytes;
import io.layerdive.source.LayerCache;
import io.layerdive.tree.FrozenImages;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the cache lives and how large it may grow, from the environment: {@code
 * LAYERDIVE_CACHE_DIR}, else {@code $XDG_CACHE_HOME/layerdive}, else {@code
 * $HOME/.cache/layerdive}; {@code LAYERDIVE_CACHE_SIZE} bounds it (a size such as {@code 500MB};
 * {@code 0} turns it off). No directory, no cache.
 *
 * @param root the cache's directory, empty when there is none
 * @param maxBytes the bound on all entries together
 */
public record CacheSettings(Optional<Path> root, long maxBytes) {
  public static final long DEFAULT_MAX_BYTES = 2_000_000_000L;
  public static final String DIR_VARIABLE = "LAYERDIVE_CACHE_DIR";
  public static final String SIZE_VARIABLE = "LAYERDIVE_CACHE_SIZE";

  /** No cache at all. */
  public static final CacheSettings OFF = new CacheSettings(Optional.empty(), 0);

  /**
   * @throws IllegalArgumentException quoting the variable, when its size does not parse
   */
  public static CacheSettings fromEnvironment(Map<String, String> env) {
    long max = DEFAULT_MAX_BYTES;
    String size = env.get(SIZE_VARIABLE);
    if (size != null && !size.isBlank()) {
      try {
        max = HumanBytes.parse(size.trim());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(SIZE_VARIABLE + ": " + e.getMessage(), e);
      }
    }
    if (max <= 0) return OFF;
    return new CacheSettings(directory(env), max);
  }

  private static Optional<Path> directory(Map<String, String> env) {
    Optional<Path> own = absolute(env.get(DIR_VARIABLE));
    if (own.isPresent()) return own;
    // The XDG base directory rules: a relative value is to be ignored.
    Optional<Path> xdg = absolute(env.get("XDG_CACHE_HOME"));
    if (xdg.isPresent()) return Optional.of(xdg.get().resolve("layerdive"));
    return absolute(env.get("HOME")).map(home -> home.resolve(".cache").resolve("layerdive"));
  }

  private static Optional<Path> absolute(String value) {
    if (value == null || value.isBlank()) return Optional.empty();
    try {
      Path p = Path.of(value);
      return p.isAbsolute() ? Optional.of(p) : Optional.empty();
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Where the frozen files of images are kept beside the layers; nowhere without a cache. */
  public FrozenImages frozenImages() {
    return root.<FrozenImages>map(r -> new DiskLayerCache(r, maxBytes)).orElse(FrozenImages.NONE);
  }

  /** The cache these settings describe. */
  public LayerCache open() {
    return root.<LayerCache>map(r -> new DiskLayerCache(r, maxBytes)).orElse(LayerCache.NONE);
  }
}
