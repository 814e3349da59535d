package io.layerdive.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CountedInputStreamTest {
  private final List<Long> reports = new ArrayList<>();

  private InputStream counted(int size, long step) {
    return new CountedInputStream(new ByteArrayInputStream(new byte[size]), step, reports::add);
  }

  @Test
  void reportsOncePerStepAndOnceMoreAtTheEnd() throws IOException {
    try (InputStream in = counted(10, 4)) {
      byte[] buf = new byte[3];
      while (in.read(buf) >= 0) {
        // reading in threes: 3, 6, 9, 10, end
      }
    }
    assertThat(reports).containsExactly(6L, 10L);
  }

  @Test
  void singleBytesAndSkipsCount() throws IOException {
    try (InputStream in = counted(10, 1)) {
      in.read();
      in.skip(5);
      in.read();
    }
    assertThat(reports).containsExactly(1L, 6L, 7L);
  }

  @Test
  void closingEarlyReportsWhatWasRead() throws IOException {
    try (InputStream in = counted(100, 64)) {
      in.readNBytes(10);
    }
    assertThat(reports).containsExactly(10L);
  }

  @Test
  void aListenerHearsTheBytesAgainstTheTotal() throws IOException {
    List<long[]> heard = new ArrayList<>();
    LoadListener listener =
        new LoadListener() {
          @Override
          public void progress(long done, long total, int layersDone, int layersTotal) {
            heard.add(new long[] {done, total, layersDone, layersTotal});
          }
        };
    try (InputStream in =
        CountedInputStream.toListener(new ByteArrayInputStream(new byte[5]), 7, listener)) {
      in.readAllBytes();
    }
    assertThat(heard).singleElement().isEqualTo(new long[] {5, 7, 0, 1});
  }
}
