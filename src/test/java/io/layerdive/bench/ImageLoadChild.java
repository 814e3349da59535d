package io.layerdive.bench;

import io.layerdive.analysis.ImageAnalysis;
import io.layerdive.analysis.ImageAnalyzer;
import io.layerdive.image.Image;
import io.layerdive.cache.DiskLayerCache;
import io.layerdive.source.LayerBlobReader;
import io.layerdive.source.LayerCache;
import io.layerdive.source.LoadListener;
import io.layerdive.source.LoadedImage;
import io.layerdive.source.archive.DockerArchiveSource;
import io.layerdive.tree.FrozenImages;
import io.layerdive.tree.ImageFiles;
import io.layerdive.tree.LayerStack;
import io.layerdive.tree.RawLayer;
import io.layerdive.tree.TreeBuilder;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.management.ObjectName;

/**
 * One measurement of {@link ImageBenchmark}, in a JVM of its own so that no run inherits another's
 * heap, JIT or page-cache-independent state: loads the archive given as the only argument end to
 * end, as the command line does, and prints {@code key=value} lines, then the top of a heap
 * histogram taken with the model still referenced.
 *
 * <p>Arguments: the archive, then optionally the number of reading threads and {@code
 * cache=DIR}, a layer cache directory to load from and fill (bound 100 GB).
 */
public final class ImageLoadChild {
  private ImageLoadChild() {}

  public static void main(String[] args) throws Exception {
    Path archive = Path.of(args[0]);
    // Loads before the measured one, to tell the JIT's warm-up from the work itself; not for
    // memory figures, which then include the earlier loads' high-water mark.
    for (int i = Integer.getInteger("layerdive.bench.warmups", 0); i > 0; i--) {
      TreeBuilder warm = new TreeBuilder();
      LoadedImage<RawLayer> done =
          DockerArchiveSource.file(archive, "bench").load(warm, LoadListener.NONE);
      ImageAnalyzer.analyze(done.image(), warm.freeze(done.layerContents()));
    }
    int threads = LayerBlobReader.defaultThreads();
    LayerCache cache = LayerCache.NONE;
    FrozenImages frozen = FrozenImages.NONE;
    for (int i = 1; i < args.length; i++) {
      if (args[i].startsWith("cache=")) {
        DiskLayerCache disk =
            new DiskLayerCache(Path.of(args[i].substring("cache=".length())), 100_000_000_000L);
        cache = disk;
        frozen = disk;
      } else {
        threads = Integer.parseInt(args[i]);
      }
    }
    long before = usedAfterGc();
    long cpu0 = cpuMillis();
    long t0 = System.nanoTime();
    TreeBuilder builder = new TreeBuilder(frozen);
    LoadedImage<RawLayer> loaded =
        DockerArchiveSource.file(archive, "bench", threads, cache).load(builder, LoadListener.NONE);
    long tRead = System.nanoTime();
    Image image = loaded.image();
    ImageFiles files =
        builder.freeze(
            loaded.layerContents(),
            image.layers().stream().map(io.layerdive.image.Layer::diffId).toList());
    long tFreeze = System.nanoTime();
    LayerStack stack = new LayerStack(files);
    ImageAnalysis analysis = ImageAnalyzer.analyze(image, files);
    long t1 = System.nanoTime();
    long cpu1 = cpuMillis();
    // What the resident set is made of when the load ends: anonymous memory (heap, metaspace,
    // code, the JVM's own allocations) against mapped files (the JVM's library, the class archive).
    String anonAtEnd = procStatus("RssAnon");
    String fileAtEnd = procStatus("RssFile");
    put("readNanos", tRead - t0);
    put("freezeNanos", tFreeze - tRead);
    put("analyzeNanos", t1 - tFreeze);
    long after = usedAfterGc();
    // Peak RSS before the histogram, which allocates its own text.
    String hwm = procStatus("VmHWM");
    String rss = procStatus("VmRSS");
    put("loadNanos", t1 - t0);
    put("loadCpuMillis", cpu0 < 0 ? -1 : cpu1 - cpu0);
    put("threadCpuMillis", threadCpu());
    put("archiveBytes", Files.size(archive));
    put("contentBytes", image.sizeBytes());
    put("layers", image.layers().size());
    put("paths", files.trie().size());
    put("entries", analysis.fileCount());
    put("heapBefore", before);
    put("heapAfter", after);
    put("maxHeap", Runtime.getRuntime().maxMemory());
    put("vmHwmKb", hwm);
    put("vmRssKb", rss);
    put("rssAnonAtLoadEndKb", anonAtEnd);
    put("rssFileAtLoadEndKb", fileAtEnd);
    put("efficiency", String.format(Locale.ROOT, "%.6f", analysis.efficiency()));
    put("diagnostics", image.diagnostics().size() + stack.diagnostics().size());
    System.out.println("histogram:");
    System.out.print(histogram());
    // The model must stay reachable until the histogram has been taken.
    if (stack.files() != files || loaded.layerContents().isEmpty()) System.out.println("?");
  }

