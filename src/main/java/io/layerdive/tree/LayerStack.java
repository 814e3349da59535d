package io.layerdive.tree;

import io.layerdive.image.Diagnostic;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stacked and compared trees of one image, computed on request and kept in a bounded cache: a
 * tree of a million nodes costs about 9 MB, so a few are kept, not all 2N that dive builds up front.
 * A stacked tree is derived from the nearest cached one below it. Thread-safe.
 */
public final class LayerStack {
  private static final long CACHE_BUDGET_BYTES = 192L << 20;

  private final ImageFiles files;
  private final int capacity;
  private final Map<Integer, StackState> stacked;
  private final Map<CompareKey, FileTree> compared;
  private final List<Diagnostic> diagnostics = new ArrayList<>();

  public LayerStack(ImageFiles files) {
    this.files = files;
    long perTree = Math.max(1, (long) files.trie().size() * 9);
    this.capacity = (int) Math.max(3, Math.min(64, CACHE_BUDGET_BYTES / perTree));
    this.stacked = lru(capacity);
    this.compared = lru(capacity);
    // Dangling whiteouts are found once, while stacking every layer in order.
    StackState running = new StackState(files);
    for (int i = 0; i < files.layerCount(); i++) {
      running.stack(i, diagnostics);
    }
  }

  private static <K, V> Map<K, V> lru(int capacity) {
    return new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > capacity;
      }
    };
  }

  public ImageFiles files() {
    return files;
  }

  /** Oddities found while stacking: whiteouts of paths no layer below has. */
  public List<Diagnostic> diagnostics() {
    return Collections.unmodifiableList(diagnostics);
  }

  /** The file system after layers 0..{@code layer}, every node unmodified. */
  public synchronized FileTree stacked(int layer) {
    return new FileTree(stackedState(layer), new CompareKey(0, layer, 0, 0));
  }

  public FileTree layerChanges(int layer) {
    return compared(CompareKey.layerChanges(layer));
  }

  public FileTree aggregated(int layer) {
    return compared(CompareKey.aggregated(layer));
  }

  public synchronized FileTree compared(CompareKey key) {
    FileTree tree = compared.get(key);
    if (tree != null) return tree;
    StackState state = null;
    int from = key.topStart();
    // Aggregated trees grow by one marked layer: start from the previous one when cached.
    if (key.topStop() > key.topStart()) {
      FileTree previous =
          compared.get(
              new CompareKey(key.bottomStart(), key.bottomStop(), key.topStart(), key.topStop() - 1));
      if (previous != null) {
        state = previousState(previous);
        from = key.topStop();
      }
    }
    if (state == null) state = bottom(key).copy();
    for (int t = from; t <= key.topStop(); t++) ChangeMarker.mark(state, t, null);
    tree = new FileTree(state, key);
    compared.put(key, tree);
    return tree;
  }

  private StackState previousState(FileTree previous) {
    return previous.stateCopy();
  }

  private StackState bottom(CompareKey key) {
    if (key.bottomStart() == 0) return stackedState(key.bottomStop());
    StackState state = stackedState(0).copy();
    for (int i = Math.max(1, key.bottomStart()); i <= key.bottomStop(); i++) state.stack(i, null);
    return state;
  }

  private StackState stackedState(int layer) {
    StackState cached = stacked.get(layer);
    if (cached != null) return cached;
    int from = layer;
    StackState base = null;
    while (from > 0 && base == null) {
      base = stacked.get(--from);
    }
    StackState state;
    if (base == null) {
      state = new StackState(files);
      state.stack(0, null);
      from = 0;
    } else {
      state = base.copy();
    }
    for (int i = from + 1; i <= layer; i++) {
      state.stack(i, null);
      if (i % 8 == 0 && i != layer) stacked.put(i, state.copy());
    }
    stacked.put(layer, state);
    return state;
  }
}
