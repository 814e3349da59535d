package io.layerdive.source.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.layerdive.source.LoadListener;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ExportMonitorTest {
  private final List<String> phases = new ArrayList<>();
  private final LoadListener listener =
      new LoadListener() {
        @Override
        public void phase(String description) {
          phases.add(description);
        }
      };
  private long now = 0;

  private ExportMonitor monitor(long expected) {
    return new ExportMonitor("Exporting app:1 from the Docker daemon", expected, listener, () -> now);
  }

  @Test
  void saysTheDaemonPreparesThenCountsBytesAndRate() throws IOException {
    ExportMonitor m = monitor(4_000_000);
    now = TimeUnit.SECONDS.toNanos(3);
    m.tick();
    assertThat(phases)
        .containsExactly(
            "Exporting app:1 from the Docker daemon (the daemon prepares the export before the"
                + " first byte): 3 s");
    InputStream in = m.wrap(new ByteArrayInputStream(new byte[3_000_000]));
    byte[] buffer = new byte[1_000_000];
    assertThat(in.read(buffer)).isEqualTo(1_000_000);
    now += TimeUnit.SECONDS.toNanos(1);
    in.read(buffer);
    assertThat(phases.get(phases.size() - 1))
        .isEqualTo("Exporting app:1 from the Docker daemon: 2.0 MB of about 4.0 MB at 2.0 MB/s");
    m.tick();
    assertThat(phases).hasSize(2);
    assertThat(m.bytes()).isEqualTo(2_000_000);
    assertThat(m.failure()).isEmpty();
  }

  @Test
  void remembersTheErrorThatBrokeTheStream() {
    ExportMonitor m = monitor(-1);
    InputStream broken =
        m.wrap(
            new InputStream() {
              @Override
              public int read() throws IOException {
                throw new IOException("Premature end of chunk coded message body");
              }
            });
    assertThatThrownBy(broken::read).isInstanceOf(IOException.class);
    assertThat(m.failure()).get().extracting(Throwable::getMessage)
        .isEqualTo("Premature end of chunk coded message body");
  }

  @Test
  void abortsWhenTheWorkerIsInterrupted() throws Exception {
    ExportMonitor m = monitor(-1);
    Thread worker = new Thread(() -> {});
    worker.interrupt();
    CountDownLatch aborted = new CountDownLatch(1);
    m.start(worker, aborted::countDown);
    boolean done = aborted.await(30, TimeUnit.SECONDS);
    m.close();
    assertThat(done).isTrue();
  }
}
