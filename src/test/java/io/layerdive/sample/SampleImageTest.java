package io.layerdive.sample;

import static io.layerdive.sample.SampleEntry.file;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SampleImageTest {

  @Test
  void namesSplitIntoRepositoryAndTag_aRegistryPortIsNotATag() {
    assertThat(SampleImage.of("demo").reference()).isEqualTo("demo:latest");
    assertThat(SampleImage.of("demo:1.0").tag()).isEqualTo("1.0");
    SampleImage ported = SampleImage.of("localhost:5000/team/app");
    assertThat(ported.repository()).isEqualTo("localhost:5000/team/app");
    assertThat(ported.tag()).isEqualTo("latest");
    assertThat(SampleImage.of("").reference()).isEmpty();
  }

  @Test
  void fileLayersSkipHistoryOnlySteps_contentSizeSumsThem() {
    SampleImage image =
        SampleImage.of(
            "x",
            SampleLayer.run("a", file("a", 10, 1)),
            SampleLayer.nop("ENV A=1"),
            SampleLayer.run("b", file("b", 5, 2), file("c", "xyz")));

    assertThat(image.fileLayers())
        .extracting(SampleLayer::createdBy)
        .containsExactly("/bin/sh -c a", "/bin/sh -c b");
    assertThat(image.contentSize()).isEqualTo(18);
  }

  @Test
  void historyOnlyStepsCarryNoEntries_platformIsRequired() {
    assertThatThrownBy(() -> new SampleLayer("ENV", List.of(file("a", 1, 1)), true, true, true))
        .hasMessageContaining("a history-only step cannot carry entries");
    assertThatThrownBy(() -> new SampleImage("x", "linux", "", "", List.of()))
        .hasMessageContaining("sample image 'x': os and architecture are required (linux/)");
  }
}
