package io.layerdive.source.daemon;

import io.layerdive.bytes.HumanBytes;
import io.layerdive.source.LoadListener;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Watches an export: tells the user the daemon is preparing it (it sends nothing until the whole
 * image is ready, seconds to minutes), then the bytes and rate as they arrive; notes whether the
 * stream broke; and aborts it when the loading thread is interrupted, since a read on a TCP socket
 * does not notice interrupts by itself.
 */
final class ExportMonitor implements AutoCloseable {
  private static final long TICK_MILLIS = 1000;
  private static final long REPORT_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

  private final String subject;
  private final long expectedBytes;
  private final LoadListener listener;
  private final LongSupplier clock;
  private final long startNanos;

  private volatile long bytes;
  private volatile long firstByteNanos = -1;
  private long lastReportNanos;
  private volatile IOException failure;
  private volatile Thread ticker;

  /**
   * @param subject "Exporting app:1 from the Docker daemon"
   * @param expectedBytes the image size the daemon reports, or -1
   */
  ExportMonitor(String subject, long expectedBytes, LoadListener listener, LongSupplier clock) {
    this.subject = subject;
    this.expectedBytes = expectedBytes;
    this.listener = listener;
    this.clock = clock;
    this.startNanos = clock.getAsLong();
  }

  /** Says the export started and ticks every second until closed, aborting when {@code worker} is interrupted. */
  void start(Thread worker, Runnable abort) {
    listener.phase(waitingPhase(0));
    Thread thread =
        new Thread(
            () -> {
              while (ticker == Thread.currentThread()) {
                try {
                  Thread.sleep(TICK_MILLIS);
                } catch (InterruptedException e) {
                  return;
                }
                if (ticker != Thread.currentThread()) {
                  return;
                }
                if (worker.isInterrupted()) {
                  abort.run();
                  return;
                }
                tick();
              }
            },
            "layerdive-export-monitor");
    thread.setDaemon(true);
    ticker = thread;
    thread.start();
  }

  /** One tick: while nothing has arrived, the seconds waited. */
  void tick() {
    if (firstByteNanos < 0) {
      listener.phase(waitingPhase(TimeUnit.NANOSECONDS.toSeconds(clock.getAsLong() - startNanos)));
    }
  }

  InputStream wrap(InputStream in) {
    return new Counting(in);
  }

  long bytes() {
    return bytes;
  }

  /** The read error that ended the stream, if one did. */
  Optional<IOException> failure() {
    return Optional.ofNullable(failure);
  }

  String waitingPhase(long seconds) {
    String waiting = subject + " (the daemon prepares the export before the first byte)";
    return seconds <= 0 ? waiting : waiting + ": " + seconds + " s";
  }

  String flowingPhase(long now) {
    StringBuilder sb = new StringBuilder(subject).append(": ").append(HumanBytes.format(bytes));
    if (expectedBytes > 0) {
      sb.append(" of about ").append(HumanBytes.format(expectedBytes));
    }
    long elapsed = now - firstByteNanos;
    if (elapsed > 0) {
      long rate = (long) (bytes / (elapsed / 1e9));
      sb.append(" at ").append(HumanBytes.format(rate)).append("/s");
    }
    return sb.toString();
  }

  private void counted(long n) {
    long now = clock.getAsLong();
    if (firstByteNanos < 0) {
      firstByteNanos = now;
      lastReportNanos = now;
    }
    bytes += n;
    if (now - lastReportNanos >= REPORT_INTERVAL_NANOS) {
      lastReportNanos = now;
      listener.phase(flowingPhase(now));
    }
  }

  @Override
  public void close() {
    Thread thread = ticker;
    ticker = null;
    if (thread != null) {
      thread.interrupt();
    }
  }

  private final class Counting extends FilterInputStream {
    Counting(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = guarded(() -> super.read());
      if (b >= 0) {
        counted(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = guarded(() -> super.read(buffer, offset, length));
      if (n > 0) {
        counted(n);
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = guarded(() -> (int) Math.min(Integer.MAX_VALUE, super.skip(n)));
      if (skipped > 0) {
        counted(skipped);
      }
      return skipped;
    }

    private int guarded(IoRead read) throws IOException {
      try {
        return read.run();
      } catch (IOException e) {
        if (failure == null) {
          failure = e;
        }
        throw e;
      }
    }
  }

  @FunctionalInterface
  private interface IoRead {
    int run() throws IOException;
  }
}
