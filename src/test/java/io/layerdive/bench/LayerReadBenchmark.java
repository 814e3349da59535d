package io.layerdive.bench;

import io.layerdive.image.LayerChange;
import io.layerdive.image.LayerReceiver;
import io.layerdive.source.LayerReadResult;
import io.layerdive.source.LayerTarReader;
import io.layerdive.tree.TreeBuilder;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * where {@code cp.txt} comes from {@code mvn dependency:build-classpath -Dmdep.outputFile=cp.txt}.
 */
public final class LayerReadBenchmark {
  private static final int FILES = 100_000;
  private static final int MAX_FILE = 20 * 1024;

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : System.getProperty("java.io.tmpdir"));
    Files.createDirectories(dir);
    Path tar = dir.resolve("layer-100k.tar");
    if (!Files.exists(tar)) generate(tar);
    long size = Files.size(tar);
    System.out.printf("%s: %,d bytes%n", tar, size);
    for (boolean pipelined : new boolean[] {false, true}) {
      LayerTarReader reader = new LayerTarReader(pipelined);
      for (int run = 0; run < 5; run++) {
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
            "%s run %d: %d entries, reader alone %.2f GB/s (%.0f ms), into the tree builder"
                + " %.2f GB/s (%.0f ms)%n",
            pipelined ? "sha256 on a helper thread" : "sha256 inline",
            run,
            r.contents(),
            size / ((t1 - t0) / 1e9) / 1e9,
            (t1 - t0) / 1e6,
            size / ((t2 - t1) / 1e9) / 1e9,
            (t2 - t1) / 1e6);
      }
    }
  }

  private static void generate(Path tar) throws Exception {
    Random random = new Random(42);
    byte[] pool = new byte[MAX_FILE * 64];
    random.nextBytes(pool);
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tar), 1 << 20);
        TarArchiveOutputStream t = new TarArchiveOutputStream(out)) {
      for (int d = 0; d < 100; d++) {
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
