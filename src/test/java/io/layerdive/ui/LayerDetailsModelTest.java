package io.layerdive.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.layerdive.image.Digest;
import io.layerdive.image.Layer;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LayerDetailsModelTest {
  private static final Digest DIFF_ID = Digest.parse("sha256:" + "ab".repeat(32));
  private static final Digest BLOB = Digest.parse("sha256:" + "cd".repeat(32));

  private static List<String> text(Layer layer) {
    LayerDetailsModel details = new LayerDetailsModel(List.of("app:1"), 2);
    details.show(layer);
    return details.lines().stream()
        .map(spans -> spans.stream().map(Span::text).collect(Collectors.joining()))
        .toList();
  }

  @Test
  void compressedSizeStandsBesideTheSizeWhenTheSourceKnowsIt() {
    // A registry layer: the manifest gives the blob's size, what a pull costs.
    Layer pulled =
        new Layer(0, BLOB.hex(), DIFF_ID, Optional.of(BLOB), "ADD rootfs.tar /", 1154361, 763173);

    assertThat(text(pulled)).contains("Size:    1.2 MB (763 kB compressed)");
  }

  @Test
  void noCompressedSizeWhenTheSourceDoesNotKnowIt() {
    Layer saved = new Layer(1, "abc", DIFF_ID, Optional.empty(), "RUN true", 6405, -1);

    assertThat(text(saved)).contains("Size:    6.4 kB").doesNotContain("Digest:  ");
    assertThat(String.join("\n", text(saved))).doesNotContain("compressed");
  }

  @Test
  void aPlainTarBlobIsStoredNotCompressed() {
    // docker save: the blob is the layer tar itself, its headers making it larger than the files.
    Layer saved = new Layer(1, "abc", DIFF_ID, Optional.of(DIFF_ID), "RUN true", 6405, 8704);
    Layer unknownBlob = new Layer(1, "abc", DIFF_ID, Optional.empty(), "RUN true", 6405, 8704);

    assertThat(text(saved)).contains("Size:    6.4 kB (8.7 kB stored)");
    assertThat(text(unknownBlob)).contains("Size:    6.4 kB (8.7 kB stored)");
  }

  @Test
  void detailsComeInDivesOrder() {
    Layer pulled = new Layer(1, "abc", DIFF_ID, Optional.of(BLOB), "/bin/sh -c true", 6405, 2000);

    assertThat(text(pulled))
        .extracting(line -> line.split(":")[0])
        .containsExactly("Tags", "Id", "Size", "Digest", "Diff ID", "Command", "true");
  }
}
