package io.layerdive.bench;

import io.layerdive.image.LayerChange;
import io.layerdive.image.LayerReceiver;
import io.layerdive.source.LayerReadResult;
import io.layerdive.source.LayerTarReader;
import io.layerdive.source.LoadListener;
import io.layerdive.source.LoadedImage;
import io.layerdive.source.archive.DockerArchiveSource;
import io.layerdive.tree.RawLayer;
import io.layerdive.tree.TreeBuilder;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Measures how fast one large uncompressed layer is read: a tar of 100,000 files and about 1 GB
 * (sizes 0–20 KiB, random bytes, 100 directories), generated once into the directory given as the
 * first argument. Each run reads the tar from the file (page cache warm after the first run) with
 * SHA-256 of the stream and XXH64 of every file, once into a receiver that drops the changes and
 * once into the tree package's builder. Not a test: run it by hand, e.g.
 *
 * <pre>
 * mvn -q -o test-compile
 * java -cp target/classes:target/test-classes:$(cat cp.txt) \
 *     io.layerdive.bench.LayerReadBenchmark SCRATCH_DIR
 * </pre>
 *
 * (add {@code image} after the directory to read a four-layer archive of the same size end to end
 * through the archive source instead), where {@code cp.txt} comes from {@code mvn
 * dependency:build-classpath -Dmdep.outputFile=cp.txt}.
 */
