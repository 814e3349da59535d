package io.layerdive.ui;

import static io.layerdive.testing.Layers.file;
import static org.assertj.core.api.Assertions.assertThat;

import io.layerdive.analysis.ImageAnalyzer;
import io.layerdive.testing.SyntheticImage;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ImageDetailsModelTest {

  private static List<String> text(SyntheticImage synthetic) {
    ImageDetailsModel details =
        new ImageDetailsModel(
            synthetic.image(),
            ImageAnalyzer.analyze(synthetic.image(), synthetic.files()),
            List.of());
    return details.lines().stream()
        .map(spans -> spans.stream().map(Span::text).collect(Collectors.joining()))
        .toList();
  }

  @Test
  void whatAPullDownloadsStandsBesideTheSizeWhenEveryLayerTellsIt() {
    SyntheticImage pulled =
        SyntheticImage.named("registry.example.com/app:1")
            .layer("ADD rootfs.tar /", file("bin/sh", 1_075_464, 1))
            .compressedTo(612_000)
            .layer("COPY app /app", file("app/main.js", 250_000, 2))
            .compressedTo(81_234);

    assertThat(text(pulled)).contains("Total Image size: 1.3 MB (693 kB compressed)");
  }

  @Test
  void noTotalWhenALayerDoesNotTellIt() {
    SyntheticImage saved =
        SyntheticImage.named("app.tar")
            .layer("ADD rootfs.tar /", file("bin/sh", 1_075_464, 1))
            .compressedTo(612_000)
            .layer("COPY app /app", file("app/main.js", 250_000, 2));

    assertThat(text(saved)).contains("Total Image size: 1.3 MB");
    assertThat(String.join("\n", text(saved))).doesNotContain("compressed");
  }
}
