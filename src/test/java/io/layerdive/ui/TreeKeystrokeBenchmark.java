package io.layerdive.ui;

import io.layerdive.analysis.ImageAnalysis;
import io.layerdive.analysis.ImageAnalyzer;
import io.layerdive.image.Digest;
import io.layerdive.image.Image;
import io.layerdive.image.ImageConfig;
import io.layerdive.image.Layer;
import io.layerdive.image.LayerChange;
import io.layerdive.testing.Layers;
import io.layerdive.tree.ImageFiles;
import io.layerdive.tree.LayerStack;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Times each kind of keystroke through the explorer on a synthetic image of a million files: the
 * key's action plus rendering a 200×60 frame, as the terminal would. Not a test: run its {@code
 * main} with the test classpath and a few GB of heap, e.g.
 *
 * <pre>
 * mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx4g -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *     io.layerdive.ui.TreeKeystrokeBenchmark [files]
 * </pre>
 *
 * Method: each kind is repeated (after the same number of warm-up runs) and the median, 90th
 * percentile and maximum wall time are printed in milliseconds.
 */
public final class TreeKeystrokeBenchmark {
  private static final int WIDTH = 200;
  private static final int HEIGHT = 60;

  private TreeKeystrokeBenchmark() {}

  public static void main(String[] args) throws Exception {
    int files = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    long t0 = System.nanoTime();
    AnalyzedImage image = build(files);
    System.out.printf(
        Locale.ROOT,
        "image: %,d paths in the trie, %d layers, built and analysed in %.1f s%n",
        image.stack().files().trie().size(),
        image.image().layers().size(),
        (System.nanoTime() - t0) / 1e9);

    AppModel app = AppModel.open(image);
    CountDownLatch[] ready = {new CountDownLatch(1)};
    app.onBackgroundResult(() -> ready[0].countDown());
    time("first frame", 1, 0, () -> app.render(WIDTH, HEIGHT));

    app.press("tab");
    time("cursor down (j)", 2000, 500, () -> key(app, "j"));
    time("cursor up (k)", 2000, 500, () -> key(app, "k"));
    time("page down (pgdn)", 300, 100, () -> key(app, "pgdn"));
    time("page up (pgup)", 300, 100, () -> key(app, "pgup"));
    time("last row (G)", 20, 5, () -> key(app, "G"));
    time("first row (g)", 20, 5, () -> key(app, "g"));
    time("collapse/expand dir (space)", 60, 20, () -> key(app, "space"));
    time("collapse all / expand all (ctrl+space)", 20, 6, () -> key(app, "ctrl+space"));
    time("hide/show unmodified (ctrl+u)", 20, 6, () -> key(app, "ctrl+u"));
    time("attributes (ctrl+b)", 20, 6, () -> key(app, "ctrl+b"));
    time("wrap (ctrl+p)", 20, 6, () -> key(app, "ctrl+p"));
    time("next wasted (w)", 20, 6, () -> key(app, "w"));
    time("sort by size / name (ctrl+o)", 10, 4, () -> key(app, "ctrl+o"));
    app.press("ctrl+o");
    app.press("g");
    time("collapse/expand dir, sorted by size (space)", 60, 20, () -> key(app, "space"));
    app.press("ctrl+o");
    app.press("g");

    app.press("tab");
    time(
        "layer switch, cached (j then k)",
        40,
        10,
        () -> {
          key(app, "j");
          key(app, "k");
        });
    app.press("ctrl+a");
    app.press("j");
    app.press("j");
    time(
        "layer switch, aggregated, cached (k then j)",
        40,
        10,
        () -> {
          key(app, "k");
          key(app, "j");
        });
    app.press("ctrl+l");
    app.press("tab");

    // Filter typing: the keystroke itself (typed character on screen, previous rows kept) and the
    // time until the background match is adopted and drawn.
    app.press("/");
    String text = "file-0042";
    List<Double> keystroke = new ArrayList<>();
    List<Double> untilRows = new ArrayList<>();
    for (int round = 0; round < 6; round++) {
      for (int i = 0; i < text.length(); i++) {
        ready[0] = new CountDownLatch(1);
        long start = System.nanoTime();
        key(app, text.substring(i, i + 1));
        long typed = System.nanoTime();
        if (app.tree().filterPending()) ready[0].await(30, TimeUnit.SECONDS);
        app.refresh();
        app.render(WIDTH, HEIGHT);
        long done = System.nanoTime();
        if (round > 0) {
          keystroke.add((typed - start) / 1e6);
          untilRows.add((done - start) / 1e6);
        }
      }
      app.press("esc");
      // Forget cached matches so that every round matches afresh.
      app.tree().clearFilterCache();
      app.press("/");
    }
    report("filter: typed character on screen", keystroke);
    report("filter: rows filtered and drawn", untilRows);
    app.press("esc");

    List<Double> regexTyped = new ArrayList<>();
    List<Double> regexRows = new ArrayList<>();
    String regex = "mod-1.*\\.js$";
    for (int round = 0; round < 3; round++) {
      app.press("/");
      for (int i = 0; i < regex.length(); i++) {
        ready[0] = new CountDownLatch(1);
        long start = System.nanoTime();
        key(app, regex.substring(i, i + 1));
        long typed = System.nanoTime();
        if (app.tree().filterPending()) ready[0].await(30, TimeUnit.SECONDS);
        app.refresh();
        app.render(WIDTH, HEIGHT);
        long done = System.nanoTime();
        if (round > 0) {
          regexTyped.add((typed - start) / 1e6);
          regexRows.add((done - start) / 1e6);
        }
      }
      app.press("esc");
      app.tree().clearFilterCache();
    }
    report("regex filter: typed character on screen", regexTyped);
    report("regex filter: rows filtered and drawn", regexRows);

    // First visits of each layer, on a fresh tree cache, with a user's pause between keys: without
    // and with the neighbouring layers' trees computed in the background.
    for (boolean background : new boolean[] {false, true}) {
      AnalyzedImage fresh =
          new AnalyzedImage(
              image.image(),
              new LayerStack(image.stack().files()),
              image.analysis(),
              image.diagnostics());
      AppModel first =
          new AppModel(
              fresh,
              KeyBindings.defaults(),
              new AppModel.Options(CompareMode.LAYER, true, List.of(), true, background));
      first.render(WIDTH, HEIGHT);
      List<Double> ms = new ArrayList<>();
      for (String mode : new String[] {"ctrl+l", "ctrl+a"}) {
        first.press(mode);
        first.press("g");
        first.render(WIDTH, HEIGHT);
        for (int i = 1; i < fresh.image().layers().size(); i++) {
          Thread.sleep(400);
          long start = System.nanoTime();
          key(first, "j");
          ms.add((System.nanoTime() - start) / 1e6);
        }
      }
      report("layer switch, first visit" + (background ? ", neighbours prefetched" : ""), ms);
      first.close();
    }

    app.press("f");
    time(
        "find as you type (f, then a letter)",
        10,
        3,
        () -> {
          key(app, "z");
          key(app, "backspace");
        });
    app.press("esc");
    app.close();
  }

