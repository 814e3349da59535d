package io.layerdive.source;

import io.layerdive.image.Digest;
import io.layerdive.image.LayerReceiver;
import java.util.List;
import java.util.Optional;

/**
 * Where layers already read are kept, by diff_id, so that opening an image again replays its layers
 * instead of reading them. A source asks before reading a layer and records while reading one it
 * had to read; what it replays must reach the receiver exactly as a fresh read would. Failures of
 * the cache itself are never the user's problem: an entry that cannot be trusted is a miss, a write
 * that fails is skipped.
 */
public interface LayerCache {

  /** No cache: every layer is read. */
  LayerCache NONE =
      new LayerCache() {
        @Override
        public <T> Optional<Replayed<T>> replay(Digest diffId, LayerReceiver.Builder<T> builder) {
          return Optional.empty();
        }

        @Override
        public <T> Recorder<T> recorder(LayerReceiver.Builder<T> builder) {
          return null;
        }
      };

  /**
   * Sends the cached changes of the layer {@code diffId} to {@code builder} and finishes it, or,
   * when there is no entry to trust, sends nothing and returns empty.
   */
  <T> Optional<Replayed<T>> replay(Digest diffId, LayerReceiver.Builder<T> builder);

  /**
   * A builder that passes everything on to {@code builder} and remembers it for {@link
   * Recorder#store}; null when this cache stores nothing.
   */
  <T> Recorder<T> recorder(LayerReceiver.Builder<T> builder);

  /**
   * The facts of the layer {@code diffId} without its changes, from a checked entry; for a receiver
   * that {@linkplain io.layerdive.image.LayerReceiver#known knows} the layers already.
   */
  default Optional<Facts> facts(Digest diffId) {
    return Optional.empty();
  }

  /**
   * Whether an entry for {@code diffId} is there, unchecked: a source about to replay a whole image
   * asks first, so as not to replay half of it and then read it all.
   */
  default boolean contains(Digest diffId) {
    return false;
  }

  /** Whether layers are looked up at all; sources may skip preparations when not. */
  default boolean enabled() {
    return this != NONE;
  }

  /** Called once a load has read all its layers: keeps the cache within its bound. */
  default void trim() {}

  /**
   * The image-level facts of an image read from a daemon export, by a key naming the image exactly
   * (its id and the reference it was exported by), when cached.
   */
  default Optional<byte[]> image(String key) {
    return Optional.empty();
  }

  /** Keeps the image-level facts of an image under {@code key}; see {@link #image(String)}. */
  default void storeImage(String key, byte[] facts) {}

  /** A builder recording what passes through it. */
  interface Recorder<T> extends LayerReceiver.Builder<T> {
    /** Writes what was recorded as the entry of {@code diffId}; call after a complete read. */
    void store(Digest diffId, Facts facts);
  }

  /**
   * What reading a layer tar tells besides its changes, as {@link LayerReadResult} has it.
   *
   * @param diagnostics the messages of the oddities met in the tar, in order
   */
  record Facts(long sizeBytes, long tarBytes, int entryCount, List<String> diagnostics) {
    public Facts {
      diagnostics = List.copyOf(diagnostics);
    }
  }

  /** A layer replayed from the cache: what the builder made of it, and the facts of its read. */
  record Replayed<T>(T contents, Facts facts) {}
}
