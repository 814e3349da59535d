package io.layerdive.ui.lanterna;

import io.layerdive.image.Layer;
import io.layerdive.ui.LoadProgress;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * Collects what a loader reports, from any thread, into snapshots the event loop draws. Each report
 * replaces the snapshot whole, so the loop never sees half an update.
 */
final class LoadingState implements LoadProgress {
  /**
   * Everything the progress view shows.
   *
   * @param phaseSinceNanos when the current phase began
   * @param bytesSinceNanos when the first byte of the current phase was counted, or -1
   * @param version grows with every report, so the loop knows when to redraw
   */
  record Snapshot(
      String phase,
      long phaseSinceNanos,
      List<Layer> layers,
      long bytesDone,
      long bytesTotal,
      int layersDone,
      int layersTotal,
      long bytesSinceNanos,
      long version) {}

  private final LongSupplier clock;
  private final AtomicReference<Snapshot> current;

  LoadingState(String firstPhase, LongSupplier clock) {
    this.clock = clock;
    this.current =
        new AtomicReference<>(
            new Snapshot(firstPhase, clock.getAsLong(), List.of(), 0, -1, 0, 0, -1, 0));
  }

  Snapshot snapshot() {
    return current.get();
  }

  long now() {
    return clock.getAsLong();
  }

  @Override
  public void phase(String description) {
    long now = clock.getAsLong();
    current.updateAndGet(
        s ->
            new Snapshot(
                description, now, s.layers(), 0, -1, s.layersDone(), s.layersTotal(), -1,
                s.version() + 1));
  }

  @Override
  public void layersKnown(List<Layer> layers) {
    List<Layer> copy = List.copyOf(layers);
    current.updateAndGet(
        s ->
            new Snapshot(
                s.phase(), s.phaseSinceNanos(), copy, s.bytesDone(), s.bytesTotal(),
                s.layersDone(), Math.max(s.layersTotal(), copy.size()), s.bytesSinceNanos(),
                s.version() + 1));
  }

  @Override
  public void progress(long bytesDone, long bytesTotal, int layersDone, int layersTotal) {
    long now = clock.getAsLong();
    current.updateAndGet(
        s ->
            new Snapshot(
                s.phase(), s.phaseSinceNanos(), s.layers(), bytesDone, bytesTotal, layersDone,
                layersTotal, s.bytesSinceNanos() < 0 && bytesDone > 0 ? now : s.bytesSinceNanos(),
                s.version() + 1));
  }
}
