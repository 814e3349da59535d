package io.layerdive.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.layerdive.source.LayerCache;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CacheSettingsTest {

  @Test
  void ownDirectoryFirstThenXdgThenHome() {
    assertThat(
            CacheSettings.fromEnvironment(
                    Map.of(
                        "LAYERDIVE_CACHE_DIR", "/var/cache/ld",
                        "XDG_CACHE_HOME", "/x",
                        "HOME", "/home/u"))
                .root())
        .contains(Path.of("/var/cache/ld"));
    assertThat(
            CacheSettings.fromEnvironment(Map.of("XDG_CACHE_HOME", "/x", "HOME", "/home/u")).root())
        .contains(Path.of("/x/layerdive"));
    assertThat(CacheSettings.fromEnvironment(Map.of("HOME", "/home/u")).root())
        .contains(Path.of("/home/u/.cache/layerdive"));
  }

  @Test
  void relativeDirectoriesAreIgnoredAsXdgSays() {
    assertThat(
            CacheSettings.fromEnvironment(Map.of("XDG_CACHE_HOME", "cache", "HOME", "/home/u"))
                .root())
        .contains(Path.of("/home/u/.cache/layerdive"));
  }

  @Test
  void noDirectoryMeansNoCache() {
    CacheSettings settings = CacheSettings.fromEnvironment(Map.of());

    assertThat(settings.root()).isEmpty();
    assertThat(settings.open()).isSameAs(LayerCache.NONE);
  }

  @Test
  void sizeBoundsTheCacheAndZeroTurnsItOff() {
    assertThat(CacheSettings.fromEnvironment(Map.of("HOME", "/h")).maxBytes())
        .isEqualTo(2_000_000_000L);
    assertThat(
            CacheSettings.fromEnvironment(Map.of("HOME", "/h", "LAYERDIVE_CACHE_SIZE", "500MB"))
                .maxBytes())
        .isEqualTo(500_000_000L);
    assertThat(
            CacheSettings.fromEnvironment(Map.of("HOME", "/h", "LAYERDIVE_CACHE_SIZE", "1 GiB"))
                .maxBytes())
        .isEqualTo(1L << 30);
    CacheSettings off =
        CacheSettings.fromEnvironment(Map.of("HOME", "/h", "LAYERDIVE_CACHE_SIZE", "0"));
    assertThat(off.root()).isEqualTo(Optional.empty());
    assertThat(off.open()).isSameAs(LayerCache.NONE);
  }

  @Test
  void aSizeThatDoesNotParseNamesTheVariable() {
    assertThatThrownBy(
            () ->
                CacheSettings.fromEnvironment(Map.of("HOME", "/h", "LAYERDIVE_CACHE_SIZE", "big")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("LAYERDIVE_CACHE_SIZE: ")
        .hasMessageContaining("big");
  }
}
