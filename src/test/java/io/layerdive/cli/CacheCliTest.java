package io.layerdive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.layerdive.testing.OddLayers;
import io.layerdive.testing.TestArchives;
import io.layerdive.testing.TestArchives.Layout;
import io.layerdive.testing.TestArchives.Stored;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The whole analysis of an image read fresh, read while filling the layer cache, and replayed from
 * it: the same report to the byte, for every archive layout and the OCI layout.
 */
class CacheCliTest {
  @TempDir Path dir;

  /** A byte run only the base layer holds, to damage it where it lies uncompressed. */
  private static final String MARK = "x".repeat(5000);

  private String cacheName = "cache";

  private Path cacheDir() {
    return dir.resolve(cacheName);
  }

  private CliRun.Result json(String... args) {
    String[] all = Stream.concat(Stream.of("--json", "-"), Stream.of(args)).toArray(String[]::new);
    return new CliRun().env("LAYERDIVE_CACHE_DIR", cacheDir().toString()).in(dir).run(all);
  }

  private static TestArchives.Image image(Stored top) {
    return new TestArchives.Image()
        .layer(OddLayers.base(), "/bin/sh -c #(nop) ADD file:base in / ")
        .layer(OddLayers.top(), "RUN rm -rf /app/data.bin && echo", top)
        .layer(TestArchives.layer("srv/", "", "srv/x", "1"), "COPY x /srv/", Stored.GZIP)
        .tag("example/cached:1.0");
  }

  private List<Path> entries() throws IOException {
    Path layers = cacheDir().resolve("layers");
    if (!Files.isDirectory(layers)) return List.of();
    try (Stream<Path> files = Files.list(layers)) {
      return files.toList();
    }
  }

  @ParameterizedTest
  @EnumSource(Layout.class)
  void anArchiveReadFreshOrFromTheCacheGivesTheSameReport(Layout layout) throws IOException {
    for (Stored top : List.of(Stored.PLAIN, Stored.GZIP, Stored.ZSTD)) {
      Path archive =
          TestArchives.write(dir.resolve(layout + "-" + top + ".tar"), layout, image(top));
      cacheName = "cache-" + top;
      sameReportFreshColdAndWarm(archive.toString());
    }
  }

  @Test
  void anOciLayoutDirectoryReadFreshOrFromTheCacheGivesTheSameReport() throws IOException {
    Path layout =
        TestArchives.writeDirectory(dir.resolve("layout"), Layout.OCI, image(Stored.GZIP));
    sameReportFreshColdAndWarm("oci://" + layout);
  }

  private void sameReportFreshColdAndWarm(String image) throws IOException {
    CliRun.Result fresh = json("--no-cache", image);
    assertThat(fresh.exitCode()).as(fresh.err()).isZero();
    assertThat(fresh.out())
        .contains("app/cache/b")
        .contains("srv/x")
        .contains("installs build-only packages");
    int before = entries().size();

    CliRun.Result cold = json(image);
    int after = entries().size();
    CliRun.Result warm = json(image);

    assertThat(cold.out()).isEqualTo(fresh.out());
    assertThat(warm.out()).isEqualTo(fresh.out());
    assertThat(warm.err()).isEqualTo(fresh.err());
    assertThat(after).isGreaterThan(before);
    assertThat(entries()).hasSize(after);
  }

  @Test
  void aCachedLayerIsNotReadAgain() throws IOException {
    Path archive =
        TestArchives.write(dir.resolve("img.tar"), Layout.DOCKER_LEGACY, image(Stored.PLAIN));
    String report = json(archive.toString()).out();
    assertThat(entries()).hasSize(3);

    // Damage the base layer where it lies: only a read would notice.
    TestArchives.patch(
        archive,
        MARK.getBytes(StandardCharsets.UTF_8),
        "y".repeat(5000).getBytes(StandardCharsets.UTF_8));

    CliRun.Result uncached = json("--no-cache", archive.toString());
    assertThat(uncached.exitCode()).isNotZero();
    assertThat(uncached.err()).contains("diff_id");
    CliRun.Result cached = json(archive.toString());
    assertThat(cached.exitCode()).as(cached.err()).isZero();
    assertThat(cached.out()).isEqualTo(report);
  }

  @Test
  void aCachedLayerCutShortIsReadAndRefused() throws IOException {
    byte[] base = OddLayers.base();
    String diffId = "sha256:" + TestArchives.sha256(base);
    Path whole =
        TestArchives.write(
            dir.resolve("whole.tar"),
            Layout.DOCKER_LEGACY,
            new TestArchives.Image().layer(base, "ADD base").tag("example/cut:1"));
    assertThat(json(whole.toString()).exitCode()).isZero();

    // The config still names the whole layer's diff_id, which the cache holds.
    Path cut =
        TestArchives.write(
            dir.resolve("cut.tar"),
            Layout.DOCKER_LEGACY,
            new TestArchives.Image()
                .layer(Arrays.copyOf(base, base.length - 1024), "ADD base")
                .diffIds(List.of(diffId))
                .tag("example/cut:1"));
    CliRun.Result result = json(cut.toString());

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).contains("cut.tar: layer 0");
  }

  @Test
  void aDamagedEntryIsReadAfreshAndRewritten() throws IOException {
    Path archive =
        TestArchives.write(dir.resolve("img.tar"), Layout.DOCKER_OCI, image(Stored.PLAIN));
    String report = json(archive.toString()).out();
    for (Path entry : entries()) {
      byte[] bytes = Files.readAllBytes(entry);
      bytes[bytes.length - 3] ^= 1;
      Files.write(entry, bytes);
    }

    CliRun.Result again = json(archive.toString());

    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.out()).isEqualTo(report);
    assertThat(again.err()).doesNotContain("cache");
    // Rewritten: damaging the archive now shows the entries are whole again.
    TestArchives.patch(
        archive,
        MARK.getBytes(StandardCharsets.UTF_8),
        "y".repeat(5000).getBytes(StandardCharsets.UTF_8));
    assertThat(json(archive.toString()).out()).isEqualTo(report);
  }

  @Test
  void noCacheNeitherReadsNorWrites() throws IOException {
    Path archive =
        TestArchives.write(dir.resolve("img.tar"), Layout.DOCKER_LEGACY, image(Stored.PLAIN));

    json("--no-cache", archive.toString());

    assertThat(entries()).isEmpty();
  }

  @Test
  void imagesSharingLayersShareEntries() throws IOException {
    Path one =
        TestArchives.write(dir.resolve("one.tar"), Layout.DOCKER_LEGACY, image(Stored.PLAIN));
    TestArchives.Image other =
        new TestArchives.Image()
            .layer(OddLayers.base(), "/bin/sh -c #(nop) ADD file:base in / ")
            .layer(TestArchives.layer("opt/", "", "opt/y", "2"), "COPY y /opt/")
            .tag("example/other:1.0");
    Path two = TestArchives.write(dir.resolve("two.tar"), Layout.OCI, other);

    json(one.toString());
    json(two.toString());

    assertThat(entries()).hasSize(4);
  }

  @Test
  void aBadCacheSizeIsAUsageError() throws IOException {
    Path archive =
        TestArchives.write(dir.resolve("img.tar"), Layout.DOCKER_LEGACY, image(Stored.PLAIN));

    CliRun.Result result =
        new CliRun()
            .env("LAYERDIVE_CACHE_SIZE", "lots")
            .in(dir)
            .run("--json", "-", archive.toString());

    assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(result.err()).contains("LAYERDIVE_CACHE_SIZE").contains("lots");
  }
}
