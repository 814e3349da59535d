package io.layerdive.source;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A stream that tells a listener every byte read or skipped, against a known total or -1: the
 * progress of reading one layer again, where a single reader needs no batching.
 */
public final class CountedInputStream extends FilterInputStream {
  private final long total;
  private final LoadListener listener;
  private long done;

  public CountedInputStream(InputStream in, long total, LoadListener listener) {
    super(in);
    this.total = total;
    this.listener = listener;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    if (n > 0) passed(n);
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(n);
    if (skipped > 0) passed(skipped);
    return skipped;
  }

  private void passed(long n) {
    done += n;
    listener.progress(done, total, 0, 1);
  }
}
