package io.layerdive.ui.lanterna;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;

/**
 * Keeps whatever anything prints to {@code System.out} or {@code System.err} while the screen is
 * up from landing on it; the text is handed back once the terminal is restored.
 */
final class StreamCapture {
  private final PrintStream originalOut;
  private final PrintStream originalErr;
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  private final Charset charset;
  private boolean active;

  private StreamCapture(Charset charset) {
    this.originalOut = System.out;
    this.originalErr = System.err;
    this.charset = charset;
  }

  static StreamCapture start(Charset charset) {
    StreamCapture capture = new StreamCapture(charset);
    PrintStream sink = new PrintStream(capture.buffer, true, charset);
    System.setOut(sink);
    System.setErr(sink);
    capture.active = true;
    return capture;
  }

  /** Puts the original streams back; returns what was captured. Idempotent. */
  synchronized String stop() {
    if (active) {
      System.out.flush();
      System.setOut(originalOut);
      System.setErr(originalErr);
      active = false;
    }
    synchronized (buffer) {
      return buffer.toString(charset);
    }
  }

  /** The stream that was standard error before the capture. */
  PrintStream originalErr() {
    return originalErr;
  }
}
