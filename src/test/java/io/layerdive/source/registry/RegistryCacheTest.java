package io.layerdive.source.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.layerdive.cache.DiskLayerCache;
import io.layerdive.image.LayerReceiver;
import io.layerdive.source.CachedLayers;
import io.layerdive.source.ImageReadException;
import io.layerdive.source.LayerCache;
import io.layerdive.source.LayerReadResult;
import io.layerdive.source.LayerTarReader;
import io.layerdive.testing.FullReports;
import io.layerdive.testing.OddLayers;
import io.layerdive.testing.TestArchives;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry source with the layer cache: cached layers are not downloaded, figures equal. */
class RegistryCacheTest {
  @TempDir Path home;
  @TempDir Path cacheDir;
  private FakeRegistry registry;
  private final List<String> blobRequests = new CopyOnWriteArrayList<>();

  /** Reads blobs as the command line's reader does, recording them into the cache. */
  static final class Reader implements LayerStreamReader {
    private final LayerTarReader reader = new LayerTarReader();
    private final LayerCache cache;

    Reader(LayerCache cache) {
      this.cache = cache;
    }

    @Override
    public <T> LayerResult<T> read(InputStream blob, LayerReceiver<T> receiver)
        throws ImageReadException {
      LayerReadResult<T> r =
          CachedLayers.readAndRecord(reader, blob, SUBJECT, null, receiver, cache);
      return new LayerResult<>(r.contents(), r.diffId(), r.sizeBytes(), r.diagnostics());
    }
  }

  @BeforeEach
  void start() throws Exception {
    registry = new FakeRegistry();
    registry.fault(
        (ex, attempt) -> {
          if (ex.getRequestURI().getPath().contains("/blobs/")) {
            blobRequests.add(ex.getRequestURI().getPath());
          }
          return false;
        });
    registry.image("team/app", "1", image(OddLayers.top()));
    registry.image("team/other", "1", image(TestArchives.layer("opt/", "", "opt/y", "2")));
  }

  @AfterEach
  void stop() {
    registry.close();
  }

  private static TestImage image(byte[] top) {
    String type = "application/vnd.docker.image.rootfs.diff.tar.gzip";
    return new TestImage()
        .addLayer(
            new TestImage.LayerBlob(
                OddLayers.base(),
                TestArchives.compress(OddLayers.base(), TestArchives.Stored.GZIP),
                type,
                "ADD base /"))
        .addLayer(
            new TestImage.LayerBlob(
                top, TestArchives.compress(top, TestArchives.Stored.GZIP), type, "RUN rm"));
  }

  private RegistrySource source(String repo, LayerCache cache) {
    RegistryOptions options =
        RegistryOptions.fromEnvironment(Map.of("HOME", home.toString(), "PATH", "/usr/bin:/bin"))
            .withInsecureRegistries(List.of("http://" + registry.hostPort()));
    return new RegistrySource(
            io.layerdive.source.ImageReference.parse(registry.hostPort() + "/" + repo + ":1"),
            options,
            new Reader(cache),
            Loads.MACHINE)
        .withCache(cache);
  }

  @Test
  void aCachedImageReportsTheSameWithoutDownloadingALayer() throws Exception {
    String fresh = FullReports.of(source("team/app", LayerCache.NONE));
    int freshBlobs = blobRequests.size();
    assertThat(freshBlobs).isEqualTo(3);

    DiskLayerCache cache = new DiskLayerCache(cacheDir, 1L << 30);
    blobRequests.clear();
    String cold = FullReports.of(source("team/app", cache));
    assertThat(blobRequests).hasSize(3);

    blobRequests.clear();
    String warm = FullReports.of(source("team/app", cache));

    assertThat(cold).isEqualTo(fresh);
    assertThat(warm).isEqualTo(fresh);
    assertThat(fresh).contains("installs build-only packages").contains("app/cache/b");
    // Only the config: both layers came from the cache.
    assertThat(blobRequests).hasSize(1);
  }

  @Test
  void withFrozenFilesTooNoLayerIsReplayedOrDownloaded() throws Exception {
    String fresh = FullReports.of(source("team/app", LayerCache.NONE));
    DiskLayerCache cache = new DiskLayerCache(cacheDir, 1L << 30);
    String cold = FullReports.of(source("team/app", cache), cache);

    blobRequests.clear();
    java.util.concurrent.atomic.AtomicInteger begun =
        new java.util.concurrent.atomic.AtomicInteger();
    io.layerdive.tree.TreeBuilder builder = new io.layerdive.tree.TreeBuilder(cache);
    LayerReceiver<io.layerdive.tree.RawLayer> counting =
        new LayerReceiver<>() {
          @Override
          public Builder<io.layerdive.tree.RawLayer> begin() {
            begun.incrementAndGet();
            return builder.begin();
          }

          @Override
          public java.util.Optional<List<io.layerdive.tree.RawLayer>> known(
              List<io.layerdive.image.Digest> diffIds) {
            return builder.known(diffIds);
          }
        };
    String warm = FullReports.of(source("team/app", cache), counting, builder);

    assertThat(cold).isEqualTo(fresh);
    assertThat(warm).isEqualTo(fresh);
    assertThat(begun).hasValue(0);
    assertThat(blobRequests).hasSize(1);
  }

  @Test
  void anImageSharingABaseDownloadsOnlyWhatIsNotCached() throws Exception {
    DiskLayerCache cache = new DiskLayerCache(cacheDir, 1L << 30);
    FullReports.of(source("team/app", cache));
    String fresh = FullReports.of(source("team/other", LayerCache.NONE));

    blobRequests.clear();
    String shared = FullReports.of(source("team/other", cache));

    assertThat(shared).isEqualTo(fresh);
    // The config and the one layer not shared.
    assertThat(blobRequests).hasSize(2);
  }
}
