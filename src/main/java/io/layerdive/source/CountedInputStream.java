package io.layerdive.source;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongConsumer;

/**
 * A stream that reports how many bytes have been read or skipped so far: once every {@code step}
 * bytes, so that a fast reader does not spend its time reporting, and once more at the end or on
 * close.
 */
public final class CountedInputStream extends FilterInputStream {
  private final long step;
  private final LongConsumer report;
  private long count;
  private long reported;

  /**
   * @param step how many bytes pass between two reports (1: every read)
   * @param report receives the bytes read so far
   */
  public CountedInputStream(InputStream in, long step, LongConsumer report) {
    super(in);
    this.step = Math.max(1, step);
    this.report = report;
  }

  /** Reports to a listener, as one of one layer, against {@code total} (-1: unknown). */
  public static CountedInputStream toListener(InputStream in, long total, LoadListener listener) {
    return new CountedInputStream(in, 64 << 10, done -> listener.progress(done, total, 0, 1));
  }

  /** The bytes read or skipped so far. */
  public long count() {
    return count;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    passed(b < 0 ? -1 : 1);
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    passed(n);
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(n);
    passed(skipped);
    return skipped;
  }

  @Override
  public void close() throws IOException {
    passed(-1);
    super.close();
  }

  /** {@code n} bytes more; a negative {@code n} is the end of the stream. */
  private void passed(long n) {
    if (n > 0) count += n;
    if (count > reported && (count - reported >= step || n < 0)) {
      reported = count;
      report.accept(count);
    }
  }
}
