package io.layerdive.source.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.layerdive.image.Diagnostic;
import io.layerdive.image.Digest;
import io.layerdive.image.Image;
import io.layerdive.image.ImageConfig;
import io.layerdive.image.Layer;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CachedImageTest {
  private static Image image() {
    List<Layer> layers =
        List.of(
            new Layer(0, "a", Digest.parse("sha256:" + "1".repeat(64)), Optional.empty(),
                "COPY busybox /bin/busybox", 100, 60),
            new Layer(1, "b", Digest.parse("sha256:" + "2".repeat(64)),
                Optional.of(Digest.parse("sha256:" + "3".repeat(64))), "RUN make", 200, -1),
            new Layer(2, "c", Digest.parse("sha256:" + "4".repeat(64)), Optional.empty(),
                "RUN make install", 300, 90));
    return new Image(
        "app:1",
        new ImageConfig("linux", "amd64", List.of("app:1", "app:latest"), 2),
        layers,
        List.of(new Diagnostic("app:1", "layer 2: odd")));
  }

  @Test
  void roundTripKeepsEverything_includingTheBaseImagesLayers() {
    Image image = image();

    Optional<Image> decoded = CachedImage.decode(CachedImage.encode(image));

    assertThat(decoded).contains(image);
    assertThat(decoded.get().config().baseLayers()).isEqualTo(2);
  }

  @Test
  void bytesOfAnotherEncodingOrCutShortAreRefused() {
    byte[] bytes = CachedImage.encode(image());
    byte[] otherVersion = bytes.clone();
    otherVersion[3] ^= 0x7f;

    assertThat(CachedImage.decode(otherVersion)).isEmpty();
    assertThat(CachedImage.decode(Arrays.copyOf(bytes, bytes.length - 1))).isEmpty();
  }
}
