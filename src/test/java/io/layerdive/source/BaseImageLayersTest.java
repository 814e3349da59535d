package io.layerdive.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BaseImageLayersTest {
  private static HistoryJson layer(String createdBy) {
    return new HistoryJson("", createdBy, "", "", false);
  }

  private static HistoryJson empty(String createdBy) {
    return new HistoryJson("", createdBy, "", "", true);
  }

  private static int count(List<HistoryJson> history) {
    int layers = (int) history.stream().filter(h -> !h.emptyLayer()).count();
    return BaseImageLayers.count(history, layers);
  }

  @Test
  void classicBuilder_twoBaseLayersEndAtTheBaseCmd() {
    List<HistoryJson> history =
        List.of(
            layer("/bin/sh -c #(nop) ADD file:1c8507e3e9 in / "),
            layer("/bin/sh -c mkdir -p /opt/base"),
            empty("/bin/sh -c #(nop)  CMD [\"sh\"]"),
            empty("/bin/sh -c #(nop) WORKDIR /app"),
            layer("/bin/sh -c #(nop) COPY file:ab12 in /app "),
            layer("/bin/sh -c npm ci"));

    assertThat(count(history)).isEqualTo(2);
  }

  @Test
  void buildKit_writesTheBaseCmdWithoutNop() {
    List<HistoryJson> history =
        List.of(
            layer("/bin/sh -c #(nop) ADD file:1c8507e3e9 in / "),
            empty("CMD [\"sh\"]"),
            empty("WORKDIR /app"),
            layer("COPY package.json ./ # buildkit"),
            layer("RUN /bin/sh -c npm ci # buildkit"));

    assertThat(count(history)).isEqualTo(1);
  }

  @Test
  void noCmdOrEntrypoint_leavesLayerZeroAlone() {
    List<HistoryJson> history =
        List.of(
            layer("/bin/sh -c #(nop) ADD file:1c8507e3e9 in / "),
            layer("/bin/sh -c apk add curl"),
            empty("ENV A=b"),
            layer("RUN /bin/sh -c make # buildkit"));

    assertThat(count(history)).isEqualTo(1);
  }

  @Test
  void theDockerfilesOwnClosingCmd_doesNotEndTheBase() {
    List<HistoryJson> history =
        List.of(
            layer("/bin/sh -c #(nop) ADD file:1c8507e3e9 in / "),
            layer("/bin/sh -c mkdir -p /opt/base"),
            empty("/bin/sh -c #(nop)  CMD [\"sh\"]"),
            layer("RUN /bin/sh -c make # buildkit"),
            layer("RUN /bin/sh -c make install # buildkit"),
            empty("ENTRYPOINT [\"/app\"]"),
            empty("CMD [\"--help\"]"));

    assertThat(count(history)).isEqualTo(2);
  }

  @Test
  void multiStage_theFinalStagesBaseCounts_notTheBuildStages() {
    // What a final stage FROM node (debian, then node's own layers) keeps: only its own stage.
    List<HistoryJson> history =
        List.of(
            layer("/bin/sh -c #(nop) ADD file:debian in / "),
            empty("/bin/sh -c #(nop)  CMD [\"bash\"]"),
            empty("ENV NODE_VERSION=20.11.0"),
            layer("RUN /bin/sh -c groupadd node # buildkit"),
            layer("RUN /bin/sh -c curl node | tar -x # buildkit"),
            layer("COPY docker-entrypoint.sh /usr/local/bin/ # buildkit"),
            empty("ENTRYPOINT [\"docker-entrypoint.sh\"]"),
            empty("CMD [\"node\"]"),
            empty("WORKDIR /app"),
            layer("COPY /app/dist /app/dist # buildkit"),
            empty("CMD [\"node\", \"dist/main.js\"]"));

    assertThat(count(history)).isEqualTo(4);
  }

  @Test
  void emptyOrShortHistory_leavesLayerZeroAlone() {
    assertThat(BaseImageLayers.count(List.of(), 3)).isEqualTo(1);
    assertThat(BaseImageLayers.count(List.of(), 0)).isZero();
    // More base layers in the history than the image has (a damaged or rewritten history).
    List<HistoryJson> history = new ArrayList<>();
    for (int i = 0; i < 4; i++) history.add(layer("/bin/sh -c step " + i));
    history.add(empty("CMD [\"sh\"]"));
    history.add(layer("RUN /bin/sh -c make # buildkit"));
    assertThat(BaseImageLayers.count(history, 2)).isEqualTo(2);
  }

  @Test
  void recognisesCmdAndEntrypointOnly() {
    assertThat(BaseImageLayers.isEndOfBase("/bin/sh -c #(nop)  CMD [\"sh\"]")).isTrue();
    assertThat(BaseImageLayers.isEndOfBase("/bin/sh -c #(nop)  ENTRYPOINT [\"/e\"]")).isTrue();
    assertThat(BaseImageLayers.isEndOfBase("CMD [\"sh\"]")).isTrue();
    assertThat(BaseImageLayers.isEndOfBase("ENTRYPOINT [\"/e\"]")).isTrue();
    assertThat(BaseImageLayers.isEndOfBase("/bin/sh -c #(nop)  ENV CMD=x")).isFalse();
    assertThat(BaseImageLayers.isEndOfBase("RUN /bin/sh -c echo CMD # buildkit")).isFalse();
    assertThat(BaseImageLayers.isEndOfBase("CMDLINE=1")).isFalse();
    assertThat(BaseImageLayers.isEndOfBase(null)).isFalse();
  }
}
