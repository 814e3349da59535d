package io.layerdive.source.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.layerdive.image.Digest;
import io.layerdive.image.Layer;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryLayersTest {
  private static Digest diff(char c) {
    return new Digest("sha256", String.valueOf(c).repeat(64));
  }

  private static List<String> commands(List<Layer> layers) {
    return layers.stream().map(Layer::createdBy).toList();
  }

  @Test
  void classicBuilderStepsWithEmptyLayers() {
    List<Layer> layers =
        HistoryLayers.match(
            List.of(diff('a'), diff('b'), diff('c'), diff('d')),
            List.of(
                new HistoryEntry("/bin/sh -c #(nop) COPY file:70 in /bin/busybox ", 1982256),
                new HistoryEntry("/bin/busybox --install -s /bin", 3216),
                new HistoryEntry("/bin/sh -c #(nop)  CMD [\"sh\"]", 0),
                new HistoryEntry("/bin/sh -c #(nop) ADD file:22 in /somefile.txt ", 17),
                new HistoryEntry("/bin/sh -c #(nop)  ENV A=b", 0),
                new HistoryEntry("/bin/sh -c rm -rf /root/example/", 0)));
    assertThat(commands(layers))
        .containsExactly(
            "/bin/sh -c #(nop) COPY file:70 in /bin/busybox ",
            "/bin/busybox --install -s /bin",
            "/bin/sh -c #(nop) ADD file:22 in /somefile.txt ",
            "/bin/sh -c rm -rf /root/example/");
    assertThat(layers).extracting(Layer::sizeBytes).containsExactly(1982256L, 3216L, 17L, 0L);
    assertThat(layers).extracting(Layer::index).containsExactly(0, 1, 2, 3);
    assertThat(layers.get(3).diffId()).isEqualTo(diff('d'));
  }

  @Test
  void buildkitMetadataStepsMakeNoLayer() {
    List<Layer> layers =
        HistoryLayers.match(
            List.of(diff('a'), diff('b')),
            List.of(
                new HistoryEntry("COPY busybox /bin/busybox # buildkit", 1982256),
                new HistoryEntry("ENV PATH=/bin", 0),
                new HistoryEntry("RUN /bin/sh -c true # buildkit", 0),
                new HistoryEntry("CMD [\"sh\"]", 0)));
    assertThat(commands(layers))
        .containsExactly("COPY busybox /bin/busybox # buildkit", "RUN /bin/sh -c true # buildkit");
  }

  @Test
  void zeroSizedStepsThatMadeNoLayerAreDroppedWhenTheSizedOnesFit() {
    List<Layer> layers =
        HistoryLayers.match(
            List.of(diff('a')),
            List.of(new HistoryEntry("WORKDIR /app", 0), new HistoryEntry("COPY . /app", 40)));
    assertThat(commands(layers)).containsExactly("COPY . /app");
  }

  @Test
  void unmatchableHistoryStillListsEveryLayer() {
    List<Layer> layers =
        HistoryLayers.match(
            List.of(diff('a'), diff('b'), diff('c')), List.of(new HistoryEntry("x", 5)));
    assertThat(layers).extracting(Layer::diffId).containsExactly(diff('a'), diff('b'), diff('c'));
    assertThat(commands(layers)).containsOnly("");
  }
}
