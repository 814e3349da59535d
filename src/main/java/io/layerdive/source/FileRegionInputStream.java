package io.layerdive.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Reads {@code [start, start+length)} of a file with positional reads, so that many streams can
 * read one {@link FileChannel} at once from several threads; skipping seeks.
 */
public final class FileRegionInputStream extends InputStream {
  private final FileChannel channel;
  private final long end;
  private final boolean ownsChannel;
  private long position;

  /** A stream over part of a channel others share; closing it leaves the channel open. */
  public FileRegionInputStream(FileChannel channel, long start, long length) {
    this(channel, start, length, false);
  }

  /**
   * @param ownsChannel whether closing this stream closes the channel
   */
  public FileRegionInputStream(FileChannel channel, long start, long length, boolean ownsChannel) {
    this.channel = channel;
    this.position = start;
    this.end = start + length;
    this.ownsChannel = ownsChannel;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) return 0;
    long left = end - position;
    if (left <= 0) return -1;
    ByteBuffer target = ByteBuffer.wrap(b, off, (int) Math.min(len, left));
    int n = channel.read(target, position);
    if (n < 0) return -1; // the file shrank
    position += n;
    return n;
  }

  @Override
  public long skip(long n) {
    long k = Math.max(0, Math.min(n, end - position));
    position += k;
    return k;
  }

  @Override
  public void close() throws IOException {
    if (ownsChannel) channel.close();
  }

  @Override
  public int available() {
    return (int) Math.min(Integer.MAX_VALUE, Math.max(0, end - position));
  }
}
