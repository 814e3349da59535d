package io.layerdive.ui.lanterna;

import static org.assertj.core.api.Assertions.assertThat;

import io.layerdive.image.Digest;
import io.layerdive.image.Layer;
import io.layerdive.ui.Frame;
import io.layerdive.ui.Span;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LoadingViewTest {
  private static final long SECOND = 1_000_000_000L;
  private final AtomicLong clock = new AtomicLong(1000 * SECOND);
  private final LoadingState state = new LoadingState("Starting", clock::get);
  private final LoadingView view = new LoadingView("docker://nginx:1.27");

  private static Layer layer(int index, long size, String command) {
    return new Layer(
        index,
        "layer" + index,
        Digest.parse("sha256:" + Integer.toHexString(index + 10).repeat(64).substring(0, 64)),
        Optional.empty(),
        command,
        size,
        -1);
  }

  private static final List<Layer> LAYERS =
      List.of(
          layer(0, 74_800_000, "/bin/sh -c #(nop) ADD file:1a2b in / "),
          layer(1, 112_300_000, "/bin/sh -c apt-get update && apt-get install -y nginx\nrm -rf /var/lib/apt"),
          layer(2, 1_200, "/bin/sh -c #(nop) COPY file:3c4d in /etc/nginx/conf.d"));

  private Frame render(int width, int height) {
    return view.render(state.snapshot(), clock.get(), width, height);
  }

  @Test
  void atFirstOnlyWhatIsHappeningAndForHowLong() {
    clock.addAndGet(2 * SECOND);

    ScreenGolden.assertMatches(getClass(), "starting", render(60, 8).text());
  }

  @Test
  void theLayerListShowsAsSoonAsItIsKnownWithBytesRateAndABar() {
    state.phase("Exporting image");
    state.layersKnown(LAYERS);
    clock.addAndGet(3 * SECOND);
    state.progress(1_000_000, 188_101_200, 0, 3);
    clock.addAndGet(2 * SECOND);
    state.progress(90_000_000, 188_101_200, 1, 3);

    Frame frame = render(64, 12);

    ScreenGolden.assertMatches(getClass(), "reading", frame.text());
  }

  @Test
  void withoutATotalThereIsNoBarButStillTheBytes() {
    state.phase("Exporting image");
    state.progress(5_500_000, -1, 0, 0);

    String text = render(60, 6).text();

    assertThat(text).contains("5.5 MB").doesNotContain("█").doesNotContain("%");
  }

  @Test
  void narrowScreensCutLinesWithAnEllipsis() {
    state.phase("Exporting image");
    state.layersKnown(LAYERS);
    state.progress(90_000_000, 188_101_200, 1, 3);
    Glyphs glyphs = new Glyphs(StandardCharsets.UTF_8);

    Frame frame = render(24, 9);

    assertThat(frame.lines()).hasSize(9);
    for (List<Span> line : frame.lines()) {
      int width = line.stream().mapToInt(span -> glyphs.width(span.text())).sum();
      assertThat(width).isLessThanOrEqualTo(24);
    }
    assertThat(frame.text()).contains("…");
  }

  @Test
  void theCancelHintStaysOnTheLastLineWhenLayersDoNotFit() {
    state.layersKnown(LAYERS);

    Frame frame = render(40, 8);

    assertThat(frame.text().lines().reduce((a, b) -> b)).get().asString().contains("cancel");
  }

  @Test
  void sizesAndRateReadAsDiveWritesSizes() {
    state.phase("Exporting image");
    state.progress(1_000, 188_101_200, 0, 3);
    clock.addAndGet(2 * SECOND);
    state.progress(90_000_000, 188_101_200, 1, 3);

    String text = render(80, 6).text();

    assertThat(text).contains("90 MB of 188 MB").contains("45 MB/s");
  }
}
