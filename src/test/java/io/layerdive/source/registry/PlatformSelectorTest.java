package io.layerdive.source.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.layerdive.source.Platform;
import io.layerdive.source.PlatformJson;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlatformSelectorTest {
  private static final Platform AMD64 = Platform.parse("linux/amd64");

  private static DescriptorJson entry(String digestChar, String os, String arch, String variant) {
    return new DescriptorJson(
        MediaTypes.OCI_MANIFEST,
        "sha256:" + digestChar.repeat(64),
        100,
        os == null ? null : new PlatformJson(arch, os, variant, null),
        List.of());
  }

  private static final List<DescriptorJson> MULTI =
      List.of(
          entry("a", "linux", "amd64", null),
          entry("b", "linux", "arm64", "v8"),
          entry("c", "linux", "arm", "v7"),
          entry("d", "unknown", "unknown", null));

  @Test
  void defaultIsThisMachine() throws Exception {
    PlatformSelector.Choice c = PlatformSelector.choose(MULTI, Optional.empty(), AMD64);

    assertThat(c.entry().digest()).isEqualTo("sha256:" + "a".repeat(64));
    assertThat(c.fallback()).isFalse();
  }

  @Test
  void requestedPlatformWins() throws Exception {
    PlatformSelector.Choice c =
        PlatformSelector.choose(MULTI, Optional.of(Platform.parse("linux/arm64")), AMD64);

    assertThat(c.entry().digest()).startsWith("sha256:b");
    assertThat(c.platform()).hasToString("linux/arm64");
  }

  @Test
  void exactVariantPreferred() throws Exception {
    List<DescriptorJson> entries =
        List.of(entry("a", "linux", "arm", "v6"), entry("b", "linux", "arm", "v7"));

    assertThat(
            PlatformSelector.choose(entries, Optional.of(Platform.parse("linux/arm/v7")), AMD64)
                .entry()
                .digest())
        .startsWith("sha256:b");
  }

  @Test
  void theOnlyImageIsAFallbackForAnotherMachine() throws Exception {
    List<DescriptorJson> entries =
        List.of(entry("b", "linux", "arm64", null), entry("d", "unknown", "unknown", null));

    PlatformSelector.Choice c = PlatformSelector.choose(entries, Optional.empty(), AMD64);

    assertThat(c.entry().digest()).startsWith("sha256:b");
    assertThat(c.fallback()).isTrue();
  }

  @Test
  void noMatchListsTheRealPlatforms() {
    assertThatThrownBy(
            () -> PlatformSelector.choose(MULTI, Optional.of(Platform.parse("linux/s390x")), AMD64))
        .isInstanceOfSatisfying(
            PlatformSelector.NoMatch.class,
            e -> {
              assertThat(e.wanted).hasToString("linux/s390x");
              assertThat(e.offered)
                  .extracting(Platform::toString)
                  .containsExactly("linux/amd64", "linux/arm64", "linux/arm/v7");
            });
  }

  @Test
  void explicitPlatformHasNoFallback() {
    List<DescriptorJson> entries = List.of(entry("b", "linux", "arm64", null));

    assertThatThrownBy(() -> PlatformSelector.choose(entries, Optional.of(AMD64), AMD64))
        .isInstanceOf(PlatformSelector.NoMatch.class);
  }
}
