package io.layerdive.cli;

import java.io.FileInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * A pipe ({@code /dev/stdin}, a FIFO) opened as a stream that never seeks, which a pipe refuses
 * ("Illegal seek"): {@link #skip} reads and drops, and {@link #available} asks the pipe (the
 * channel stream of {@code Files.newInputStream} seeks for both).
 */
final class PipeInputStream extends FilterInputStream {
  private static final int SKIP_BUFFER = 64 * 1024;
  private byte[] discard;

  private PipeInputStream(InputStream in) {
    super(in);
  }

  static InputStream open(Path pipe) throws IOException {
    return new PipeInputStream(new FileInputStream(pipe.toFile()));
  }

  @Override
  public long skip(long n) throws IOException {
    if (n <= 0) return 0;
    if (discard == null) discard = new byte[SKIP_BUFFER];
    long left = n;
    while (left > 0) {
      int read = in.read(discard, 0, (int) Math.min(discard.length, left));
      if (read < 0) break;
      left -= read;
    }
    return n - left;
  }
}