  private static void key(AppModel app, String key) {
    app.press(key);
    app.render(WIDTH, HEIGHT);
  }

  private static void time(String what, int runs, int warmup, Runnable action) {
    for (int i = 0; i < warmup; i++) action.run();
    List<Double> ms = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      action.run();
      ms.add((System.nanoTime() - start) / 1e6);
    }
    report(what, ms);
  }

  private static void report(String what, List<Double> ms) {
    double[] sorted = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    if (sorted.length == 0) return;
    System.out.printf(
        Locale.ROOT,
        "%-48s n=%4d  median %8.2f ms  p90 %8.2f ms  max %8.2f ms%n",
        what,
        sorted.length,
        sorted[sorted.length / 2],
        sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.9) - 1)],
        sorted[sorted.length - 1]);
  }

  /**
   * A base layer of {@code files} files in 100 packages × 100 modules plus a 40-deep chain; then
   * layers that rewrite 1 % of the files, add a dependency directory, delete packages and chmod.
   */
  static AnalyzedImage build(int files) {
    int perModule = Math.max(1, files / 10_000);
    List<LayerChange> base = new ArrayList<>(files + 20_000);
    for (int p = 0; p < 100; p++) {
      base.add(Layers.dir(String.format("usr/lib/pkg-%03d", p)));
      for (int m = 0; m < 100; m++) {
        String dir = String.format("usr/lib/pkg-%03d/mod-%02d", p, m);
        base.add(Layers.dir(dir));
        for (int f = 0; f < perModule; f++) {
          base.add(
              Layers.file(
                  String.format("%s/file-%04d.js", dir, f), (p * 131 + m * 17 + f) % 20_000));
        }
      }
    }
    StringBuilder deep = new StringBuilder("deep");
    for (int d = 0; d < 40; d++) deep.append("/d").append(d);
    base.add(Layers.file(deep + "/leaf", 10));

    List<LayerChange> rewrite = new ArrayList<>();
    for (int p = 0; p < 100; p++) {
      for (int m = 0; m < 100; m += 10) {
        for (int f = 0; f < perModule; f += 10) {
          String path = String.format("usr/lib/pkg-%03d/mod-%02d/file-%04d.js", p, m, f);
          rewrite.add(Layers.file(path, 1000, 7));
        }
      }
    }
    List<LayerChange> deps = new ArrayList<>();
    for (int i = 0; i < 50_000; i++)
      deps.add(Layers.file("app/node_modules/m" + (i / 100) + "/f" + i + ".js", i % 3000));
    List<LayerChange> delete = new ArrayList<>();
    for (int p = 0; p < 100; p += 7)
      delete.add(Layers.whiteout(String.format("usr/lib/pkg-%03d", p)));
    List<LayerChange> chmod = new ArrayList<>();
    for (int i = 0; i < 1000; i++)
      chmod.add(
          Layers.file("app/node_modules/m" + (i / 100) + "/f" + i + ".js", i % 3000, 0, 0755));

    List<List<LayerChange>> layers = List.of(base, rewrite, deps, delete, chmod);
    @SuppressWarnings("unchecked")
    ImageFiles imageFiles = Layers.files(layers.toArray(new List[0]));
    List<Layer> meta = new ArrayList<>();
    String[] commands = {
      "#(nop) ADD file:base in /",
      "RUN update",
      "COPY node_modules",
      "RUN rm -rf pkgs",
      "RUN chmod +x"
    };
    for (int i = 0; i < layers.size(); i++) {
      char[] hex = new char[64];
      Arrays.fill(hex, Character.forDigit(i, 16));
      meta.add(
          new Layer(
              i,
              new String(hex),
              new Digest("sha256", new String(hex)),
              Optional.empty(),
              commands[i],
              imageFiles.layer(i).totalSize(),
              -1));
    }
    Image img =
        new Image("synthetic:1m", new ImageConfig("linux", "amd64", List.of()), meta, List.of());
    LayerStack stack = new LayerStack(imageFiles);
    ImageAnalysis analysis = ImageAnalyzer.analyze(img, imageFiles);
    return new AnalyzedImage(img, stack, analysis, stack.diagnostics());
  }
}
