package io.layerdive.source;

import io.layerdive.image.Diagnostic;
import io.layerdive.image.Digest;
import io.layerdive.image.LayerReceiver;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns between a {@link LayerReadResult} and what a {@link LayerCache} keeps of it. What belongs
 * to the layer's tar (its changes, sizes, oddities) is cached by diff_id; what belongs to the blob
 * as stored (its digest, size and compression) the source supplies, as each source stores the same
 * layer its own way.
 */
public final class CachedLayers {
  private CachedLayers() {}

  /**
   * The layer {@code diffId} replayed from {@code cache} into a fresh builder of {@code receiver},
   * as reading the blob would have given it; empty, having sent nothing, on a miss.
   *
   * @param announced the compression the manifest announces, or null
   */
  public static <T> Optional<LayerReadResult<T>> replay(
      LayerCache cache,
      LayerReceiver<T> receiver,
      Digest diffId,
      Digest blobDigest,
      Compression compression,
      Compression announced,
      long blobBytes,
      String subject) {
    if (!cache.enabled()) return Optional.empty();
    return cache
        .replay(diffId, new LazyBuilder<>(receiver))
        .map(
            hit ->
                result(
                    hit.contents(),
                    hit.facts(),
                    diffId,
                    blobDigest,
                    compression,
                    announced,
                    blobBytes,
                    subject));
  }

  /**
   * What reading the layer would have given, from its contents (replayed or known to the receiver)
   * and the facts its cache entry keeps.
   */
  public static <T> LayerReadResult<T> result(
      T contents,
      LayerCache.Facts facts,
      Digest diffId,
      Digest blobDigest,
      Compression compression,
      Compression announced,
      long blobBytes,
      String subject) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    if (announced != null && announced != compression) {
      diagnostics.add(
          new Diagnostic(subject, LayerTarReader.announcedMismatch(announced, compression)));
    }
    for (String message : facts.diagnostics()) {
      diagnostics.add(new Diagnostic(subject, message));
    }
    return new LayerReadResult<>(
        contents,
        diffId,
        blobDigest,
        compression,
        facts.sizeBytes(),
        blobBytes,
        facts.tarBytes(),
        facts.entryCount(),
        diagnostics);
  }

  /**
   * Reads a layer blob with {@code reader} into a fresh builder of {@code receiver}, recording it
   * into {@code cache} on the way (under the diff_id the read computes).
   */
  public static <T> LayerReadResult<T> readAndRecord(
      LayerTarReader reader,
      java.io.InputStream blob,
      String subject,
      Compression announced,
      LayerReceiver<T> receiver,
      LayerCache cache)
      throws ImageReadException {
    LayerReceiver.Builder<T> builder = receiver.begin();
    LayerCache.Recorder<T> recorder = cache.recorder(builder);
    LayerReadResult<T> result =
        reader.read(blob, subject, announced, recorder == null ? builder : recorder);
    if (recorder != null) store(recorder, result, announced);
    return result;
  }

  /** Stores what {@code recorder} saw of a complete read under the diff_id the read computed. */
  public static void store(
      LayerCache.Recorder<?> recorder, LayerReadResult<?> result, Compression announced) {
    List<Diagnostic> all = result.diagnostics();
    int skip = announced != null && announced != result.compression() ? 1 : 0;
    List<String> messages = new ArrayList<>();
    for (int i = skip; i < all.size(); i++) messages.add(all.get(i).message());
    recorder.store(
        result.diffId(),
        new LayerCache.Facts(result.sizeBytes(), result.tarBytes(), result.entryCount(), messages));
  }

  /** Begins the receiver's builder only when the cache has something to send. */
  private static final class LazyBuilder<T> implements LayerReceiver.Builder<T> {
    private final LayerReceiver<T> receiver;
    private LayerReceiver.Builder<T> builder;

    LazyBuilder(LayerReceiver<T> receiver) {
      this.receiver = receiver;
    }

    private LayerReceiver.Builder<T> builder() {
      if (builder == null) builder = receiver.begin();
      return builder;
    }

    @Override
    public void accept(io.layerdive.image.LayerChange change) {
      builder().accept(change);
    }

    @Override
    public boolean wantsContent(String path, long size) {
      return builder().wantsContent(path, size);
    }

    @Override
    public void content(String path, byte[] content) {
      builder().content(path, content);
    }

    @Override
    public T finish() {
      return builder().finish();
    }
  }
}