public final class LayerReadBenchmark {
  private static final int FILES = 100_000;
  private static final int MAX_FILE = 20 * 1024;

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : System.getProperty("java.io.tmpdir"));
    Files.createDirectories(dir);
    if (args.length > 1 && args[1].equals("image")) {
      wholeImage(dir);
      return;
    }
    Path tar = dir.resolve("layer-100k.tar");
    if (!Files.exists(tar)) generate(tar);
    long size = Files.size(tar);
    System.out.printf("%s: %,d bytes%n", tar, size);
    // Alternate the two ways run by run, so that load from elsewhere hits both alike.
    for (int run = 0; run < 6; run++) {
      for (boolean pipelined : new boolean[] {false, true}) {
        LayerTarReader reader = new LayerTarReader(pipelined);
        long t0 = System.nanoTime();
        LayerReadResult<Integer> r;
        try (InputStream in = Files.newInputStream(tar)) {
          r = reader.read(in, "bench", null, new Counting().begin());
        }
        long t1 = System.nanoTime();
        try (InputStream in = Files.newInputStream(tar)) {
          reader.read(in, "bench", null, new TreeBuilder().begin()).contents();
        }
        long t2 = System.nanoTime();
        System.out.printf(
            "run %d, %-25s: %d entries, reader alone %.2f GB/s (%.0f ms), into the tree builder"
                + " %.2f GB/s (%.0f ms)%n",
            run,
            pipelined ? "sha256 on a helper thread" : "sha256 inline",
            r.contents(),
            size / ((t1 - t0) / 1e9) / 1e9,
            (t1 - t0) / 1e6,
            size / ((t2 - t1) / 1e9) / 1e9,
            (t2 - t1) / 1e6);
      }
    }
  }

  /**
   * A {@code docker save} archive of four layers, each a quarter of the single-layer tar's files,
   * read end to end by the archive source (index, four layers on the thread pool, trees frozen).
   */
  private static void wholeImage(Path dir) throws Exception {
    Path archive = dir.resolve("image-4-layers.tar");
    if (!Files.exists(archive)) {
      List<Path> layers = new ArrayList<>();
      for (int l = 0; l < 4; l++) {
        Path layer = dir.resolve("layer" + l + ".tar");
        generate(layer, l, 25);
        layers.add(layer);
      }
      writeArchive(archive, layers);
      for (Path layer : layers) Files.delete(layer);
    }
    long size = Files.size(archive);
    System.out.printf("%s: %,d bytes%n", archive, size);
    for (int run = 0; run < 5; run++) {
      long t0 = System.nanoTime();
      TreeBuilder trees = new TreeBuilder();
      LoadedImage<RawLayer> loaded =
          DockerArchiveSource.file(archive, "bench").load(trees, LoadListener.NONE);
      trees.freeze(loaded.layerContents());
      long t1 = System.nanoTime();
      System.out.printf(
          "whole image run %d: %d layers, %.2f GB/s (%.0f ms)%n",
          run, loaded.image().layers().size(), size / ((t1 - t0) / 1e9) / 1e9, (t1 - t0) / 1e6);
    }
  }

  private static void writeArchive(Path archive, List<Path> layers) throws Exception {
    StringBuilder diffIds = new StringBuilder();
    StringBuilder history = new StringBuilder();
    StringBuilder paths = new StringBuilder();
    for (int i = 0; i < layers.size(); i++) {
      String sep = i == 0 ? "" : ",";
      diffIds.append(sep).append("\"sha256:").append(sha256(layers.get(i))).append('"');
      history.append(sep).append("{\"created_by\":\"layer ").append(i).append("\"}");
      paths.append(sep).append("\"l").append(i).append("/layer.tar\"");
    }
    byte[] config =
        ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"history\":["
                + history
                + "],\"rootfs\":{\"type\":\"layers\",\"diff_ids\":["
                + diffIds
                + "]}}")
            .getBytes(StandardCharsets.UTF_8);
    byte[] manifest =
        ("[{\"Config\":\"config.json\",\"RepoTags\":[\"bench:1\"],\"Layers\":[" + paths + "]}]")
            .getBytes(StandardCharsets.UTF_8);
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(archive), 1 << 20);
        TarArchiveOutputStream t = new TarArchiveOutputStream(out)) {
      for (int i = 0; i < layers.size(); i++) {
        TarArchiveEntry e = new TarArchiveEntry("l" + i + "/layer.tar");
        e.setSize(Files.size(layers.get(i)));
        t.putArchiveEntry(e);
        Files.copy(layers.get(i), t);
        t.closeArchiveEntry();
      }
      for (String name : List.of("config.json", "manifest.json")) {
        byte[] data = name.equals("config.json") ? config : manifest;
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(data.length);
        t.putArchiveEntry(e);
        t.write(data);
        t.closeArchiveEntry();
      }
    }
  }

  private static String sha256(Path file) throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buf = new byte[1 << 20];
      int n;
      while ((n = in.read(buf)) > 0) sha.update(buf, 0, n);
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  private static void generate(Path tar) throws Exception {
    generate(tar, 42, 100);
  }

  private static void generate(Path tar, long seed, int dirs) throws Exception {
    Random random = new Random(seed);
    byte[] pool = new byte[MAX_FILE * 64];
    random.nextBytes(pool);
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tar), 1 << 20);
        TarArchiveOutputStream t = new TarArchiveOutputStream(out)) {
      for (int d = 0; d < dirs; d++) {
        TarArchiveEntry dir = new TarArchiveEntry("usr/share/dir" + d + "/");
        t.putArchiveEntry(dir);
        t.closeArchiveEntry();
        for (int f = 0; f < FILES / 100; f++) {
          int n = random.nextInt(MAX_FILE + 1);
          TarArchiveEntry e = new TarArchiveEntry("usr/share/dir" + d + "/file" + f + ".bin");
          e.setSize(n);
          t.putArchiveEntry(e);
          t.write(pool, random.nextInt(pool.length - n + 1), n);
          t.closeArchiveEntry();
        }
      }
    }
  }

  /** Counts entries and keeps nothing. */
  private static final class Counting implements LayerReceiver<Integer> {
    @Override
    public Builder<Integer> begin() {
      return new Builder<>() {
        int n;

        @Override
        public void accept(LayerChange change) {
          n++;
        }

        @Override
        public Integer finish() {
          return n;
        }
      };
    }
  }
}
