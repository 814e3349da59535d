package io.layerdive.sample;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Lets a nested writer (a compressor, an inner tar) finish without closing the stream beneath. */
final class UnclosableOutputStream extends FilterOutputStream {
  UnclosableOutputStream(OutputStream out) {
    super(out);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    out.write(b, off, len);
  }

  @Override
  public void close() throws IOException {
    out.flush();
  }
}
