package io.layerdive.source.registry;

import io.layerdive.image.Digest;
import io.layerdive.image.LayerReceiver;
import io.layerdive.source.ImageReadException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Downloads layer blobs a few at a time and reads each as it arrives. The first failure, or an
 * interruption of the calling thread, cancels every download still running; no thread outlives
 * {@link #run}.
 */
final class LayerDownloads {
  private static final long SHUTDOWN_WAIT_SECONDS = 30;

  /**
   * One distinct blob to fetch.
   *
   * @param what {@code layer 3} (or {@code layers 2, 5} for a blob used twice), for messages
   * @param positions how many manifest positions use the blob
   */
  record Job(Digest blob, long size, Digest diffId, String what, int positions) {}

  private final RegistryClient client;
  private final RegistryOptions options;
  private final LayerStreamReader reader;
  private final String subject;
  private final Set<BlobStream> active = ConcurrentHashMap.newKeySet();
  // Set before the active streams are cancelled, checked after a stream is registered: a
  // download starting during cancellation is cancelled by one side or the other, even when an
  // interrupt is lost inside the HTTP client.
  private volatile boolean cancelled;
  private final List<Thread> threads = new CopyOnWriteArrayList<>();

  LayerDownloads(
      RegistryClient client, RegistryOptions options, LayerStreamReader reader, String subject) {
    this.client = client;
    this.options = options;
    this.reader = reader;
    this.subject = subject;
  }

  <T> Map<Digest, LayerResult<T>> run(
      List<Job> jobs, LayerReceiver<T> receiver, DownloadProgress progress)
      throws ImageReadException {
    Map<Digest, LayerResult<T>> results = new LinkedHashMap<>();
    if (jobs.isEmpty()) return results;
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.min(options.parallelDownloads(), jobs.size()), threads("layerdive-download"));
    ScheduledExecutorService watchdog =
        Executors.newSingleThreadScheduledExecutor(threads("layerdive-download-watchdog"));
    long stallNanos = options.stallTimeout().toNanos();
    long tick = Math.max(10, Math.min(1000, options.stallTimeout().toMillis() / 4));
    watchdog.scheduleWithFixedDelay(
        () -> {
          long now = System.nanoTime();
          for (BlobStream s : active) s.checkStalled(now, stallNanos);
        },
        tick,
        tick,
        TimeUnit.MILLISECONDS);
    CompletionService<Done<T>> done = new ExecutorCompletionService<>(pool);
    List<Future<Done<T>>> futures = new ArrayList<>();
    try {
      for (Job job : jobs) {
        futures.add(done.submit(() -> new Done<>(job, download(job, receiver, progress))));
      }
      for (int i = 0; i < jobs.size(); i++) {
        Done<T> d;
        try {
          d = done.take().get();
        } catch (ExecutionException e) {
          throw unwrap(e.getCause());
        }
        results.put(d.job().blob(), d.result());
        progress.layersDone(d.job().positions());
      }
      return results;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ImageReadException(subject + ": cancelled", e);
    } finally {
      cancelled = true;
      for (BlobStream s : active) s.cancel();
      for (Future<Done<T>> f : futures) f.cancel(true);
      pool.shutdownNow();
      watchdog.shutdownNow();
      awaitQuietly(pool);
      awaitQuietly(watchdog);
      joinQuietly(threads);
    }
  }

  private record Done<T>(Job job, LayerResult<T> result) {}

  private <T> LayerResult<T> download(Job job, LayerReceiver<T> receiver, DownloadProgress progress)
      throws ImageReadException {
    if (cancelled) {
      throw new ImageReadException(subject + ": cancelled");
    }
    BlobStream stream =
        BlobStream.open(
            client, job.blob(), job.size(), job.what(), subject, progress, options.blobResumes());
    active.add(stream);
    if (cancelled) {
      stream.cancel();
    }
    try {
      LayerResult<T> result;
      try {
        result = reader.read(stream, receiver);
        stream.drain();
      } catch (IOException | RuntimeException | ImageReadException e) {
        // The core reader reports undecodable bytes (a corrupt gzip stream) as an image error:
        // corrupted downloads fail there long before the digest check at the blob's end.
        throw explain(job, stream, e);
      }
      if (!result.diffId().equals(job.diffId())) {
        throw new ImageReadException(
            subject
                + ": "
                + job.what()
                + " (blob "
                + job.blob().shortHex(12)
                + ") unpacks to a tar with digest "
                + result.diffId()
                + ", but the config says its diff_id is "
                + job.diffId()
                + "; the image is broken");
      }
      return result;
    } finally {
      active.remove(stream);
      stream.release();
    }
  }

  /**
   * The message for a download that failed: cancelled, connection lost for good, bytes not those
   * the digest promises, or else a blob the reader could not read. A reader failure may come from
   * corrupted bytes, so the rest is downloaded to tell.
   */
  private ImageReadException explain(Job job, BlobStream stream, Exception e) {
    if (stream.isCancelled() || Thread.currentThread().isInterrupted()) {
      return new ImageReadException(subject + ": cancelled", e);
    }
    if (stream.failure().isPresent()) return stream.failure().get();
    if (stream.mismatch().isEmpty()) {
      try {
        stream.drain();
      } catch (IOException ignored) {
        // Reported below, from the stream's state when it has one.
      }
      if (stream.failure().isPresent()) return stream.failure().get();
    }
    if (stream.mismatch().isPresent()) {
      return new ImageReadException(
          subject
              + ": "
              + job.what()
              + " blob "
              + job.blob()
              + " arrived corrupted (the bytes hash to "
              + stream.mismatch().get()
              + "); try again, and if it persists the registry's copy is damaged",
          e);
    }
    if (e instanceof ImageReadException read) {
      String message = String.valueOf(read.getMessage());
      String prefix = LayerStreamReader.SUBJECT + ": ";
      return new ImageReadException(
          subject
              + ": "
              + job.what()
              + " (blob "
              + job.blob().shortHex(12)
              + ") is not a readable layer tar: "
              + (message.startsWith(prefix) ? message.substring(prefix.length()) : message),
          e);
    }
    return new ImageReadException(
        subject
            + ": "
            + job.what()
            + " (blob "
            + job.blob().shortHex(12)
            + ") is not a readable layer tar ("
            + NetworkErrors.detail(e)
            + ")",
        e);
  }

  private static ImageReadException unwrap(Throwable cause) {
    if (cause instanceof ImageReadException e) return e;
    if (cause instanceof RuntimeException r) throw r;
    if (cause instanceof Error err) throw err;
    return new ImageReadException(String.valueOf(cause.getMessage()), cause);
  }

  /** Waits for the threads to end, even when the caller was interrupted (which stays noted). */
  private static void awaitQuietly(ExecutorService executor) {
    boolean interrupted = Thread.interrupted();
    try {
      executor.awaitTermination(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      interrupted = true;
    } finally {
      if (interrupted) Thread.currentThread().interrupt();
    }
  }

  /** Waits for the threads themselves to end: a terminated pool's threads may still be exiting. */
  private static void joinQuietly(List<Thread> threads) {
    boolean interrupted = Thread.interrupted();
    try {
      for (Thread t : threads) {
        try {
          t.join(TimeUnit.SECONDS.toMillis(SHUTDOWN_WAIT_SECONDS));
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } finally {
      if (interrupted) Thread.currentThread().interrupt();
    }
  }

  private ThreadFactory threads(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      threads.add(t);
      return t;
    };
  }
}
