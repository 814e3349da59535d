package io.layerdive.source;

import io.layerdive.image.Digest;
import io.layerdive.image.LayerReceiver;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads the layer blobs of an image that sits in a file or directory, several at once on a fixed
 * pool of {@code min(cores, 4)} threads, largest first so that the big ones do not end up last.
 * Each distinct blob is read once. The first failure stops the others.
 */
public final class LayerBlobReader {

  /** Opens a fresh stream over a blob as stored. */
  @FunctionalInterface
  public interface Opener {
    InputStream open() throws IOException;
  }

  /**
   * One blob to read.
   *
   * @param key identifies the blob among the others, e.g. its path in the archive
   * @param size its stored size, for progress
   * @param subject names it in messages
   * @param announced the compression its manifest announces, or null
   * @param diffId the diff_id the config gives the layer, the key it is cached under; null when the
   *     cache is not to be asked
   * @param blobDigest the blob's digest when its manifest names it, or null
   */
  public record Blob(
      String key,
      long size,
      String subject,
      Compression announced,
      Opener opener,
      Digest diffId,
      Digest blobDigest) {
    public Blob(String key, long size, String subject, Compression announced, Opener opener) {
      this(key, size, subject, announced, opener, null, null);
    }
  }

  private final LayerTarReader reader = new LayerTarReader();
  private final int threads;
  private final LayerCache cache;

  public LayerBlobReader() {
    this(defaultThreads());
  }

  public LayerBlobReader(int threads) {
    this(threads, LayerCache.NONE);
  }

  /** A reader that replays the layers {@code cache} holds and records those it reads. */
  public LayerBlobReader(int threads, LayerCache cache) {
    this.threads = Math.max(1, threads);
    this.cache = cache;
  }

  public LayerCache cache() {
    return cache;
  }

