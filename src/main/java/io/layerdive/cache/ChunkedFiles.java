package io.layerdive.cache;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Cache files read and written a bounded chunk at a time. A file channel given a heap buffer copies
 * it through a temporary direct buffer as large as the transfer, which the JDK then keeps for the
 * thread: read or written in one call, the frozen trees of a million files (54 MB) would take as
 * much native memory again beside the heap's copy, for the rest of the process.
 */
final class ChunkedFiles {
  static final int CHUNK = 1 << 20;

  private ChunkedFiles() {}

  /** The whole of {@code file}; as much as there was should it shrink while being read. */
  static byte[] read(Path file) throws IOException {
    try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = in.size();
      if (size > Integer.MAX_VALUE - 8) throw new IOException(file + ": too large (" + size + ")");
      byte[] out = new byte[(int) size];
      int pos = 0;
      while (pos < out.length) {
        int n = in.read(ByteBuffer.wrap(out, pos, Math.min(CHUNK, out.length - pos)));
        if (n < 0) return Arrays.copyOf(out, pos);
        pos += n;
      }
      return out;
    }
  }

  /** Writes what remains of {@code src} at the channel's position. */
  static void write(FileChannel out, ByteBuffer src) throws IOException {
    while (src.hasRemaining()) {
      ByteBuffer chunk = src.duplicate();
      chunk.limit(src.position() + Math.min(CHUNK, src.remaining()));
      src.position(src.position() + out.write(chunk));
    }
  }

  /** Writes what remains of {@code src} at {@code position}, leaving the channel's position. */
  static void write(FileChannel out, ByteBuffer src, long position) throws IOException {
    while (src.hasRemaining()) {
      ByteBuffer chunk = src.duplicate();
      chunk.limit(src.position() + Math.min(CHUNK, src.remaining()));
      int n = out.write(chunk, position);
      src.position(src.position() + n);
      position += n;
    }
  }
}
