package io.layerdive.bench;

import io.layerdive.sample.Layout;
import io.layerdive.sample.SyntheticImages;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How fast, and in how much memory, a whole image loads: for each synthetic image asked for
 * ({@link SyntheticImages}), writes it once as a {@code docker save} archive into a scratch
 * directory (kept for later runs), reads the file once so that it is in the page cache, then loads
 * it end to end (archive source, tree builder, layer stack, analysis) in a fresh JVM per
 * measurement ({@link ImageLoadChild}) and prints a Markdown table. Not a test: run it by hand, e.g.
 *
 * <pre>
 * mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt
 * java -cp target/test-classes:target/classes:$(cat cp.txt) \
 *     io.layerdive.bench.ImageBenchmark [--dir SCRATCH] [--runs 3] [--threads N] \
 *     [--jvm 'FLAGS']... [SMALL] [LARGE] [HUGE] [FLAT]
 * </pre>
 *
 * Without cases it runs SMALL and LARGE; {@code --threads} sets the archive source's layer-reading
 * threads (its default otherwise). Each {@code --jvm} is one configuration of JVM flags (split at
 * spaces; {@code --jvm default} or {@code --jvm ''} for none) measured for every case, in the
 * order given, runs of different configurations interleaved so that a change in the machine's
 * load does not land on one configuration alone. Without {@code --jvm}, each case runs with the
 * JVM's defaults, and HUGE also with {@code -Xmx512m} to show whether a million-file model fits in
 * 512 MB. Figures per row are medians over the runs. {@code --jvm -Dlayerdive.bench.warmups=N}
 * makes the child load the image N times before the measured load: a warm JVM, for comparison.
 *
 * <p>With {@code --cache}, each case gets two more rows: <b>cache fill</b>, a load into an empty
 * layer cache (reading every layer, writing its entry and the image's frozen trees), emptied again
 * before each round's fill; and <b>cache re-open</b>, loads from the cache the same round filled,
 * each in a fresh JVM as before. Both run with the first {@code --jvm} configuration's flags (the
 * JVM's defaults without one). The split of each load (read or replay / freeze / stack and
 * analysis) is printed for each run.
 *
 * <ul>
 *   <li><b>load</b>: in the child, from opening the archive to the analysis (JVM start excluded);
 *       <b>process</b>: the child's whole life as the parent sees it, JVM start and the memory
 *       measurements included.
 *   <li><b>CPU</b>: CPU time of the child's every thread during the load (readers, compilers,
 *       collector); it hardly changes when other processes share the machine, where wall times do.
 *   <li><b>MB/s</b>: archive bytes (the layers are uncompressed tars) over the load time.
 *   <li><b>peak RSS</b>: {@code VmHWM} of the child after loading.
 *   <li><b>retained heap</b>: heap in use after repeated {@code System.gc()} with the model still
 *       referenced, less the same figure taken before loading; divided by the layers' file
 *       entries for <b>bytes/entry</b>.
 * </ul>
 *
 * The child's heap histogram (top classes) is printed below the table for each case.
 */
