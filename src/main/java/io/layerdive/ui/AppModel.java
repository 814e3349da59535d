package io.layerdive.ui;

import io.layerdive.analysis.AdviceReport;
import io.layerdive.analysis.Advisor;
import io.layerdive.analysis.Inefficiency;
import io.layerdive.image.FileType;
import io.layerdive.image.Layer;
import io.layerdive.text.DisplayWidth;
import io.layerdive.tree.ChangeKind;
import io.layerdive.tree.CompareKey;
import io.layerdive.tree.FileTree;
import io.layerdive.tree.LayerStack;
import io.layerdive.tree.PathTrie;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The whole explorer, free of any terminal: the focused pane, the compare mode, the four panes'
 * models, the filter and find lines and the windows drawn over the screen. The terminal layer turns
 * keys into {@link #press key names} (or {@link Action}s), calls {@link #render} and paints the
 * {@link Frame}. Confined to one thread (the terminal's event loop), except that large path filters
 * are matched on a background thread: {@link #onBackgroundResult} is told when one is ready, and
 * {@link #refresh} takes it over.
 */
public final class AppModel implements AutoCloseable {
  /**
   * How the explorer starts.
   *
   * @param compareMode dive's {@code layer.show-aggregated-changes}
   * @param attributes dive's {@code filetree.show-attributes}
   * @param hiddenKinds change kinds hidden at start (dive's {@code diff.hide})
   * @param wastedMarker whether wasted paths get a {@code ▲} after their name
   * @param background whether large filters are matched, and the trees of the layers next to the
   *     selected one computed, on background threads
   */
  public record Options(
      CompareMode compareMode,
      boolean attributes,
      List<ChangeKind> hiddenKinds,
      boolean wastedMarker,
      boolean background) {
    public Options {
      hiddenKinds = List.copyOf(hiddenKinds);
    }

    public static Options defaults() {
      return new Options(CompareMode.LAYER, true, List.of(), true, true);
    }
  }

  private enum Input {
    NONE,
    FILTER,
    FIND
  }

  private final AnalyzedImage image;
  private final KeyBindings keys;
  private final LayerStack stack;
  private final LayerListModel layers;
  private final LayerDetailsModel layerDetails;
  private final ImageDetailsModel imageDetails;
  private final FileTreeModel tree;
  private final Map<Integer, Inefficiency> wasteByNode = new HashMap<>();
  private final InputLine filterLine = new InputLine("Path Filter: ");
  private final InputLine findLine = new InputLine("Find: ");
  private ExecutorService ownExecutor;
  private ExecutorService prefetcher;
  private final boolean background;
  private volatile int selection;
  private volatile Runnable backgroundListener = () -> {};

  private Focus focus = Focus.LAYERS;
  private Input input = Input.NONE;
  private boolean filterOpen;
  private boolean findOpen;
  private int findStart = -1;
  private boolean findFailed;
  private String lastFind;
  private Overlay overlay;
  private AdviceReport advice;
  private AdviceText.Content adviceText;
  private String notice;

  /** A path to send to the terminal's clipboard, until the terminal layer takes it. */
  private String clipboard;

  private boolean quit;
  private final LayerContents contents;
  private final Executor layerExecutor;
  private ExecutorService ownLayerReader;
  private ExtractPrompt prompt;
  private String extractTarget = DEFAULT_EXTRACT_TARGET;
  private LayerTask running;
  private final AtomicReference<LayerTask> finished = new AtomicReference<>();
  private String shownProgress = "";
  private Layout layout;

  /** Where extraction writes unless the user names another directory: under the working one. */
  static final String DEFAULT_EXTRACT_TARGET = "./layerdive-extract";

  /** Opens an image with dive's default keys and settings. */
  public static AppModel open(AnalyzedImage image) {
    return new AppModel(image, KeyBindings.defaults(), Options.defaults());
  }

  public AppModel(AnalyzedImage image, KeyBindings keys, Options options) {
    this(image, keys, options, null);
  }

  /** With an explicit executor for background filters (tests run them inline). */
  AppModel(AnalyzedImage image, KeyBindings keys, Options options, Executor filterExecutor) {
    this(image, keys, options, filterExecutor, null);
  }

  /** With explicit executors for background filters and for reading layers again (tests). */
  AppModel(
      AnalyzedImage image,
      KeyBindings keys,
      Options options,
      Executor filterExecutor,
      Executor layerExecutor) {
    this.image = image;
    this.contents = image.contents();
    this.layerExecutor = layerExecutor != null ? layerExecutor : r -> layerReader().execute(r);
    this.keys = keys;
    this.stack = image.stack();
    List<Layer> imageLayers = image.image().layers();
    this.layers = new LayerListModel(imageLayers);
    this.layers.setMode(options.compareMode());
    this.layerDetails = new LayerDetailsModel(image.image().config().tags(), imageLayers.size());
    this.imageDetails = new ImageDetailsModel(image.image(), image.analysis(), image.diagnostics());
    this.background = options.background();
    Executor executor = filterExecutor;
    if (executor == null && background) executor = r -> executor().execute(r);
    this.tree = new FileTreeModel(executor);
    this.tree.onFilterReady(() -> backgroundListener.run());
    this.tree.setWastedMarker(options.wastedMarker());
    if (!options.attributes()) tree.toggleAttributes();
    for (ChangeKind kind : options.hiddenKinds()) {
      if (!tree.isHidden(kind)) tree.toggleHidden(kind);
    }
    PathTrie trie = stack.files().trie();
    BitSet wasted = new BitSet();
    for (Inefficiency i : image.analysis().inefficiencies()) {
      int node = trie.find(i.path());
      if (node > 0) {
        wasted.set(node);
        wasteByNode.put(node, i);
      }
    }
    tree.markWasted(wasted);
    layerChanged();
    // Directory sizes are computed on first use: here, on the thread that loads the image, rather
    // than in the first frame.
    if (tree.tree() != null) tree.tree().size(PathTrie.ROOT);
  }

  private synchronized ExecutorService executor() {
    if (ownExecutor == null) ownExecutor = daemon("layerdive-filter");
    return ownExecutor;
  }

  private synchronized ExecutorService layerReader() {
    if (ownLayerReader == null) ownLayerReader = daemon("layerdive-layer");
    return ownLayerReader;
  }

  private synchronized ExecutorService prefetcher() {
    if (prefetcher == null) prefetcher = daemon("layerdive-prefetch");
    return prefetcher;
  }

  private static ExecutorService daemon(String name) {
    return Executors.newSingleThreadExecutor(
        r -> {
          Thread t = new Thread(r, name);
          t.setDaemon(true);
          return t;
        });
  }

  /**
   * Stops the background threads, if any were started; a layer read going on is cancelled and
   * waited for a little, so that an extraction cut short removes its files before the program ends.
   */
  @Override
  public synchronized void close() {
    if (ownExecutor != null) ownExecutor.shutdownNow();
    if (prefetcher != null) prefetcher.shutdownNow();
    if (running != null) running.job().cancel();
    if (ownLayerReader != null) {
      ownLayerReader.shutdown();
      // A cancelled extraction removes what it wrote: give it the moment that takes.
      try {
        ownLayerReader.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Called, on a background thread, when a result is ready for {@link #refresh}. */
  public void onBackgroundResult(Runnable listener) {
    this.backgroundListener = listener == null ? () -> {} : listener;
  }

  /** Takes over finished background work; true when the screen should be drawn again. */
  public boolean refresh() {
    boolean changed = tree.adoptFilter();
    LayerTask done = finished.getAndSet(null);
    if (done != null && done == running) {
      running = null;
      finish(done);
      changed = true;
    }
    if (running != null) {
      String progress = running.progressText(keys.shownKey(Command.CLOSE));
      if (!progress.equals(shownProgress)) {
        shownProgress = progress;
        changed = true;
      }
    }
    return changed;
  }

  // ---- state, for the terminal layer and tests

  public Focus focus() {
    return focus;
  }

  /** Whether typed keys go to the filter or find line rather than to a pane. */
  public boolean isEditingText() {
    return prompt != null || (input != Input.NONE && overlay == null);
  }

  /** Whether a layer is being read in the background (for the viewer or an extraction). */
  public boolean isReadingLayer() {
    return running != null;
  }

  /** The background read going on, if any (tests report progress through it). */
  Optional<LayerJob> layerJob() {
    return running == null ? Optional.empty() : Optional.of(running.job());
  }

  public boolean quitRequested() {
    return quit;
  }

  public KeyBindings keyBindings() {
    return keys;
  }

  public LayerListModel layers() {
    return layers;
  }

  public FileTreeModel tree() {
    return tree;
  }

  public LayerDetailsModel layerDetails() {
    return layerDetails;
  }

  public ImageDetailsModel imageDetails() {
    return imageDetails;
  }

  // ---- keys

  /**
   * What a key does now, if anything: in a window, keys scroll or close it; in the filter or find
   * line, characters are typed and Enter, Backspace and Esc edit; elsewhere the focused pane's
   * bindings apply. {@code keyName} is a {@link KeyName canonical key name}.
   */
  public Optional<Action> actionFor(String keyName) {
    String key;
    try {
      key = KeyName.canonical(keyName);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (prompt != null) {
      switch (key) {
        case "enter":
          return Optional.of(Command.INPUT_ACCEPT);
        case "backspace":
          return Optional.of(Command.INPUT_BACKSPACE);
        case "esc":
          return Optional.of(Command.CLOSE);
        case "ctrl+c":
          return Optional.of(Command.QUIT);
        default:
          break;
      }
      if (KeyName.isText(key)) return Optional.of(new Action.TypeText(KeyName.text(key)));
      return Optional.empty();
    }
    if (overlay != null) {
      Optional<Action> bound = keys.action(focus, key);
      if (bound.isPresent() && bound.get() instanceof Command c) {
        switch (c) {
          case UP, DOWN, PAGE_UP, PAGE_DOWN, FIRST, LAST, QUIT, CLOSE, HELP, PATH_HISTORY, ADVICE:
            return bound;
          default:
            break;
        }
      }
      if (key.equals("enter") && overlay.hasSelection()) return Optional.of(Command.INPUT_ACCEPT);
      if (key.equals("enter") || key.equals("q")) return Optional.of(Command.CLOSE);
      return Optional.empty();
    }
    if (input != Input.NONE) {
      switch (key) {
        case "enter":
          return Optional.of(Command.INPUT_ACCEPT);
        case "backspace":
          return Optional.of(Command.INPUT_BACKSPACE);
        default:
          break;
      }
      if (KeyName.isText(key)) return Optional.of(new Action.TypeText(KeyName.text(key)));
      return keys.action(Focus.TREE, key);
    }
    return keys.action(focus, key);
  }

  /** Runs what a key does now; false when the key does nothing here. */
  public boolean press(String keyName) {
    Optional<Action> action = actionFor(keyName);
    action.ifPresent(this::apply);
    return action.isPresent();
  }

  /** {@link #press}, under the name the terminal layer's screen model uses. */
  public boolean key(String keyName) {
    return press(keyName);
  }

  /** Shows a message in a window over the screen until a key closes it. */
  public void showMessage(String title, String text) {
    List<List<Span>> lines = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      lines.add(List.of(new Span(DisplayWidth.sanitize(line), Style.NORMAL)));
    }
    overlay = new Overlay(Overlay.Kind.MESSAGE, DisplayWidth.sanitize(title), lines);
  }

  // ---- actions

  /** Does what an action says; returns whether the screen may have changed (always, for now). */
  public boolean apply(Action action) {
    notice = null;
    if (prompt != null) {
      applyToPrompt(action);
      return true;
    }
    if (overlay != null) {
      applyToOverlay(action);
      return true;
    }
    if (action instanceof Action.TypeText typed) {
      type(typed.text());
    } else if (action instanceof Action.MouseClick click) {
      click(click.column(), click.row());
    } else if (action instanceof Action.MouseWheel wheel) {
      wheel(wheel.column(), wheel.row(), wheel.delta());
    } else if (action instanceof Command command) {
      run(command);
    }
    return true;
  }

  private void applyToOverlay(Action action) {
    if (action instanceof Action.MouseWheel wheel) {
      overlay.scrollBy(wheel.delta());
      return;
    }
    if (!(action instanceof Command c)) {
      if (action instanceof Action.MouseClick) overlay = null;
      return;
    }
    if (overlay.hasSelection()) {
      switch (c) {
        case UP -> overlay.select(-1);
        case DOWN -> overlay.select(1);
        case PAGE_UP -> overlay.select(-5);
        case PAGE_DOWN -> overlay.select(5);
        case FIRST -> overlay.select(-Integer.MAX_VALUE / 2);
        case LAST -> overlay.select(Integer.MAX_VALUE / 2);
        case INPUT_ACCEPT -> goToAdvice(overlay.selected());
        default -> closeOverlay(c);
      }
      return;
    }
    switch (c) {
      case UP -> overlay.scrollBy(-1);
      case DOWN -> overlay.scrollBy(1);
      case PAGE_UP -> overlay.page(-1);
      case PAGE_DOWN -> overlay.page(1);
      case FIRST -> overlay.toStart();
      case LAST -> overlay.toEnd();
      default -> closeOverlay(c);
    }
  }

  private void closeOverlay(Command c) {
    switch (c) {
      case QUIT -> quit = true;
      case HELP -> overlay = overlay.kind() == Overlay.Kind.HELP ? null : help();
      case ADVICE -> overlay = overlay.kind() == Overlay.Kind.ADVICE ? null : adviceOverlay();
      default -> overlay = null;
    }
  }

  /** The advice, worked out the first time it is asked for: most sessions never open it. */
  public AdviceReport advice() {
    if (advice == null) advice = Advisor.advise(image.image(), stack.files());
    return advice;
  }

  private Overlay adviceOverlay() {
    if (adviceText == null) adviceText = AdviceText.of(advice());
    List<Integer> selectable = new ArrayList<>();
    for (AdviceText.Target t : adviceText.targets()) selectable.add(t.line());
    return new Overlay(Overlay.Kind.ADVICE, "Advice", adviceText.lines(), selectable);
  }

  /** Selects the target's layer and, when it names a path the layer's tree shows, that path. */
  private void goToAdvice(int index) {
    overlay = null;
    AdviceText.Target target = adviceText.targets().get(index);
    if (target.layer() < 0) return;
    input = Input.NONE;
    focus = Focus.LAYERS;
    if (layers.select(target.layer())) layerChanged();
    if (target.path() == null) return;
    int node = stack.files().trie().find(target.path());
    if (node > 0 && tree.reveal(node)) {
      focus = Focus.TREE;
    } else {
      notice = DisplayWidth.sanitize(target.path()) + " is not shown in this layer's tree";
    }
  }

  private void run(Command c) {
    switch (c) {
      case QUIT -> quit = true;
      case TOGGLE_VIEW -> {
        if (input != Input.NONE) {
          input = Input.NONE;
          focus = Focus.TREE;
        } else {
          focus = focus == Focus.LAYERS ? Focus.TREE : Focus.LAYERS;
        }
      }
      case FILTER_FILES -> {
        if (!filterOpen) {
          filterOpen = true;
          closeFind();
          input = Input.FILTER;
        } else if (input == Input.FILTER) {
          closeFilter();
        } else {
          closeFind();
          input = Input.FILTER;
        }
      }
      case CLOSE -> {
        if (running != null) cancelLayerTask();
        else if (findOpen) closeFind();
        else if (filterOpen) closeFilter();
      }
      case VIEW_FILE -> view();
      case OPEN -> open();
      case COPY_PATH -> copyPath();
      case EXTRACT_FILE -> askWhereToExtract();
      case HELP -> overlay = help();
      case ADVICE -> overlay = adviceOverlay();
      case INPUT_ACCEPT -> {
        if (input == Input.FIND) {
          lastFind = findLine.text();
          closeFind();
        }
        input = Input.NONE;
        focus = Focus.TREE;
      }
      case INPUT_BACKSPACE -> {
        if (input == Input.FILTER) {
          filterLine.backspace();
          tree.setFilter(filterLine.text());
        } else if (input == Input.FIND) {
          findLine.backspace();
          findIncrementally();
        }
      }
      case UP -> moveBy(-1);
      case DOWN -> moveBy(1);
      case PAGE_UP -> page(-1);
      case PAGE_DOWN -> page(1);
      case FIRST -> toEnd(false);
      case LAST -> toEnd(true);
      case LEFT -> {
        if (treeHasKeys()) tree.cursorLeft();
        else focus = previousPane(focus);
      }
      case RIGHT -> {
        if (treeHasKeys()) tree.cursorRight();
        else focus = nextPane(focus);
      }
      case COMPARE_LAYER -> {
        if (layers.setMode(CompareMode.LAYER)) layerChanged();
      }
      case COMPARE_ALL -> {
        if (layers.setMode(CompareMode.AGGREGATED)) layerChanged();
      }
      case TOGGLE_COLLAPSE_DIR -> tree.toggleCollapse();
      case TOGGLE_COLLAPSE_ALL_DIR -> tree.toggleCollapseAll();
      case TOGGLE_SORT_ORDER -> tree.toggleSortOrder();
      case TOGGLE_ADDED_FILES -> tree.toggleHidden(ChangeKind.ADDED);
      case TOGGLE_REMOVED_FILES -> tree.toggleHidden(ChangeKind.REMOVED);
      case TOGGLE_MODIFIED_FILES -> tree.toggleHidden(ChangeKind.MODIFIED);
      case TOGGLE_UNMODIFIED_FILES -> tree.toggleHidden(ChangeKind.UNMODIFIED);
      case TOGGLE_FILETREE_ATTRIBUTES -> tree.toggleAttributes();
      case TOGGLE_WRAP_TREE -> tree.toggleWrap();
      case FIND_FILE -> {
        findOpen = true;
        findLine.clear();
        findFailed = false;
        findStart = tree.cursorNode();
        input = Input.FIND;
        focus = Focus.TREE;
      }
      case FIND_NEXT, FIND_PREVIOUS -> {
        focus = Focus.TREE;
        if (lastFind == null || lastFind.isEmpty()) {
          notice = "Nothing to find yet: press " + keys.shownKey(Command.FIND_FILE);
        } else if (!tree.find(lastFind, c == Command.FIND_NEXT)) {
          notice = "No file name contains '" + DisplayWidth.sanitize(lastFind) + "'";
        }
      }
      case NEXT_WASTED_FILE -> {
        focus = Focus.TREE;
        if (!tree.nextWasted()) notice = "No wasted path shows in this layer's tree";
      }
      case PATH_HISTORY -> {
        int node = tree.cursorNode();
        if (node > 0) {
          overlay =
              new Overlay(
                  Overlay.Kind.PATH_HISTORY,
                  "Layers of this path",
                  PathHistory.lines(
                      stack.files(), image.image().layers(), node, wasteByNode.get(node)));
        }
      }
    }
  }

  // ---- viewing and extracting files: the layer is read again on a background thread

  /** The selected node when it can be read from a layer; else empty, with a notice saying why. */
  private Optional<Integer> readableSelection(String doing) {
    FileTree t = tree.tree();
    int node = tree.cursorNode();
    if (t == null || node <= 0) {
      notice = "Select a file or directory in the tree first";
      return Optional.empty();
    }
    Optional<String> unavailable = contents.unavailable();
    if (unavailable.isPresent()) {
      notice = "Cannot " + doing + ": " + unavailable.get();
      return Optional.empty();
    }
    if (running != null) {
      notice =
          "Still reading layer "
              + running.layer()
              + "; "
              + keys.shownKey(Command.CLOSE)
              + " cancels it";
      return Optional.empty();
    }
    String path = DisplayWidth.sanitize(t.trie().path(node));
    if (!t.isPresent(node) || t.kind(node) == ChangeKind.REMOVED) {
      notice = path + " is removed here (a whiteout): select a lower layer to " + doing + " it";
      return Optional.empty();
    }
    return Optional.of(node);
  }

  /** Enter in the tree: what a directory or a file is opened for. */
  private void open() {
    FileTree t = tree.tree();
    int node = tree.cursorNode();
    if (t != null && node > 0 && t.type(node) == FileType.DIRECTORY) {
      tree.toggleCollapse();
    } else {
      view();
    }
  }

  /**
   * Hands the selected path to the terminal layer for its clipboard. Whether the terminal takes it
   * cannot be known, so the notice says what was sent.
   */
  private void copyPath() {
    FileTree t = tree.tree();
    int node = tree.cursorNode();
    if (t == null || node <= 0) {
      notice = "Select a file or directory in the tree first";
      return;
    }
    String path = t.trie().path(node);
    clipboard = path;
    notice = "Sent " + DisplayWidth.sanitize(path) + " to the terminal's clipboard";
  }

  /**
   * The text the user asked to copy since the last call, once: the terminal layer sends it as an
   * OSC 52 sequence.
   */
  public Optional<String> takeClipboard() {
    Optional<String> text = Optional.ofNullable(clipboard);
    clipboard = null;
    return text;
  }

  private void view() {
    Optional<Integer> selected = readableSelection("view");
    if (selected.isEmpty()) return;
    FileTree t = tree.tree();
    int node = selected.get();
    String path = t.trie().path(node);
    String shown = DisplayWidth.sanitize(path);
    FileType type = t.type(node);
    if (type == FileType.DIRECTORY) {
      notice =
          shown
              + " is a directory: the viewer shows files; "
              + keys.shownKey(Command.EXTRACT_FILE)
              + " extracts it";
      return;
    }
    if (type == FileType.SYMLINK) {
      notice =
          shown
              + " is a symlink to "
              + DisplayWidth.sanitize(t.linkTarget(node))
              + ": select its target to view it";
      return;
    }
    if (type != FileType.REGULAR && type != FileType.HARDLINK) {
      notice = shown + " is not a regular file: nothing to view";
      return;
    }
    Layer layer = image.image().layers().get(t.entryLayer(node));
    start(
        new LayerTask(
            LayerTask.Kind.VIEW, layer.index(), path, "", job -> contents.view(layer, path, job)));
  }

  private void askWhereToExtract() {
    Optional<Integer> selected = readableSelection("extract");
    if (selected.isEmpty()) return;
    FileTree t = tree.tree();
    int node = selected.get();
    List<LayerContents.Part> parts = extractParts(t, node);
    if (parts.isEmpty()) {
      notice =
          layers.mode() == CompareMode.LAYER
              ? DisplayWidth.sanitize(t.trie().path(node))
                  + ": layer "
                  + layers.selected()
                  + " put nothing here; select the layer that did, or "
                  + keys.shownKey(Command.COMPARE_ALL)
                  + " to extract it as stacked"
              : DisplayWidth.sanitize(t.trie().path(node)) + ": nothing to extract here";
      return;
    }
    String from;
    if (parts.size() == 1) {
      from = "layer " + parts.get(0).layer().index();
    } else {
      StringBuilder sb = new StringBuilder("as stacked, from layers ");
      for (int i = 0; i < parts.size(); i++) {
        if (i > 0) sb.append(i == parts.size() - 1 ? " and " : ", ");
        sb.append(parts.get(i).layer().index());
      }
      from = sb.toString();
    }
    prompt = new ExtractPrompt(t.trie().path(node), from, parts, extractTarget);
  }

  /**
   * Which layers give what: a file comes from the layer whose entry the tree shows (the last that
   * put it); a directory, in layer mode, is what the selected layer has below it, and in aggregated
   * mode is the stacked directory, each path from the layer that last put it.
   */
  private List<LayerContents.Part> extractParts(FileTree t, int node) {
    List<Layer> all = image.image().layers();
    if (t.type(node) != FileType.DIRECTORY) {
      return t.entryLayer(node) < 0
          ? List.of()
          : List.of(LayerContents.Part.whole(all.get(t.entryLayer(node))));
    }
    if (layers.mode() == CompareMode.LAYER) {
      Layer selected = layers.selectedLayer();
      io.layerdive.tree.LayerFiles own = stack.files().layer(selected.index());
      for (int n = node; n < t.trie().end(node); n++) {
        if (own.indexOf(n) >= 0) return List.of(LayerContents.Part.whole(selected));
      }
      return List.of();
    }
    java.util.TreeMap<Integer, java.util.Set<String>> byLayer = new java.util.TreeMap<>();
    PathTrie trie = t.trie();
    for (int n = node; n < trie.end(node); n++) {
      if (!t.isPresent(n) || t.kind(n) == ChangeKind.REMOVED || !t.hasEntry(n)) continue;
      byLayer
          .computeIfAbsent(t.entryLayer(n), k -> new java.util.HashSet<>())
          .add(trie.relativePath(n));
    }
    List<LayerContents.Part> parts = new ArrayList<>();
    for (var e : byLayer.entrySet()) {
      parts.add(new LayerContents.Part(all.get(e.getKey()), Optional.of(e.getValue())));
    }
    return parts;
  }

  private void applyToPrompt(Action action) {
    if (action instanceof Action.TypeText typed) {
      prompt.type(typed.text());
      return;
    }
    if (!(action instanceof Command c)) return;
    switch (c) {
      case INPUT_BACKSPACE -> prompt.backspace();
      case CLOSE -> prompt = null;
      case QUIT -> quit = true;
      case INPUT_ACCEPT -> {
        String target = prompt.target();
        if (target.isEmpty()) {
          notice = "Name the directory to extract into";
          return;
        }
        ExtractPrompt p = prompt;
        prompt = null;
        extractTarget = target;
        int top = p.parts().get(p.parts().size() - 1).layer().index();
        start(
            new LayerTask(
                LayerTask.Kind.EXTRACT,
                top,
                p.path(),
                target,
                job -> contents.extract(p.path(), p.parts(), target, job)));
      }
      default -> {}
    }
  }

  private void start(LayerTask task) {
    running = task;
    shownProgress = task.progressText(keys.shownKey(Command.CLOSE));
    layerExecutor.execute(
        () -> {
          task.run();
          finished.set(task);
          backgroundListener.run();
        });
    // An inline executor (tests) has finished already.
    refresh();
  }

  private void cancelLayerTask() {
    LayerTask task = running;
    running = null;
    task.job().cancel();
    notice =
        task.kind() == LayerTask.Kind.EXTRACT
            ? "Extraction cancelled; what it had written is removed"
            : "Cancelled reading layer " + task.layer();
  }

  private void finish(LayerTask task) {
    if (task.failure() != null) {
      notice = LayerTask.oneLine(task.failure());
      return;
    }
    if (task.result() instanceof LayerContents.FileText file) {
      overlay =
          new Overlay(
              Overlay.Kind.VIEWER, FileViewer.title(file, task.layer()), FileViewer.lines(file));
    } else if (task.result() instanceof LayerContents.Extracted done) {
      notice = LayerTask.summary(task.path(), done);
    }
  }

  /** Whether navigation keys go to the tree: it has the focus, or a text line over it does. */
  private boolean treeHasKeys() {
    return focus == Focus.TREE || input != Input.NONE;
  }

  private void moveBy(int delta) {
    if (treeHasKeys()) {
      tree.cursorBy(delta);
      return;
    }
    switch (focus) {
      case LAYERS -> {
        if (layers.moveBy(delta)) layerChanged();
      }
      case LAYER_DETAILS -> layerDetails.scrollBy(delta);
      case IMAGE_DETAILS -> imageDetails.scrollBy(delta);
      case TREE -> tree.cursorBy(delta);
    }
  }

  private void page(int direction) {
    if (treeHasKeys()) {
      if (direction > 0) tree.pageDown();
      else tree.pageUp();
      return;
    }
    switch (focus) {
      case LAYERS -> {
        if (layers.page(direction)) layerChanged();
      }
      case LAYER_DETAILS -> layerDetails.page(direction);
      case IMAGE_DETAILS -> imageDetails.page(direction);
      case TREE -> {}
    }
  }

  private void toEnd(boolean last) {
    if (treeHasKeys()) {
      if (last) tree.last();
      else tree.first();
      return;
    }
    switch (focus) {
      case LAYERS -> {
        if (layers.select(last ? layers.size() - 1 : 0)) layerChanged();
      }
      case LAYER_DETAILS -> {
        if (last) layerDetails.toEnd();
        else layerDetails.toStart();
      }
      case IMAGE_DETAILS -> {
        if (last) imageDetails.toEnd();
        else imageDetails.toStart();
      }
      case TREE -> {}
    }
  }

  private static Focus nextPane(Focus f) {
    return switch (f) {
      case LAYERS -> Focus.LAYER_DETAILS;
      case LAYER_DETAILS -> Focus.IMAGE_DETAILS;
      case IMAGE_DETAILS, TREE -> Focus.LAYERS;
    };
  }

  private static Focus previousPane(Focus f) {
    return switch (f) {
      case LAYERS -> Focus.IMAGE_DETAILS;
      case LAYER_DETAILS, TREE -> Focus.LAYERS;
      case IMAGE_DETAILS -> Focus.LAYER_DETAILS;
    };
  }

  private void type(String text) {
    if (input == Input.FILTER) {
      filterLine.type(text);
      tree.setFilter(filterLine.text());
    } else if (input == Input.FIND) {
      findLine.type(text);
      findIncrementally();
    }
  }

  private void findIncrementally() {
    String text = findLine.text();
    if (text.isEmpty()) {
      findFailed = false;
      return;
    }
    findFailed = !tree.findFrom(text, findStart, true, true);
  }

  private void closeFilter() {
    filterOpen = false;
    filterLine.clear();
    tree.setFilter("");
    if (input == Input.FILTER) {
      input = Input.NONE;
      focus = Focus.TREE;
    }
  }

  private void closeFind() {
    if (!findOpen) return;
    findOpen = false;
    if (input == Input.FIND) input = Input.NONE;
    if (!findLine.text().isEmpty()) lastFind = findLine.text();
  }

  private Overlay help() {
    return new Overlay(Overlay.Kind.HELP, "Keys", HelpText.lines(keys));
  }

  private void layerChanged() {
    Layer layer = layers.selectedLayer();
    layerDetails.show(layer);
    if (layer == null) return;
    tree.showTree(stack.compared(layers.compareKey()));
    prefetchNeighbours();
  }

  /**
   * Computes the trees of the layers above and below the selected one while the user looks, so that
   * the next step through the layers finds them ready. Large images only; a request that a newer
   * selection has overtaken is dropped.
   */
  private void prefetchNeighbours() {
    if (!background || stack.files().trie().size() < FileTreeModel.ASYNC_FILTER_FROM_NODES) return;
    int generation = ++selection;
    int index = layers.selected();
    CompareMode mode = layers.mode();
    for (int next : new int[] {index + 1, index - 1}) {
      if (next < 0 || next >= layers.size()) continue;
      CompareKey key = LayerListModel.compareKey(next, mode, 0);
      prefetcher()
          .execute(
              () -> {
                if (selection == generation) stack.compared(key).size(PathTrie.ROOT);
              });
    }
  }

  // ---- mouse

  private void click(int column, int row) {
    Layout l = layout;
    if (l == null || l.tooSmall()) return;
    if (l.layers().contains(column, row)) {
      input = Input.NONE;
      focus = Focus.LAYERS;
      int index = layers.layerAtRow(row - l.layers().y() - 2);
      if (index >= 0 && layers.select(index)) layerChanged();
    } else if (l.layerDetails().contains(column, row)) {
      input = Input.NONE;
      focus = Focus.LAYER_DETAILS;
    } else if (l.imageDetails().contains(column, row)) {
      input = Input.NONE;
      focus = Focus.IMAGE_DETAILS;
    } else if (l.tree().contains(column, row)) {
      input = Input.NONE;
      focus = Focus.TREE;
      int firstRowY = l.tree().y() + 1 + (tree.drawsAttributes() ? 1 : 0);
      if (row < firstRowY) return;
      int target = tree.top() + row - firstRowY;
      if (target >= tree.rowCount()) return;
      if (target == tree.cursorRow()) tree.toggleCollapse();
      else tree.moveCursorTo(target);
    } else if (l.input() != null && l.input().contains(column, row)) {
      input = findOpen ? Input.FIND : Input.FILTER;
    }
  }

  private void wheel(int column, int row, int delta) {
    Layout l = layout;
    if (l == null || l.tooSmall()) return;
    if (l.layers().contains(column, row)) {
      if (layers.moveBy(delta)) layerChanged();
    } else if (l.layerDetails().contains(column, row)) {
      layerDetails.scrollBy(delta);
    } else if (l.imageDetails().contains(column, row)) {
      imageDetails.scrollBy(delta);
    } else if (l.tree().contains(column, row)) {
      tree.cursorBy(delta);
    }
  }

  // ---- drawing

  /**
   * The whole screen at this size: every line exactly {@code width} columns. Adapts the panes'
   * viewports to the size, so the terminal layer calls it after each action and each resize.
   */
  public Frame render(int width, int height) {
    Canvas c = new Canvas(Math.max(1, width), Math.max(1, height));
    boolean inputShown = filterOpen || findOpen;
    Layout l = Layout.compute(c.width(), c.height(), inputShown);
    layout = l;
    if (l.tooSmall()) {
      List<List<Span>> lines =
          TextWrap.wrap(List.of(new Span(l.tooSmallMessage(), Style.ERROR)), c.width());
      for (int y = 0; y < lines.size() && y < c.height(); y++) {
        int col = 0;
        for (Span s : lines.get(y)) col += c.put(col, y, c.width() - col, s.text(), s.style());
      }
      return c.toFrame();
    }
    boolean panesHaveKeys = input == Input.NONE;
    layers.draw(c, l.layers(), panesHaveKeys && focus == Focus.LAYERS, l.narrow());
    layerDetails.draw(c, l.layerDetails(), panesHaveKeys && focus == Focus.LAYER_DETAILS);
    imageDetails.draw(c, l.imageDetails(), panesHaveKeys && focus == Focus.IMAGE_DETAILS);
    String title =
        layers.mode() == CompareMode.AGGREGATED
            ? "Aggregated Layer Contents"
            : "Current Layer Contents";
    tree.draw(c, l.tree(), title, panesHaveKeys && focus == Focus.TREE, treeHasKeys());
    List<StatusBar.Item> items =
        input == Input.FILTER
            ? StatusBar.inputItems(keys, "Type to filter the file tree")
            : input == Input.FIND
                ? StatusBar.inputItems(keys, "Type part of a file name")
                : StatusBar.items(keys, focus, this::isOn);
    String status = notice;
    if (status == null && running != null) {
      status = running.progressText(keys.shownKey(Command.CLOSE));
    }
    StatusBar.draw(c, l.status().y(), c.width(), items, status, image.diagnostics().size());
    if (l.input() != null) {
      if (findOpen) {
        findLine.draw(
            c,
            l.input().y(),
            c.width(),
            input == Input.FIND,
            findFailed ? "(no match)" : null,
            Style.ERROR);
      } else {
        String hint = null;
        Style hintStyle = Style.DIM;
        if (tree.filterError() != null) {
          hint = "(invalid: " + tree.filterError() + ")";
          hintStyle = Style.ERROR;
        } else if (tree.filterPending()) {
          hint = "(filtering…)";
        }
        filterLine.draw(c, l.input().y(), c.width(), input == Input.FILTER, hint, hintStyle);
      }
    }
    if (overlay != null) overlay.draw(c, c.width(), c.height());
    if (prompt != null) prompt.draw(c, c.width(), c.height());
    return c.toFrame();
  }

  /** Which status bar toggles are on. */
  private boolean isOn(Command c) {
    return switch (c) {
      case FILTER_FILES -> filterOpen;
      case COMPARE_LAYER -> layers.mode() == CompareMode.LAYER;
      case COMPARE_ALL -> layers.mode() == CompareMode.AGGREGATED;
      case TOGGLE_SORT_ORDER -> tree.sortsBySize();
      case TOGGLE_ADDED_FILES -> !tree.isHidden(ChangeKind.ADDED);
      case TOGGLE_REMOVED_FILES -> !tree.isHidden(ChangeKind.REMOVED);
      case TOGGLE_MODIFIED_FILES -> !tree.isHidden(ChangeKind.MODIFIED);
      case TOGGLE_UNMODIFIED_FILES -> !tree.isHidden(ChangeKind.UNMODIFIED);
      case TOGGLE_FILETREE_ATTRIBUTES -> tree.drawsAttributes();
      case TOGGLE_WRAP_TREE -> tree.wraps();
      default -> false;
    };
  }
}
