package io.layerdive.source.registry;

import io.layerdive.image.Digest;
import io.layerdive.source.ImageReadException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * One layer blob as it downloads: never more than the manifest's size, hashed on the way through
 * and checked against the blob digest at its end. A broken or stalled connection is resumed with a
 * range request from where it broke, a bounded number of times; {@link #cancel} from another thread
 * ends a blocked read at once.
 *
 * <p>{@link #close} is a no-op so that a reader may close what it was given; the download's owner
 * ends the connection with {@link #release}.
 */
final class BlobStream extends InputStream {
  private final RegistryClient client;
  private final Digest digest;
  private final long size;
  private final String what;
  private final String subject;
  private final DownloadProgress progress;
  private final MessageDigest hasher;
  private int resumesLeft;
  private final int resumes;

  private volatile InputStream body;
  private volatile boolean cancelled;
  private volatile boolean stalled;
  private volatile long lastDataNanos = System.nanoTime();
  private long position;
  private boolean ended;
  private ImageReadException failure;
  private Digest mismatch;

  private BlobStream(
      RegistryClient client,
      Digest digest,
      long size,
      String what,
      String subject,
      DownloadProgress progress,
      int resumes) {
    this.client = client;
    this.digest = digest;
    this.size = size;
    this.what = what;
    this.subject = subject;
    this.progress = progress;
    this.resumes = resumes;
    this.resumesLeft = resumes;
    this.hasher = newHasher(digest);
  }

  /**
   * Sends the first request for the blob.
   *
   * @param what {@code layer 3}, for messages
   * @param subject the image, for messages
   */
  static BlobStream open(
      RegistryClient client,
      Digest digest,
      long size,
      String what,
      String subject,
      DownloadProgress progress,
      int resumes)
      throws ImageReadException {
    BlobStream s = new BlobStream(client, digest, size, what, subject, progress, resumes);
    HttpResponse<InputStream> response = client.openBlob(digest, 0, what);
    s.body = response.body();
    return s;
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
    while (true) {
      checkUsable();
      if (position == size) {
        end();
        return -1;
      }
      int n;
      try {
        n = body.read(b, off, (int) Math.min(len, size - position));
        if (n < 0) {
          throw new IOException("the connection ended early");
        }
      } catch (IOException e) {
        if (cancelled || Thread.currentThread().isInterrupted()) {
          throw new InterruptedIOException(what + ": cancelled");
        }
        resume(e);
        continue;
      }
      if (n > 0) {
        hasher.update(b, off, n);
        position += n;
        lastDataNanos = System.nanoTime();
        progress.bytes(n);
      }
      return n;
    }
  }

  /** Reads what the reader left unread, so that the digest can be checked. */
  void drain() throws IOException {
    byte[] buf = new byte[64 * 1024];
    while (read(buf, 0, buf.length) >= 0) {
      // discard
    }
  }

  /** The connection failure that ended the download for good, if that happened. */
  Optional<ImageReadException> failure() {
    return Optional.ofNullable(failure);
  }

  /** The digest the downloaded bytes had, when it is not the expected one. */
  Optional<Digest> mismatch() {
    return Optional.ofNullable(mismatch);
  }

  boolean isCancelled() {
    return cancelled;
  }

  /** Ends a blocked or future read from any thread; the reader sees an interruption. */
  void cancel() {
    cancelled = true;
    closeQuietly(body);
  }

  /**
   * Gives up the connection if no byte arrived for {@code timeoutNanos}; the reading thread then
   * resumes or fails. Called by a watchdog thread.
   */
  void checkStalled(long nowNanos, long timeoutNanos) {
    if (!ended && !cancelled && nowNanos - lastDataNanos > timeoutNanos) {
      stalled = true;
      lastDataNanos = nowNanos;
      closeQuietly(body);
    }
  }

  /** Ends the connection. */
  void release() {
    ended = true;
    closeQuietly(body);
  }

  @Override
  public void close() {
    // The owner releases the connection; a reader closing its input must not stop the digest check.
  }

  private void checkUsable() throws IOException {
    if (cancelled) throw new InterruptedIOException(what + ": cancelled");
    if (failure != null) throw new IOException(failure.getMessage(), failure);
    if (mismatch != null) throw new IOException(what + ": digest mismatch");
  }

  private void end() throws IOException {
    if (ended) return;
    ended = true;
    Digest actual = Digest.sha256(hasher.digest());
    if (digest.algorithm().equals("sha256") && !actual.equals(digest)) {
      mismatch = actual;
      throw new IOException(what + ": digest mismatch");
    }
  }

  private void resume(IOException cause) throws IOException {
    boolean wasStalled = stalled;
    stalled = false;
    closeQuietly(body);
    if (resumesLeft == 0) {
      String why =
          wasStalled
              ? "no data for " + client.stallTimeoutText()
              : "connection lost: " + NetworkErrors.detail(cause);
      failure =
          new ImageReadException(
              subject
                  + ": "
                  + what
                  + " blob "
                  + digest.shortHex(12)
                  + " broke off after "
                  + position
                  + " of "
                  + size
                  + " bytes ("
                  + why
                  + (resumes == 0
                      ? ""
                      : resumes == 1 ? ", resumed once" : ", resumed " + resumes + " times")
                  + "); try again",
              cause);
      throw new IOException(failure.getMessage(), failure);
    }
    resumesLeft--;
    HttpResponse<InputStream> response;
    try {
      response = client.openBlob(digest, position, what);
    } catch (ImageReadException e) {
      failure = e;
      throw new IOException(e.getMessage(), e);
    }
    InputStream next = response.body();
    body = next; // before anything blocks on it, so that cancel and the watchdog reach it
    lastDataNanos = System.nanoTime();
    if (cancelled) closeQuietly(next);
    if (response.statusCode() == 206) {
      String range = response.headers().firstValue("Content-Range").orElse("");
      if (!range.startsWith("bytes " + position + "-")) {
        closeQuietly(next);
        failure =
            new ImageReadException(
                subject
                    + ": "
                    + what
                    + " blob "
                    + digest.shortHex(12)
                    + ": the registry resumed at the wrong place ("
                    + range
                    + ")");
        throw new IOException(failure.getMessage(), failure);
      }
    } else if (position > 0) {
      // The registry ignored the range: skip what was read already (not hashed twice).
      long toSkip = position;
      byte[] buf = new byte[64 * 1024];
      while (toSkip > 0) {
        int n = next.read(buf, 0, (int) Math.min(buf.length, toSkip));
        if (n < 0) throw new IOException("the blob ended before the resume point");
        toSkip -= n;
      }
    }
  }

  private static MessageDigest newHasher(Digest digest) {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }

  private static void closeQuietly(InputStream in) {
    if (in == null) return;
    try {
      in.close();
    } catch (IOException ignored) {
      // The connection is dropped either way.
    }
  }
}
