package io.layerdive.source;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;

/**
 * Counts the bytes read for a progress display, in steps so that threads do not contend on every
 * read, and stops with {@link Cancelled} once a shared flag is raised.
 */
final class ProgressInputStream extends InputStream {
  private static final int STEP = 1 << 20;

  /** Reading stopped because another layer failed. */
  static final class Cancelled extends IOException {
    private static final long serialVersionUID = 1L;

    Cancelled() {
      super("cancelled");
    }
  }

  private final InputStream in;
  private final LongConsumer progress;
  private final AtomicBoolean cancelled;
  private long pending;

  ProgressInputStream(InputStream in, LongConsumer progress, AtomicBoolean cancelled) {
    this.in = in;
    this.progress = progress;
    this.cancelled = cancelled;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (cancelled.get()) throw new Cancelled();
    int n = in.read(b, off, len);
    if (n > 0) {
      pending += n;
      if (pending >= STEP) flush();
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long k = in.skip(n);
    pending += k;
    return k;
  }

  @Override
  public int available() throws IOException {
    return in.available();
  }

  private void flush() {
    if (pending > 0) {
      progress.accept(pending);
      pending = 0;
    }
  }

  @Override
  public void close() throws IOException {
    flush();
    in.close();
  }
}
