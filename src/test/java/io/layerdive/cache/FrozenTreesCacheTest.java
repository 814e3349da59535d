package io.layerdive.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.layerdive.image.Digest;
import io.layerdive.image.LayerReceiver;
import io.layerdive.source.archive.DockerArchiveSource;
import io.layerdive.source.oci.OciLayoutSource;
import io.layerdive.testing.FullReports;
import io.layerdive.testing.OddLayers;
import io.layerdive.testing.TestArchives;
import io.layerdive.testing.TestArchives.Layout;
import io.layerdive.testing.TestArchives.Stored;
import io.layerdive.tree.RawLayer;
import io.layerdive.tree.TreeBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The frozen files of an image kept beside its layers: a re-open takes them instead of replaying
 * and freezing the layers, with the same report; a damaged one is ignored.
 */
class FrozenTreesCacheTest {
  @TempDir Path dir;

  /** Hands everything to the tree builder; counts the layers begun. */
  static final class Counting implements LayerReceiver<RawLayer> {
    final TreeBuilder builder;
    final AtomicInteger begun = new AtomicInteger();

    Counting(TreeBuilder builder) {
      this.builder = builder;
    }

    @Override
    public Builder<RawLayer> begin() {
      begun.incrementAndGet();
      return builder.begin();
    }

    @Override
    public boolean wantsContent(String path, long size) {
      return builder.wantsContent(path, size);
    }

    @Override
    public Optional<List<RawLayer>> known(List<Digest> diffIds) {
      return builder.known(diffIds);
    }
  }

  private Path archive(Layout layout) throws Exception {
    TestArchives.Image image =
        new TestArchives.Image()
            .layer(OddLayers.base(), "ADD base /")
            // A compressed blob is only skipped where a manifest names its digest.
            .layer(
                OddLayers.top(),
                "RUN rm",
                layout == Layout.DOCKER_LEGACY ? Stored.PLAIN : Stored.GZIP)
            .layer(OddLayers.base(), "ADD base / again")
            .tag("example/frozen:1");
    return TestArchives.write(dir.resolve(layout + ".tar"), layout, image);
  }

  private record Run(String report, int begun) {}

  private Run open(Path archive, Layout layout, DiskLayerCache cache) throws Exception {
    Counting receiver = new Counting(new TreeBuilder(cache));
    var source =
        layout == Layout.OCI
            ? OciLayoutSource.of(archive, "img", Optional.empty(), 2, cache)
            : DockerArchiveSource.file(archive, "img", 2, cache);
    return new Run(FullReports.of(source, receiver, receiver.builder), receiver.begun.get());
  }

  private List<Path> files(String sub) throws Exception {
    try (Stream<Path> s = Files.list(dir.resolve("cache").resolve(sub))) {
      return s.toList();
    }
  }

  @Test
  void aReopenTakesTheFrozenFilesAndReportsTheSame() throws Exception {
    for (Layout layout : List.of(Layout.DOCKER_LEGACY, Layout.DOCKER_OCI, Layout.OCI)) {
      Path archive = archive(layout);
      String fresh =
          FullReports.of(
              layout == Layout.OCI
                  ? OciLayoutSource.of(archive, "img", Optional.empty())
                  : DockerArchiveSource.file(archive, "img"));
      DiskLayerCache cache = new DiskLayerCache(dir.resolve("cache-" + layout), 1L << 30);

      Run cold = open(archive, layout, cache);
      Run warm = open(archive, layout, cache);

      assertThat(cold.report()).isEqualTo(fresh);
      assertThat(warm.report()).isEqualTo(fresh);
      assertThat(cold.begun()).isPositive();
      assertThat(warm.begun()).as("layers begun when the frozen files are there").isZero();
    }
  }

  @Test
  void damagedFrozenFilesAreIgnoredAndTheLayersReplayed() throws Exception {
    Path archive = archive(Layout.DOCKER_LEGACY);
    DiskLayerCache cache = new DiskLayerCache(dir.resolve("cache"), 1L << 30);
    String first = open(archive, Layout.DOCKER_LEGACY, cache).report();
    Path trees = files("trees").get(0);
    byte[] bytes = Files.readAllBytes(trees);
    for (int at : new int[] {bytes.length / 3, bytes.length - 2}) {
      byte[] bad = bytes.clone();
      bad[at] ^= 4;
      Files.write(trees, bad);

      Run again = open(archive, Layout.DOCKER_LEGACY, cache);

      assertThat(again.report()).isEqualTo(first);
      assertThat(again.begun()).isPositive();
    }
  }

  @Test
  void frozenFilesWithoutTheirLayersEntriesAreNotEnough() throws Exception {
    Path archive = archive(Layout.DOCKER_LEGACY);
    DiskLayerCache cache = new DiskLayerCache(dir.resolve("cache"), 1L << 30);
    String first = open(archive, Layout.DOCKER_LEGACY, cache).report();
    Files.delete(files("layers").get(0));

    Run again = open(archive, Layout.DOCKER_LEGACY, cache);

    assertThat(again.report()).isEqualTo(first);
    assertThat(again.begun()).isPositive();
  }
}
