package io.layerdive.source;

import java.security.MessageDigest;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * SHA-256 computed on a helper thread. Hashing is the costliest step of reading a layer (about 1.7
 * GB/s with the CPU's SHA instructions, against 10 GB/s for XXH64), so handing it to a second core
 * lets one large layer be read at the speed of the parsing alone. Bytes are copied into a few fixed
 * chunks that travel between the two threads; memory stays bounded.
 */
final class Sha256Pipe {
  private static final int CHUNK = 256 * 1024;
  private static final int CHUNKS = 4;
  private static final byte[] END = new byte[0];
  private static final ExecutorService WORKERS =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "layer-sha256");
            t.setDaemon(true);
            return t;
          });

  private record Chunk(byte[] data, int length) {}

  private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(CHUNKS);
  private final BlockingQueue<Chunk> full = new ArrayBlockingQueue<>(CHUNKS + 1);
  private final Future<byte[]> result;
  private byte[] current;
  private int fill;

  Sha256Pipe() {
    for (int i = 0; i < CHUNKS; i++) free.add(new byte[CHUNK]);
    result = WORKERS.submit(this::hashAll);
  }

  private byte[] hashAll() throws InterruptedException {
    MessageDigest sha = BlobInputStream.newSha256();
    while (true) {
      Chunk c = full.take();
      if (c.data() == END) return sha.digest();
      sha.update(c.data(), 0, c.length());
      free.put(c.data());
    }
  }

  void update(byte[] b, int off, int len) {
    while (len > 0) {
      if (current == null) current = take();
      int n = Math.min(len, CHUNK - fill);
      System.arraycopy(b, off, current, fill, n);
      fill += n;
      off += n;
      len -= n;
      if (fill == CHUNK) send();
    }
  }

  private byte[] take() {
    try {
      return free.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while hashing", e);
    }
  }

  private void send() {
    try {
      full.put(new Chunk(current, fill));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while hashing", e);
    }
    current = null;
    fill = 0;
  }

  /** Waits for the helper and returns the digest of everything given. */
  byte[] digest() {
    if (current != null && fill > 0) send();
    current = END;
    fill = 0;
    send();
    try {
      return result.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while hashing", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("hashing failed", e.getCause());
    }
  }

  /** Stops the helper when the layer is given up. */
  void abandon() {
    result.cancel(true);
  }
}
