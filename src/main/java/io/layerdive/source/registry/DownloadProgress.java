package io.layerdive.source.registry;

import io.layerdive.source.LoadListener;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sums the compressed bytes downloaded by all download threads and tells the listener, about 500
 * times over a whole download rather than on every buffer.
 */
final class DownloadProgress {
  private static final long MIN_STEP = 64 * 1024;

  private final LoadListener listener;
  private final long totalBytes;
  private final int totalLayers;
  private final long step;
  private final AtomicLong done = new AtomicLong();
  private final AtomicLong reported = new AtomicLong(-1);
  private final AtomicInteger layersDone = new AtomicInteger();

  DownloadProgress(LoadListener listener, long totalBytes, int totalLayers) {
    this.listener = listener;
    this.totalBytes = totalBytes;
    this.totalLayers = totalLayers;
    this.step = Math.max(MIN_STEP, totalBytes / 500);
  }

  void bytes(long n) {
    long now = done.addAndGet(n);
    long last = reported.get();
    if (now - last >= step && reported.compareAndSet(last, now)) {
      listener.progress(now, totalBytes, layersDone.get(), totalLayers);
    }
  }

  /** A blob is read; {@code layers} positions of the manifest use it. */
  void layersDone(int layers) {
    int n = layersDone.addAndGet(layers);
    long now = done.get();
    reported.set(now);
    listener.progress(now, totalBytes, n, totalLayers);
  }

  void start() {
    reported.set(0);
    listener.progress(0, totalBytes, 0, totalLayers);
  }

  long bytesDone() {
    return done.get();
  }
}
