package io.layerdive.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PlatformTest {
  @Test
  void parsesOsArchAndOptionalVariant() {
    assertThat(Platform.parse("linux/amd64")).isEqualTo(new Platform("linux", "amd64", ""));
    assertThat(Platform.parse("linux/arm/v7")).isEqualTo(new Platform("linux", "arm", "v7"));
    assertThat(Platform.parse("linux/arm/v7")).hasToString("linux/arm/v7");
    assertThat(Platform.parse(" linux/amd64 ")).hasToString("linux/amd64");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "linux/amd64, linux/amd64",
    "linux/x86_64, linux/amd64",
    "Linux/AMD64, linux/amd64",
    "linux/aarch64, linux/arm64",
    "linux/arm64/v8, linux/arm64",
    "linux/arm64/v9, linux/arm64/v9",
    "linux/arm, linux/arm/v7",
    "linux/arm/7, linux/arm/v7",
    "linux/armhf, linux/arm/v7",
    "linux/armel, linux/arm/v6",
    "linux/i386, linux/386",
    "linux/i686, linux/386",
    "windows/amd64, windows/amd64",
    "macos/arm64, darwin/arm64",
  })
  void normalisesAsContainerdDoes(String input, String expected) {
    assertThat(Platform.parse(input)).hasToString(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"amd64", "linux", "linux/", "/amd64", "linux//v7", "linux/arm/v7/x", "a/b/c/d", ""})
  void badTextIsRejectedWithTheExpectedForm(String input) {
    assertThatThrownBy(() -> Platform.parse(input))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "--platform: '"
                + input
                + "' is not os/arch[/variant] (e.g. linux/amd64, linux/arm/v7)");
  }

  @ParameterizedTest
  @CsvSource({
    "amd64, linux/amd64",
    "x86_64, linux/amd64",
    "aarch64, linux/arm64",
    "ppc64le, linux/ppc64le",
    "s390x, linux/s390x"
  })
  void thisMachineRunsLinuxOnItsArchitecture(String osArch, String expected) {
    assertThat(Platform.forMachine(osArch)).hasToString(expected);
  }

  @Test
  void theCurrentPlatformUsesContainerNames() {
    Platform here = Platform.current();
    assertThat(here.architecture()).doesNotContain("x86_64", "aarch64");
    assertThat(here.os()).isEqualTo("linux");
  }

  @Test
  void aRequestWithoutVariantAcceptsAnyVariant() {
    assertThat(Platform.parse("linux/arm64").accepts(Platform.parse("linux/arm64/v8"))).isTrue();
    assertThat(Platform.parse("linux/arm64/v8").accepts(Platform.parse("linux/arm64"))).isTrue();
    assertThat(Platform.parse("linux/amd64").accepts(new Platform("linux", "amd64", "v3")))
        .isTrue();
    assertThat(Platform.parse("linux/arm").accepts(Platform.parse("linux/arm/v7"))).isTrue();
    assertThat(Platform.parse("linux/arm/v6").accepts(Platform.parse("linux/arm/v7"))).isFalse();
    assertThat(Platform.parse("linux/amd64").accepts(Platform.parse("linux/arm64"))).isFalse();
    assertThat(Platform.parse("linux/amd64").accepts(Platform.parse("windows/amd64"))).isFalse();
  }

  @Test
  void attestationEntriesAreNotKnownPlatforms() {
    assertThat(new Platform("unknown", "unknown", "").isKnown()).isFalse();
    assertThat(Platform.NONE.isKnown()).isFalse();
    assertThat(Platform.parse("linux/amd64").isKnown()).isTrue();
  }

  @Test
  void theWireRecordTranslatesWithTheSameNormalisation() {
    assertThat(new PlatformJson("aarch64", "linux", "v8", null).toPlatform())
        .isEqualTo(Platform.parse("linux/arm64"));
  }
}
