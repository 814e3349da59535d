package io.layerdive.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PlatformTest {
  @Test
  void parsesOsArchAndOptionalVariant() {
    assertThat(Platform.parse("linux/amd64")).isEqualTo(new Platform("linux", "amd64", ""));
    assertThat(Platform.parse("linux/arm/v7")).isEqualTo(new Platform("linux", "arm", "v7"));
    assertThat(Platform.parse("linux/arm/v7")).hasToString("linux/arm/v7");
  }

  @Test
  void normalisesArchitectureNames() {
    assertThat(Platform.parse("linux/x86_64")).hasToString("linux/amd64");
    assertThat(Platform.parse("linux/aarch64")).hasToString("linux/arm64");
    assertThat(Platform.parse("linux/arm64/v8")).hasToString("linux/arm64");
    assertThat(Platform.parse("Linux/AMD64")).hasToString("linux/amd64");
  }

  @Test
  void aRequestWithoutVariantAcceptsAnyVariant() {
    Platform arm = Platform.parse("linux/arm");
    assertThat(arm.accepts(Platform.parse("linux/arm/v7"))).isTrue();
    assertThat(Platform.parse("linux/arm/v6").accepts(Platform.parse("linux/arm/v7"))).isFalse();
    assertThat(Platform.parse("linux/amd64").accepts(Platform.parse("linux/arm64"))).isFalse();
    assertThat(Platform.parse("linux/amd64").accepts(Platform.parse("windows/amd64"))).isFalse();
  }

  @Test
  void badTextIsRejectedWithTheExpectedForm() {
    assertThatThrownBy(() -> Platform.parse("linux"))
        .hasMessage(
            "--platform: 'linux' is not os/arch[/variant] (e.g. linux/amd64, linux/arm64/v8)");
    assertThatThrownBy(() -> Platform.parse("linux//v7"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Platform.parse("a/b/c/d"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theCurrentPlatformUsesContainerNames() {
    Platform here = Platform.current();
    assertThat(here.architecture()).doesNotContain("x86_64", "aarch64");
    assertThat(here.os()).isNotEmpty();
  }
}