  public static int defaultThreads() {
    return Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), 4));
  }

  /**
   * Reads every blob and returns the results by key.
   *
   * @throws ImageReadException the first failure met
   */
  public <T> Map<String, LayerReadResult<T>> readAll(
      List<Blob> blobs, LayerReceiver<T> receiver, LoadListener listener)
      throws ImageReadException {
    List<Blob> order = new ArrayList<>(blobs);
    order.sort(Comparator.comparingLong(Blob::size).reversed());
    Progress progress =
        new Progress(listener, order.stream().mapToLong(Blob::size).sum(), order.size());
    progress.start();
    Map<String, LayerReadResult<T>> results = new HashMap<>();
    try {
      readAll(order, receiver, results, progress);
    } finally {
      cache.trim();
    }
    return results;
  }

  private <T> void readAll(
      List<Blob> order,
      LayerReceiver<T> receiver,
      Map<String, LayerReadResult<T>> results,
      Progress progress)
      throws ImageReadException {
    int count = order.size();
    if (threads == 1 || count <= 1) {
      for (Blob blob : order) {
        results.put(blob.key(), readOne(blob, receiver, progress));
      }
      return;
    }

    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.min(threads, count),
            r -> {
              Thread t = new Thread(r, "layer-reader");
              t.setDaemon(true);
              return t;
            });
    CompletionService<Map.Entry<String, LayerReadResult<T>>> service =
        new ExecutorCompletionService<>(pool);
    try {
      for (Blob blob : order) {
        service.submit(
            () ->
                Map.entry(blob.key(), readOne(blob, receiver, progress)));
      }
      ImageReadException failure = null;
      for (int i = 0; i < count; i++) {
        Future<Map.Entry<String, LayerReadResult<T>>> future = service.take();
        try {
          Map.Entry<String, LayerReadResult<T>> entry = future.get();
          results.put(entry.getKey(), entry.getValue());
        } catch (ExecutionException e) {
          progress.cancelled.set(true);
          if (failure == null) failure = asImageReadException(e.getCause());
        }
      }
      if (failure != null) throw failure;
      progress.finish();
    } catch (InterruptedException e) {
      progress.cancelled.set(true);
      Thread.currentThread().interrupt();
      throw new ImageReadException("reading the layers was interrupted", e);
    } finally {
      pool.shutdownNow();
    }
  }

  private <T> LayerReadResult<T> readOne(Blob blob, LayerReceiver<T> receiver, Progress progress)
      throws ImageReadException {
    LayerReadResult<T> result = blob.diffId() == null ? null : fromCache(blob, receiver);
    if (result != null) {
      progress.done.addAndGet(blob.size());
    } else {
      result = read(blob, receiver, progress);
    }
    progress.layerDone();
    return result;
  }

  private <T> LayerReadResult<T> read(Blob blob, LayerReceiver<T> receiver, Progress progress)
      throws ImageReadException {
    LayerReceiver.Builder<T> builder = receiver.begin();
    LayerCache.Recorder<T> recorder = blob.diffId() == null ? null : cache.recorder(builder);
    LayerReadResult<T> result;
    try (InputStream in =
        new ProgressInputStream(blob.opener().open(), progress::bytes, progress.cancelled)) {
      result =
          reader.read(in, blob.subject(), blob.announced(), recorder == null ? builder : recorder);
    } catch (IOException e) {
      throw new ImageReadException(
          blob.subject() + ": cannot read the layer (" + e.getMessage() + ")", e);
    }
    if (recorder != null) CachedLayers.store(recorder, result, blob.announced());
    return result;
  }

  /**
   * Every blob's result without reading or replaying one: when the cache holds the facts of every
   * layer and the receiver {@linkplain LayerReceiver#known knows} the image's layers (diff_ids in
   * image order) already. Empty, having sent nothing, otherwise.
   */
  public <T> Optional<Map<String, LayerReadResult<T>>> known(
      List<Blob> blobs, List<Digest> diffIds, LayerReceiver<T> receiver, LoadListener listener)
      throws ImageReadException {
    if (!cache.enabled()) return Optional.empty();
    Map<String, LayerCache.Facts> facts = new HashMap<>();
    Map<String, Compression> compressions = new HashMap<>();
    for (Blob blob : blobs) {
      if (blob.diffId() == null) return Optional.empty();
      Optional<LayerCache.Facts> f = cache.facts(blob.diffId());
      if (f.isEmpty()) return Optional.empty();
      Compression compression = compression(blob);
      if (blob.blobDigest() == null && compression != Compression.NONE) return Optional.empty();
      if (!sameLength(blob, compression, f.get())) return Optional.empty();
      facts.put(blob.key(), f.get());
      compressions.put(blob.key(), compression);
    }
    Optional<List<T>> known = receiver.known(diffIds);
    if (known.isEmpty()) return Optional.empty();
    Map<Digest, T> byDiffId = new HashMap<>();
    for (int i = 0; i < diffIds.size(); i++) {
      byDiffId.putIfAbsent(diffIds.get(i), known.get().get(i));
    }
    Map<String, LayerReadResult<T>> results = new HashMap<>();
    long total = 0;
    for (Blob blob : blobs) {
      T contents = byDiffId.get(blob.diffId());
      if (contents == null) return Optional.empty();
      Compression compression = compressions.get(blob.key());
      results.put(
          blob.key(),
          CachedLayers.result(
              contents,
              facts.get(blob.key()),
              blob.diffId(),
              blob.blobDigest() == null ? blob.diffId() : blob.blobDigest(),
              compression,
              blob.announced(),
              blob.size(),
              blob.subject()));
      total += blob.size();
    }
    listener.progress(total, total, blobs.size(), blobs.size());
    return Optional.of(results);
  }

  private static Compression compression(Blob blob) throws ImageReadException {
    try (InputStream in = blob.opener().open()) {
      byte[] head = new byte[Compression.MAGIC_LENGTH];
      return Compression.sniff(head, in.readNBytes(head, 0, head.length));
    } catch (IOException e) {
      throw new ImageReadException(
          blob.subject() + ": cannot read the layer (" + e.getMessage() + ")", e);
    }
  }

  /**
   * The layer replayed from the cache, or null. The blob's first bytes are read to tell its
   * compression: a compressed blob whose digest no manifest names is read, since only reading it
   * would give that digest.
   */
  private <T> LayerReadResult<T> fromCache(Blob blob, LayerReceiver<T> receiver)
      throws ImageReadException {
    if (!cache.enabled()) return null;
    Compression compression = compression(blob);
    Digest blobDigest = blob.blobDigest();
    if (blobDigest == null) {
      if (compression != Compression.NONE) return null;
      blobDigest = blob.diffId();
    }
    if (compression == Compression.NONE) {
      // Only a plain tar's length can be held against the entry, so only then is it looked up.
      Optional<LayerCache.Facts> facts = cache.facts(blob.diffId());
      if (facts.isPresent() && !sameLength(blob, compression, facts.get())) return null;
    }
    return CachedLayers.replay(
            cache,
            receiver,
            blob.diffId(),
            blobDigest,
            compression,
            blob.announced(),
            blob.size(),
            blob.subject())
        .orElse(null);
  }

  /**
   * Whether a plain tar blob is as long as the one the cache recorded under its diff_id: a blob cut
   * short or padded is read, and so refused, instead of replayed. (The same length with other
   * bytes is only seen by a read: {@code --no-cache}.)
   */
  private static boolean sameLength(Blob blob, Compression compression, LayerCache.Facts facts) {
    return compression != Compression.NONE || blob.size() == facts.tarBytes();
  }

  private static ImageReadException asImageReadException(Throwable cause) {
    if (cause instanceof ImageReadException e) return e;
    if (cause instanceof RuntimeException e) throw e;
    if (cause instanceof Error e) throw e;
    return new ImageReadException(String.valueOf(cause.getMessage()), cause);
  }

  /** What the readers of one image have done so far, told to the listener from any of them. */
  private static final class Progress {
    private final LoadListener listener;
    private final long total;
    private final int count;
    private final AtomicLong done = new AtomicLong();
    private final AtomicInteger layersDone = new AtomicInteger();
    private final AtomicBoolean cancelled = new AtomicBoolean();

    Progress(LoadListener listener, long total, int count) {
      this.listener = listener;
      this.total = total;
      this.count = count;
    }

    void start() {
      listener.progress(0, total, 0, count);
    }

    void bytes(long n) {
      listener.progress(done.addAndGet(n), total, layersDone.get(), count);
    }

    void layerDone() {
      listener.progress(done.get(), total, layersDone.incrementAndGet(), count);
    }

    /** Readers report as they finish, and the two last may report out of order: end on the sum. */
    void finish() {
      listener.progress(done.get(), total, layersDone.get(), count);
    }
  }
}
