package io.layerdive.bench;

import io.layerdive.analysis.Advisor;
import io.layerdive.analysis.Efficiency;
import io.layerdive.image.Image;
import io.layerdive.source.LoadListener;
import io.layerdive.source.LoadedImage;
import io.layerdive.source.archive.DockerArchiveSource;
import io.layerdive.tree.ImageFiles;
import io.layerdive.tree.LayerStack;
import io.layerdive.tree.RawLayer;
import io.layerdive.tree.StackWalk;
import io.layerdive.tree.TreeBuilder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * What the three walks up an image's layers cost: {@link LayerStack}'s constructor (dangling
 * whiteouts), {@link Efficiency} and {@link Advisor} each stack every layer once, and a bare
 * {@link StackWalk} prices the walk alone. Not a test: run it by hand on an archive written by
 * {@link ImageBenchmark} (e.g. {@code huge.tar} in its scratch directory):
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat cp.txt) \
 *     io.layerdive.bench.StackingCost ARCHIVE [RUNS]
 * </pre>
 *
 * The first lines are the command line's order in a fresh JVM, once each (the first walk pays
 * for compiling the stacking code); then each step again {@code RUNS} times, warm.
 */
public final class StackingCost {
  private static Object sink;

  private StackingCost() {}

  public static void main(String[] args) throws Exception {
    Path archive = Path.of(args[0]);
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    long t0 = System.nanoTime();
    TreeBuilder builder = new TreeBuilder();
    LoadedImage<RawLayer> loaded =
        DockerArchiveSource.file(archive, "bench").load(builder, LoadListener.NONE);
    Image image = loaded.image();
    ImageFiles files = builder.freeze(loaded.layerContents());
    System.out.printf(
        Locale.ROOT,
        "%s: loaded in %d ms; %d layers, %d paths%n",
        archive.getFileName(),
        (System.nanoTime() - t0) / 1_000_000,
        files.layerCount(),
        files.trie().size());

    System.out.println("In the command line's order, once each:");
    measure("new LayerStack", 1, () -> new LayerStack(files));
    measure("bare StackWalk", 1, () -> walk(files));
    measure("Efficiency.compute", 1, () -> Efficiency.compute(files));
    measure("Advisor.advise", 1, () -> Advisor.advise(image, files));
    System.out.println("Warm, " + runs + " runs each:");
    measure("bare StackWalk", runs, () -> walk(files));
    measure("new LayerStack", runs, () -> new LayerStack(files));
    measure("Efficiency.compute", runs, () -> Efficiency.compute(files));
    measure("Advisor.advise", runs, () -> Advisor.advise(image, files));
  }

  private static StackWalk walk(ImageFiles files) {
    StackWalk walk = new StackWalk(files);
    for (int i = 0; i < files.layerCount(); i++) walk.stackNext();
    return walk;
  }

  private static void measure(String what, int runs, Supplier<Object> task) {
    long[] ms = new long[runs];
    for (int r = 0; r < runs; r++) {
      long t = System.nanoTime();
      sink = task.get();
      ms[r] = (System.nanoTime() - t) / 1_000_000;
    }
    long[] sorted = ms.clone();
    Arrays.sort(sorted);
    System.out.printf(
        Locale.ROOT,
        "  %-20s min %5d ms, median %5d ms  %s%n",
        what,
        sorted[0],
        sorted[runs / 2],
        Arrays.toString(ms));
    if (sink == null) throw new AssertionError(what);
  }
}
