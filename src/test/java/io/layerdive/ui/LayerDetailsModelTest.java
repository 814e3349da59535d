package io.layerdive.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.layerdive.image.Digest;
import io.layerdive.image.Layer;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LayerDetailsModelTest {
  private static final Digest TAR = Digest.parse("sha256:" + "a".repeat(64));
  private static final Digest GZIP = Digest.parse("sha256:" + "b".repeat(64));

  private static String sizeLine(Optional<Digest> blob, long stored) {
    LayerDetailsModel model = new LayerDetailsModel(List.of(), 1);
    model.show(new Layer(0, "id", TAR, blob, "/bin/sh -c true", 6_400, stored));
    for (List<Span> line : model.lines()) {
      if (line.get(0).text().startsWith("Size:")) return line.get(0).text() + line.get(1).text();
    }
    throw new AssertionError("no Size line");
  }

  @Test
  void aCompressedBlobShowsItsCompressedSize() {
    assertThat(sizeLine(Optional.of(GZIP), 2_100)).isEqualTo("Size:    6.4 kB (2.1 kB compressed)");
  }

  @Test
  void aPlainTarBlobIsNotCalledCompressed() {
    assertThat(sizeLine(Optional.of(TAR), 8_700)).isEqualTo("Size:    6.4 kB (8.7 kB stored)");
    assertThat(sizeLine(Optional.empty(), 8_700)).isEqualTo("Size:    6.4 kB (8.7 kB stored)");
  }

  @Test
  void anUnknownStoredSizeIsLeftOut() {
    assertThat(sizeLine(Optional.of(GZIP), -1)).isEqualTo("Size:    6.4 kB");
  }
}
