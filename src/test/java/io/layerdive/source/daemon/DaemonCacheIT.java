package io.layerdive.source.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.layerdive.cache.DiskLayerCache;
import io.layerdive.image.LayerReceiver;
import io.layerdive.source.ImageReadException;
import io.layerdive.source.LayerCache;
import io.layerdive.source.LoadListener;
import io.layerdive.source.LoadedImage;
import io.layerdive.source.archive.DockerArchiveSource;
import io.layerdive.testing.FullReports;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daemon source with the layer cache, against the Docker daemon of this machine. */
class DaemonCacheIT {
  private static DaemonEndpoint endpoint;

  @TempDir Path cacheDir;

  @BeforeAll
  static void daemon() throws Exception {
    DockerCli.assumeDaemon();
    endpoint = TestImages.docker();
    TestImages.build(
        endpoint, "layered", "-t", TestImages.LAYERED, "--build-arg", "GREETING=bonjour");
  }

  /** The export read as the command line reads it, recording layers; counts the exports. */
  static final class Exports implements ArchiveStreamReader {
    final AtomicInteger count = new AtomicInteger();
    private final LayerCache cache;

    Exports(LayerCache cache) {
      this.cache = cache;
    }

    @Override
    public <T> LoadedImage<T> read(
        String name, InputStream in, LayerReceiver<T> receiver, LoadListener listener)
        throws ImageReadException {
      count.incrementAndGet();
      return DockerArchiveSource.stream(() -> in, name, cache).load(receiver, listener);
    }
  }

  private static DaemonSource source(Exports exports, LayerCache cache) {
    return new DaemonSource(
            endpoint,
            TestImages.LAYERED,
            false,
            exports,
            new CredentialStore(HostEnvironment.current()))
        .withCache(cache);
  }

  private List<Path> files(String dir) throws Exception {
    try (Stream<Path> files = Files.list(cacheDir.resolve(dir))) {
      return files.toList();
    }
  }

  @Test
  void aCachedImageOpensWithoutAnExportAndReportsTheSame() throws Exception {
    Exports uncached = new Exports(LayerCache.NONE);
    String fresh = FullReports.of(source(uncached, LayerCache.NONE));
    DiskLayerCache cache = new DiskLayerCache(cacheDir, 1L << 30);
    Exports exports = new Exports(cache);

    String cold = FullReports.of(source(exports, cache));
    String warm = FullReports.of(source(exports, cache));

    assertThat(uncached.count).hasValue(1);
    assertThat(exports.count).hasValue(1);
    assertThat(cold).isEqualTo(fresh);
    assertThat(warm).isEqualTo(fresh);
    assertThat(files("layers")).hasSize(6);
    assertThat(files("images")).hasSize(1);
  }

  @Test
  void withFrozenFilesTooTheImageOpensFromTheCacheAlone() throws Exception {
    String fresh = FullReports.of(source(new Exports(LayerCache.NONE), LayerCache.NONE));
    DiskLayerCache cache = new DiskLayerCache(cacheDir, 1L << 30);
    Exports exports = new Exports(cache);
    String cold = FullReports.of(source(exports, cache), cache);
    // The frozen files and what the export told are enough: the layers' entries are not read.
    for (Path layer : files("layers")) Files.delete(layer);

    String warm = FullReports.of(source(exports, cache), cache);

    assertThat(cold).isEqualTo(fresh);
    assertThat(warm).isEqualTo(fresh);
    assertThat(exports.count).hasValue(1);
  }

  @Test
  void aMissingOrDamagedEntryMeansAnExport() throws Exception {
    DiskLayerCache cache = new DiskLayerCache(cacheDir, 1L << 30);
    Exports exports = new Exports(cache);
    String first = FullReports.of(source(exports, cache));

    Files.delete(files("layers").get(2));
    assertThat(FullReports.of(source(exports, cache))).isEqualTo(first);
    assertThat(exports.count).hasValue(2);

    for (Path layer : files("layers")) {
      byte[] bytes = Files.readAllBytes(layer);
      bytes[bytes.length - 1] ^= 1;
      Files.write(layer, bytes);
    }
    assertThat(FullReports.of(source(exports, cache))).isEqualTo(first);
    assertThat(exports.count).hasValue(3);

    Path image = files("images").get(0);
    Files.write(image, new byte[] {1});
    assertThat(FullReports.of(source(exports, cache))).isEqualTo(first);
    assertThat(exports.count).hasValue(4);

    assertThat(FullReports.of(source(exports, cache))).isEqualTo(first);
    assertThat(exports.count).hasValue(4);
  }
}
