package io.layerdive.sample;

import io.layerdive.image.Digest;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Passes bytes on while counting them and computing their SHA-256. */
final class HashingOutputStream extends OutputStream {
  private final OutputStream out;
  private final MessageDigest sha256 = newSha256();
  private long count;

  HashingOutputStream(OutputStream out) {
    this.out = out;
  }

  @Override
  public void write(int b) throws IOException {
    sha256.update((byte) b);
    count++;
    out.write(b);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    sha256.update(b, off, len);
    count += len;
    out.write(b, off, len);
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  @Override
  public void close() throws IOException {
    out.close();
  }

  long count() {
    return count;
  }

  /** The digest of everything written; call once, at the end. */
  Digest digest() {
    return Digest.sha256(sha256.digest());
  }

  static Digest sha256(byte[] data) {
    return Digest.sha256(newSha256().digest(data));
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }
}
