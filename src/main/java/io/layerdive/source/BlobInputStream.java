package io.layerdive.source;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A layer blob as stored: counts and SHA-256-hashes every byte that passes, and lets the first
 * bytes be looked at before a decompressor takes over. {@link #available()} is honest, which {@link
 * java.util.zip.GZIPInputStream} needs to find the members of a multi-member gzip (eStargz).
 */
final class BlobInputStream extends InputStream {
  private final InputStream in;
  private MessageDigest sha256;
  private Sha256Pipe pipe;
  private final byte[] head = new byte[Compression.MAGIC_LENGTH];
  private int headLength;
  private int headPos;
  private long count;
  private byte[] skipBuffer;

  BlobInputStream(InputStream in) throws IOException {
    this.in = in;
    while (headLength < head.length) {
      int n = in.read(head, headLength, head.length - headLength);
      if (n < 0) break;
      headLength += n;
    }
    count = headLength;
  }

  /** Starts hashing, on a helper thread when {@code pipelined}; must be called before reading. */
  void startHashing(boolean pipelined) {
    if (pipelined) {
      pipe = new Sha256Pipe();
      pipe.update(head, 0, headLength);
    } else {
      sha256 = newSha256();
      sha256.update(head, 0, headLength);
    }
  }

  static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }

  /** The first bytes of the blob (fewer when the blob is shorter). */
  byte[] head() {
    return java.util.Arrays.copyOf(head, headLength);
  }

  Compression compression() {
    return Compression.sniff(head, headLength);
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) return 0;
    if (headPos < headLength) {
      int n = Math.min(len, headLength - headPos);
      System.arraycopy(head, headPos, b, off, n);
      headPos += n;
      return n;
    }
    int n = in.read(b, off, len);
    if (n > 0) {
      if (pipe != null) pipe.update(b, off, n);
      else sha256.update(b, off, n);
      count += n;
    }
    return n;
  }

  /** Skips by reading, so that skipped bytes are hashed too. */
  @Override
  public long skip(long n) throws IOException {
    if (skipBuffer == null) skipBuffer = new byte[64 * 1024];
    long done = 0;
    while (done < n) {
      int k = read(skipBuffer, 0, (int) Math.min(skipBuffer.length, n - done));
      if (k < 0) break;
      done += k;
    }
    return done;
  }

  @Override
  public int available() throws IOException {
    return (headLength - headPos) + in.available();
  }

  /** Reads to the end; returns how many bytes that was. */
  long drain() throws IOException {
    long before = count;
    headPos = headLength;
    skip(Long.MAX_VALUE);
    return count - before;
  }

  long count() {
    return count;
  }

  byte[] digest() {
    return pipe != null ? pipe.digest() : sha256.digest();
  }

  /** Stops a helper thread, if any, when the blob is given up. */
  void abandon() {
    if (pipe != null) pipe.abandon();
  }

  @Override
  public void close() throws IOException {
    abandon();
    in.close();
  }
}