  private static void put(String key, Object value) {
    System.out.println(key + "=" + value);
  }

  /** Heap in use once the collector has had a few full chances to free what is unreachable. */
  private static long usedAfterGc() throws InterruptedException {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 4; i++) {
      System.gc();
      Thread.sleep(50);
    }
    return rt.totalMemory() - rt.freeMemory();
  }

  /**
   * CPU time of the whole process (every thread: readers, compilers, collector) so far, or
   * {@code -1} off Linux. Unlike wall time it hardly changes when other processes share the cores.
   */
  private static long cpuMillis() {
    try {
      String stat = Files.readString(Path.of("/proc/self/stat"));
      // Fields after the command name, which is in parentheses and may hold spaces.
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
      return ticks * 10; // USER_HZ is 100 on Linux
    } catch (java.io.IOException | RuntimeException e) {
      return -1;
    }
  }

  /**
   * CPU time so far of the process's threads grouped by name (numbers dropped), largest first,
   * e.g. {@code main:900 C2 CompilerThread:700 ...}: shows what the compilers and the collector
   * cost beside the reading itself. Empty off Linux.
   */
  private static String threadCpu() {
    java.util.Map<String, Long> byName = new java.util.TreeMap<>();
    try (var tasks = Files.list(Path.of("/proc/self/task"))) {
      for (Path task : (Iterable<Path>) tasks::iterator) {
        try {
          String stat = Files.readString(task.resolve("stat"));
          String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
          String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          long ms = (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
          byName.merge(name.replaceAll("[0-9#-]+$", "").trim(), ms, Long::sum);
        } catch (java.io.IOException | RuntimeException e) {
          // The thread ended meanwhile.
        }
      }
    } catch (java.io.IOException e) {
      return "";
    }
    StringBuilder text = new StringBuilder();
    byName.entrySet().stream()
        .filter(e -> e.getValue() > 0)
        .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(e -> text.append(e.getKey().replace(' ', '_')).append(':').append(e.getValue()).append(' '));
    return text.toString().trim();
  }

  /** A {@code kB} figure from {@code /proc/self/status}, or {@code -1} where there is none. */
  private static String procStatus(String key) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith(key + ":")) {
          return line.substring(key.length() + 1).replace("kB", "").trim();
        }
      }
    } catch (java.io.IOException e) {
      // Not Linux: no figure.
    }
    return "-1";
  }

  /** What {@code jcmd <pid> GC.class_histogram} prints (after a full GC), first 16 classes. */
  private static String histogram() {
    try {
      String all =
          (String)
              ManagementFactory.getPlatformMBeanServer()
                  .invoke(
                      new ObjectName("com.sun.management:type=DiagnosticCommand"),
                      "gcClassHistogram",
                      new Object[] {new String[0]},
                      new String[] {String[].class.getName()});
      StringBuilder top = new StringBuilder();
      String[] lines = all.split("\n");
      for (int i = 0; i < lines.length && i < 18; i++) top.append(lines[i]).append('\n');
      top.append(lines[lines.length - 1]).append('\n');
      return top.toString();
    } catch (Exception e) {
      return "(no histogram: " + e + ")\n";
    }
  }
}
