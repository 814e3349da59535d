package io.layerdive.testing;

import io.layerdive.image.LayerChange;
import io.layerdive.image.LayerReceiver;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Keeps every change of every layer, in tar order; counts the layers begun. */
public final class CollectingReceiver implements LayerReceiver<List<LayerChange>> {
  private final AtomicInteger begun = new AtomicInteger();

  @Override
  public Builder<List<LayerChange>> begin() {
    begun.incrementAndGet();
    List<LayerChange> changes = new ArrayList<>();
    return new Builder<>() {
      @Override
      public void accept(LayerChange change) {
        changes.add(change);
      }

      @Override
      public List<LayerChange> finish() {
        return List.copyOf(changes);
      }
    };
  }

  /** How many layers were begun (a blob listed twice is read once). */
  public int layersBegun() {
    return begun.get();
  }
}