public final class ImageBenchmark {
  private ImageBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(System.getProperty("java.io.tmpdir"), "layerdive-bench");
    int runs = 3;
    String threads = null;
    List<SyntheticImages> cases = new ArrayList<>();
    List<List<String>> configurations = new ArrayList<>();
    boolean cache = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--dir" -> dir = Path.of(args[++i]);
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--threads" -> threads = args[++i];
        case "--jvm" -> configurations.add(flags(args[++i]));
        case "--cache" -> cache = true;
        default -> cases.add(SyntheticImages.valueOf(args[i].toUpperCase(Locale.ROOT)));
      }
    }
    if (cases.isEmpty()) cases = List.of(SyntheticImages.SMALL, SyntheticImages.LARGE);
    Files.createDirectories(dir);

    List<String> rows = new ArrayList<>();
    List<String> histograms = new ArrayList<>();
    for (SyntheticImages image : cases) {
      Path archive = prepare(dir, image);
      List<List<String>> heaps = new ArrayList<>(configurations);
      if (heaps.isEmpty()) {
        heaps.add(List.of());
        if (image == SyntheticImages.HUGE) heaps.add(List.of("-Xmx512m"));
      }
      Path cacheDir = dir.resolve(image.name().toLowerCase(Locale.ROOT) + "-cache");
      List<String> cacheJvm = configurations.isEmpty() ? List.of() : configurations.get(0);
      if (cache) {
        heaps.add(cacheRow(FILL, cacheJvm));
        heaps.add(cacheRow(REOPEN, cacheJvm));
      }
      List<List<Map<String, String>>> results = new ArrayList<>();
      List<String> histogram = new ArrayList<>();
      List<String> failed = new ArrayList<>();
      for (int k = 0; k < heaps.size(); k++) {
        results.add(new ArrayList<>());
        histogram.add("");
        failed.add(null);
      }
      for (int run = 0; run < runs; run++) {
        for (int k = 0; k < heaps.size(); k++) {
          List<String> jvm = heaps.get(k);
          if (failed.get(k) != null) continue;
          if (!jvm.isEmpty() && jvm.get(0).equals(FILL)) deleteTree(cacheDir);
          Result r = child(archive, jvm, threads, cacheDir);
          System.err.printf(
              Locale.ROOT,
              "%s %s run %d: exit %d, load %s ms, CPU %s ms, peak RSS %s kB"
                  + " (read %s ms, freeze %s ms, stack and analysis %s ms)%n",
              image,
              jvm,
              run,
              r.exit,
              r.values.containsKey("loadNanos")
                  ? Long.parseLong(r.values.get("loadNanos")) / 1_000_000
                  : "-",
              r.values.getOrDefault("loadCpuMillis", "-"),
              r.values.getOrDefault("vmHwmKb", "-"),
              millis(r, "readNanos"),
              millis(r, "freezeNanos"),
              millis(r, "analyzeNanos"));
          if (r.exit != 0) {
            failed.set(k, failedRow(image, jvm, r));
            continue;
          }
          results.get(k).add(r.values);
          histogram.set(k, r.histogram);
        }
      }
      for (int k = 0; k < heaps.size(); k++) {
        List<String> jvm = heaps.get(k);
        if (failed.get(k) != null) {
          rows.add(failed.get(k));
          continue;
        }
        rows.add(row(image, jvm, results.get(k)));
        histograms.add(
            "Heap histogram, " + image + " " + String.join(" ", jvm) + ":\n\n```\n"
                + histogram.get(k) + "```\n");
      }
    }
    System.out.println();
    System.out.println(
        "| image | JVM flags | layers | file entries | archive | load (min–max) | CPU | process |"
            + " MB/s | peak RSS | retained heap | bytes/entry |");
    System.out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    rows.forEach(System.out::println);
    System.out.println();
    histograms.forEach(System.out::println);
  }

  private static List<String> flags(String text) {
    String trimmed = text.trim();
    if (trimmed.isEmpty() || trimmed.equals("default")) return List.of();
    return List.of(trimmed.split("\\s+"));
  }

  /** Writes the image unless an earlier run did, then reads it once into the page cache. */
  private static Path prepare(Path dir, SyntheticImages image) throws IOException {
    Path archive = dir.resolve(image.name().toLowerCase(Locale.ROOT) + ".tar");
    if (!Files.exists(archive)) {
      Path partial = dir.resolve(archive.getFileName() + ".partial");
      long t0 = System.nanoTime();
      image.write(partial, Layout.DOCKER_LEGACY);
      Files.move(partial, archive, StandardCopyOption.REPLACE_EXISTING);
      System.err.printf(
          Locale.ROOT, "%s: written in %.1f s%n", archive, (System.nanoTime() - t0) / 1e9);
    }
    byte[] buf = new byte[1 << 20];
    try (InputStream in = Files.newInputStream(archive)) {
      while (in.read(buf) >= 0) {
        // Only to have the file in the page cache.
      }
    }
    return archive;
  }

  private record Result(int exit, long nanos, Map<String, String> values, String histogram) {}

  /** Pseudo JVM flags naming the cache rows. */
  private static final String FILL = "cache fill";

  private static final String REOPEN = "cache re-open";

  /** A cache row's configuration: its name, then the JVM flags it runs with. */
  private static List<String> cacheRow(String name, List<String> jvm) {
    List<String> row = new ArrayList<>();
    row.add(name);
    row.addAll(jvm);
    return row;
  }

  private static String millis(Result r, String key) {
    return r.values.containsKey(key)
        ? Long.toString(Long.parseLong(r.values.get(key)) / 1_000_000)
        : "-";
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) return;
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
    }
  }

  private static Result child(Path archive, List<String> jvm, String threads, Path cacheDir)
      throws Exception {
    boolean cached = !jvm.isEmpty() && (jvm.get(0).equals(FILL) || jvm.get(0).equals(REOPEN));
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(cached ? jvm.subList(1, jvm.size()) : jvm);
    cmd.add("-XX:+ExitOnOutOfMemoryError");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(ImageLoadChild.class.getName());
    cmd.add(archive.toString());
    if (threads != null) cmd.add(threads);
    if (cached) cmd.add("cache=" + cacheDir);
    long t0 = System.nanoTime();
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    Map<String, String> values = new HashMap<>();
    StringBuilder histogram = new StringBuilder();
    StringBuilder other = new StringBuilder();
    boolean inHistogram = false;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (inHistogram) {
          histogram.append(line).append('\n');
        } else if (line.equals("histogram:")) {
          inHistogram = true;
        } else if (line.matches("[A-Za-z]+=.*")) {
          int eq = line.indexOf('=');
          values.put(line.substring(0, eq), line.substring(eq + 1));
        } else {
          other.append(line).append('\n');
        }
      }
    }
    int exit = p.waitFor();
    long nanos = System.nanoTime() - t0;
    values.put("processNanos", Long.toString(nanos));
    if (exit != 0) System.err.print(other);
    return new Result(exit, nanos, values, histogram.toString());
  }

  private static String row(SyntheticImages image, List<String> jvm, List<Map<String, String>> rs) {
    Map<String, String> first = rs.get(0);
    long archiveBytes = Long.parseLong(first.get("archiveBytes"));
    long entries = Long.parseLong(first.get("entries"));
    long[] load = longs(rs, "loadNanos");
    long[] process = longs(rs, "processNanos");
    long[] hwm = longs(rs, "vmHwmKb");
    long[] cpu = longs(rs, "loadCpuMillis");
    long[] retained = new long[rs.size()];
    for (int i = 0; i < rs.size(); i++) {
      retained[i] =
          Long.parseLong(rs.get(i).get("heapAfter")) - Long.parseLong(rs.get(i).get("heapBefore"));
    }
    long loadMedian = median(load);
    long retainedMedian = median(retained);
    return String.format(
        Locale.ROOT,
        "| %s | %s | %s | %,d | %s | %.2f s (%.2f–%.2f) | %.2f s | %.2f s | %.0f | %s | %s | %.0f |",
        image,
        jvm.isEmpty() ? "default" : String.join(" ", jvm),
        first.get("layers"),
        entries,
        mb(archiveBytes),
        loadMedian / 1e9,
        min(load) / 1e9,
        max(load) / 1e9,
        median(cpu) / 1e3,
        median(process) / 1e9,
        archiveBytes / 1e6 / (loadMedian / 1e9),
        mb(median(hwm) * 1024),
        mb(retainedMedian),
        (double) retainedMedian / entries);
  }

  private static String failedRow(SyntheticImages image, List<String> jvm, Result r) {
    return String.format(
        Locale.ROOT,
        "| %s | %s | | | | failed (exit %d%s) | | | | | | |",
        image,
        jvm.isEmpty() ? "default" : String.join(" ", jvm),
        r.exit,
        r.exit == 3 ? ": out of memory" : "");
  }

  private static long[] longs(List<Map<String, String>> rs, String key) {
    return rs.stream().mapToLong(m -> Long.parseLong(m.get(key))).toArray();
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static long min(long[] values) {
    return Arrays.stream(values).min().orElseThrow();
  }

  private static long max(long[] values) {
    return Arrays.stream(values).max().orElseThrow();
  }

  private static String mb(long bytes) {
    return bytes >= 1_000_000_000L
        ? String.format(Locale.ROOT, "%.2f GB", bytes / 1e9)
        : String.format(Locale.ROOT, "%.0f MB", bytes / 1e6);
  }
}
