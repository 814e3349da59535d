package io.layerdive.export;

import static io.layerdive.testing.Layers.dir;
import static io.layerdive.testing.Layers.file;
import static io.layerdive.testing.Layers.whiteout;
import static org.assertj.core.api.Assertions.assertThat;

import io.layerdive.analysis.ImageAnalyzer;
import io.layerdive.image.Diagnostic;
import io.layerdive.image.Image;
import io.layerdive.image.LayerChange;
import io.layerdive.testing.Golden;
import io.layerdive.testing.SyntheticImage;
import io.layerdive.tree.ImageFiles;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlainSummaryTest {

  private static String render(SyntheticImage synthetic, List<Diagnostic> diagnostics) {
    Image image = synthetic.image();
    ImageFiles files = synthetic.files();
    return PlainSummary.render(image, ImageAnalyzer.analyze(image, files), diagnostics);
  }

  @Test
  void summary() {
    SyntheticImage image =
        SyntheticImage.named("app.tar")
            .layer("/bin/sh -c #(nop) ADD file:ce02 in / ", dir("bin"), file("bin/sh", 1075464, 1))
            .layer("/bin/sh -c cp /src /root/saved.txt", file("root/saved.txt", 6405, 2))
            .layer(
                "/bin/sh -c apt-get update \\\n    && apt-get install -y curl",
                file("var/cache/apt/pkgcache.bin", 250_000, 3))
            .layer(
                "/bin/sh -c chmod +x /root/saved.txt && rm -rf /var/cache/apt",
                file("root/saved.txt", 6405, 2, 0755),
                whiteout("var/cache/apt"));

    Golden.assertMatches(
        PlainSummaryTest.class,
        "summary",
        render(image, List.of(new Diagnostic("layer 3", "whiteout of a path no layer below has"))));
  }

  @Test
  void onlyTheTenLargestInefficienciesAreListed() {
    List<LayerChange> first = new ArrayList<>();
    List<LayerChange> second = new ArrayList<>();
    for (int i = 1; i <= 12; i++) {
      first.add(file("f" + i, i * 1000L, i));
      second.add(file("f" + i, i * 1000L, i + 100));
    }
    SyntheticImage image =
        SyntheticImage.named("many")
            .layer("base")
            .layer("one", first.toArray(LayerChange[]::new))
            .layer("two", second.toArray(LayerChange[]::new));

    String text = render(image, List.of());

    assertThat(text)
        .contains("Inefficient files (largest 10 of 12):\n")
        .contains("/f12\n")
        .contains("/f3\n")
        .doesNotContain("/f2\n")
        .doesNotContain("Diagnostics");
  }

  @Test
  void longCommandsAreCutToOneShortLine() {
    SyntheticImage image = SyntheticImage.named("long").layer("RUN " + "x".repeat(300));

    String text = render(image, List.of());

    assertThat(text).contains("RUN " + "x".repeat(95) + "…\n");
  }

  @Test
  void compressedSizesStandBesideTheSizesWhenTheSourceKnowsThem() {
    SyntheticImage image =
        SyntheticImage.named("registry.example.com/app:1")
            .layer("ADD rootfs.tar /", file("bin/sh", 1_075_464, 1))
            .compressedTo(612_000)
            .layer("COPY app /app", file("app/main.js", 250_000, 2))
            .compressedTo(81_234);

    Golden.assertMatches(
        PlainSummaryTest.class,
        "compressedSizesStandBesideTheSizesWhenTheSourceKnowsThem",
        render(image, List.of()));
  }

  @Test
  void aLayerOfUnknownCompressedSizeLeavesTheTotalOut() {
    SyntheticImage image =
        SyntheticImage.named("mixed")
            .layer("ADD rootfs.tar /", file("bin/sh", 1_075_464, 1))
            .compressedTo(612_000)
            .layer("COPY app /app", file("app/main.js", 250_000, 2));

    String text = render(image, List.of());

    assertThat(text).doesNotContain("Compressed:").contains("Compressed  Command\n");
    assertThat(text).containsPattern("\\n      1 +250 kB +-  COPY app /app\\n");
  }
}
