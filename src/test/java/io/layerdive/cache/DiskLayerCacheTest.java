package io.layerdive.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.layerdive.image.Digest;
import io.layerdive.image.FileEntry;
import io.layerdive.image.FileType;
import io.layerdive.image.LayerChange;
import io.layerdive.image.LayerReceiver;
import io.layerdive.source.LayerCache;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskLayerCacheTest {
  @TempDir Path dir;

  private static final LayerCache.Facts FACTS =
      new LayerCache.Facts(12345, 20480, 7, List.of("whiteout '.wh.' names no file; ignored"));

  /** Keeps changes and wanted contents as text, in the order received. */
  static final class Receiver implements LayerReceiver<List<String>> {
    int begun;

    @Override
    public Builder<List<String>> begin() {
      begun++;
      List<String> out = new ArrayList<>();
      return new Builder<>() {
        @Override
        public void accept(LayerChange change) {
          out.add(change.toString());
        }

        @Override
        public boolean wantsContent(String path, long size) {
          return path.endsWith("status");
        }

        @Override
        public void content(String path, byte[] content) {
          out.add("content " + path + " = " + new String(content, StandardCharsets.UTF_8));
        }

        @Override
        public List<String> finish() {
          out.add("finished");
          return out;
        }
      };
    }
  }

  static Digest digest(int n) {
    return new Digest("sha256", String.format("%064x", n));
  }

  static List<LayerChange> changes(int n) {
    List<LayerChange> out = new ArrayList<>();
    out.add(put("usr/", FileType.DIRECTORY, 0, ""));
    for (int i = 0; i < n; i++) {
      out.add(put("usr/lib/file-" + i + ".so", FileType.REGULAR, i * 1000L, ""));
    }
    out.add(put("usr/bin/sh", FileType.SYMLINK, 0, "../../bin/busybox"));
    out.add(put("usr/bin/ls", FileType.HARDLINK, 0, "bin/busybox"));
    out.add(put("usr/ünïcødé/\uD83D\uDE00 €", FileType.REGULAR, 4, ""));
    out.add(put("usr/ünïcødé/\uD83D\uDE01", FileType.FIFO, 0, ""));
    out.add(new LayerChange.Delete("usr/lib/old"));
    out.add(new LayerChange.OpaqueDir("usr/share"));
    out.add(new LayerChange.OpaqueDir(""));
    out.add(put("usr/lib/file-0.so", FileType.REGULAR, 7, ""));
    return out;
  }

  static LayerChange put(String path, FileType type, long size, String link) {
    return new LayerChange.Put(
        new FileEntry(
            path, type, size, 0100644, -2, 70000, link, 0x8000_0000_0000_0001L ^ path.hashCode()));
  }

  /** Records {@code changes} (and a package database's contents) as a read would. */
  static List<String> record(LayerCache cache, Digest diffId, List<LayerChange> changes) {
    LayerCache.Recorder<List<String>> r = cache.recorder(new Receiver().begin());
    for (LayerChange c : changes) r.accept(c);
    r.accept(put("var/lib/dpkg/status", FileType.REGULAR, 5, ""));
    if (r.wantsContent("var/lib/dpkg/status", 5)) {
      r.content("var/lib/dpkg/status", "a\nb\n\n".getBytes(StandardCharsets.UTF_8));
    }
    List<String> fresh = r.finish();
    r.store(diffId, FACTS);
    return fresh;
  }

  private DiskLayerCache cache() {
    return new DiskLayerCache(dir, 1L << 40);
  }

  @Test
  void replaysWhatWasRecordedExactly() {
    DiskLayerCache cache = cache();
    List<String> fresh = record(cache, digest(1), changes(500));

    Receiver receiver = new Receiver();
    Optional<LayerCache.Replayed<List<String>>> hit = cache.replay(digest(1), receiver.begin());

    assertThat(hit).isPresent();
    assertThat(hit.get().contents()).isEqualTo(fresh);
    assertThat(fresh).contains("content var/lib/dpkg/status = a\nb\n\n");
    assertThat(hit.get().facts()).isEqualTo(FACTS);
  }

  @Test
  void anotherCacheOnTheSameDirectorySharesEntries() {
    List<String> fresh = record(cache(), digest(1), changes(3));

    var hit = new DiskLayerCache(dir, 1L << 40).replay(digest(1), new Receiver().begin());

    assertThat(hit.map(LayerCache.Replayed::contents)).contains(fresh);
  }

  @Test
  void missWhenAbsent() {
    assertThat(cache().replay(digest(9), new Receiver().begin())).isEmpty();
  }

  @Test
  void everyChangedByteMakesAMissAndNothingReachesTheBuilder() throws IOException {
    DiskLayerCache cache = cache();
    record(cache, digest(1), changes(20));
    Path file = cache.layerFile(digest(1));
    byte[] good = Files.readAllBytes(file);
    for (int i = 0; i < good.length; i++) {
      byte[] bad = good.clone();
      bad[i] ^= 0x10;
      Files.write(file, bad);
      List<String> seen = new ArrayList<>();
      var hit = cache.replay(digest(1), recordingBuilder(seen));
      assertThat(hit).as("byte %d changed", i).isEmpty();
      assertThat(seen).as("byte %d changed", i).isEmpty();
    }
  }

  @Test
  void truncatedOrLengthenedEntriesAreMisses() throws IOException {
    DiskLayerCache cache = cache();
    record(cache, digest(1), changes(20));
    Path file = cache.layerFile(digest(1));
    byte[] good = Files.readAllBytes(file);
    for (int n = 0; n < good.length; n += 7) {
      Files.write(file, java.util.Arrays.copyOf(good, n));
      assertThat(cache.replay(digest(1), new Receiver().begin())).as("first %d bytes", n).isEmpty();
    }
    Files.write(file, java.util.Arrays.copyOf(good, good.length + 1));
    assertThat(cache.replay(digest(1), new Receiver().begin())).isEmpty();
    Files.write(file, good);
    assertThat(cache.replay(digest(1), new Receiver().begin())).isPresent();
  }

  @Test
  void aCheckedEntryThatDoesNotDecodeIsAMissNotAFailure() throws IOException {
    DiskLayerCache cache = cache();
    Bytes payload = new Bytes(64);
    payload.putVarLong(10); // layer size
    payload.putVarLong(1024); // tar size
    payload.putVarLong(1); // entries
    payload.putVarLong(0); // oddities
    payload.putVarLong(2); // changes: one good, then a tag no writer writes
    payload.put(LayerRecordWriter.DELETE);
    payload.putVarLong(0);
    payload.putString("gone");
    payload.put(99);
    byte[] header = CacheFile.header(CacheFile.LAYER, digest(7).toString(), payload);
    Files.createDirectories(cache.layerDirectory());
    Files.write(
        cache.layerFile(digest(7)),
        java.nio.ByteBuffer.allocate(header.length + payload.length())
            .put(header)
            .put(payload.array(), 0, payload.length())
            .array());

    assertThat(cache.replay(digest(7), new Receiver().begin())).isEmpty();
  }

  @Test
  void anEntryUnderAnotherDiffIdsNameIsAMiss() throws IOException {
    DiskLayerCache cache = cache();
    record(cache, digest(1), changes(5));
    Files.copy(cache.layerFile(digest(1)), cache.layerFile(digest(2)));

    assertThat(cache.replay(digest(2), new Receiver().begin())).isEmpty();
    assertThat(cache.replay(digest(1), new Receiver().begin())).isPresent();
  }

  @Test
  void anEntryOfAnotherFormatVersionIsAMiss() throws IOException {
    DiskLayerCache cache = cache();
    record(cache, digest(1), changes(5));
    Path file = cache.layerFile(digest(1));
    byte[] bytes = Files.readAllBytes(file);
    int versionAt = "layerdiv".length();
    assertThat(bytes[versionAt]).isEqualTo((byte) CacheFile.FORMAT_VERSION);
    bytes[versionAt] = (byte) (CacheFile.FORMAT_VERSION - 1);
    Files.write(file, bytes);

    assertThat(cache.replay(digest(1), new Receiver().begin())).isEmpty();
  }

  @Test
  void anEntryWrittenByAnotherBuildIsAMiss() throws IOException {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        !CacheFile.BUILD.isEmpty(), "the classes were not built by Maven: they carry no build stamp");
    DiskLayerCache cache = cache();
    record(cache, digest(1), changes(5));
    Path file = cache.layerFile(digest(1));
    byte[] bytes = Files.readAllBytes(file);
    byte[] stamp = CacheFile.BUILD.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    int at = indexOf(bytes, stamp);
    assertThat(at).as("the build stamp in the header").isPositive();
    bytes[at + stamp.length - 1] ^= 1;
    Files.write(file, bytes);

    assertThat(cache.replay(digest(1), new Receiver().begin())).isEmpty();
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) continue outer;
      }
      return i;
    }
    return -1;
  }

  @Test
  void aBadEntryIsReplacedByTheNextRecording() throws IOException {
    DiskLayerCache cache = cache();
    record(cache, digest(1), changes(5));
    Files.write(cache.layerFile(digest(1)), new byte[] {1, 2, 3});
    assertThat(cache.replay(digest(1), new Receiver().begin())).isEmpty();

    List<String> fresh = record(cache, digest(1), changes(5));

    assertThat(cache.replay(digest(1), new Receiver().begin()).map(LayerCache.Replayed::contents))
        .contains(fresh);
  }

  @Test
  void trimDeletesTheLeastRecentlyUsedUntilWithinTheBound() throws IOException {
    DiskLayerCache probe = cache();
    record(probe, digest(0), changes(100));
    long size = Files.size(probe.layerFile(digest(0)));
    DiskLayerCache cache = new DiskLayerCache(dir, 3 * size + size / 2);
    for (int i = 0; i < 5; i++) record(cache, digest(i), changes(100));
    long now = System.currentTimeMillis();
    // Used in the order 3, 0, 4, 1, 2 (most recent last).
    int[] order = {3, 0, 4, 1, 2};
    for (int k = 0; k < order.length; k++) {
      Files.setLastModifiedTime(
          cache.layerFile(digest(order[k])), FileTime.fromMillis(now - 100_000 + k * 1000L));
    }

    cache.trim();

    assertThat(layerFiles())
        .containsExactlyInAnyOrder(
            cache.layerFile(digest(4)), cache.layerFile(digest(1)), cache.layerFile(digest(2)));
  }

  @Test
  void aReplayCountsAsUse() throws IOException {
    DiskLayerCache probe = cache();
    record(probe, digest(0), changes(100));
    long size = Files.size(probe.layerFile(digest(0)));
    DiskLayerCache cache = new DiskLayerCache(dir, 2 * size + size / 2);
    record(cache, digest(1), changes(100));
    long old = System.currentTimeMillis() - 1_000_000;
    Files.setLastModifiedTime(cache.layerFile(digest(0)), FileTime.fromMillis(old));
    Files.setLastModifiedTime(cache.layerFile(digest(1)), FileTime.fromMillis(old + 1000));
    assertThat(cache.replay(digest(0), new Receiver().begin())).isPresent();
    record(cache, digest(2), changes(100));

    cache.trim();

    assertThat(layerFiles())
        .containsExactlyInAnyOrder(cache.layerFile(digest(0)), cache.layerFile(digest(2)));
  }

  @Test
  void trimWithoutWritesLeavesTheDirectoryAlone() throws IOException {
    record(cache(), digest(1), changes(10));
    DiskLayerCache tiny = new DiskLayerCache(dir, 1);

    tiny.trim();

    assertThat(layerFiles()).hasSize(1);
  }

  @Test
  void concurrentWritersOfTheSameAndOtherEntriesLeaveOnlyWholeEntries() throws Exception {
    int writers = 8;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      int id = w;
      done.add(
          pool.submit(
              () -> {
                // Each writer its own cache object, as two processes would have.
                DiskLayerCache mine = new DiskLayerCache(dir, 1L << 40);
                start.await();
                for (int round = 0; round < 20; round++) {
                  record(mine, digest(round % 3), changes(200 + round % 3));
                  record(mine, digest(100 + id), changes(5));
                  mine.replay(digest(round % 3), new Receiver().begin());
                }
                return null;
              }));
    }
    start.countDown();
    for (Future<?> f : done) f.get();
    pool.shutdown();

    DiskLayerCache cache = cache();
    for (int i = 0; i < 3; i++) {
      List<String> expected =
          record(new DiskLayerCache(dir.resolve("x"), 1L << 40), digest(i), changes(200 + i));
      assertThat(cache.replay(digest(i), new Receiver().begin()).map(LayerCache.Replayed::contents))
          .contains(expected);
    }
    for (int w = 0; w < writers; w++) {
      assertThat(cache.replay(digest(100 + w), new Receiver().begin())).isPresent();
    }
    assertThat(layerFiles()).hasSize(3 + writers);
  }

  @Test
  void anUnwritableCacheIsNoError() throws IOException {
    Path file = dir.resolve("file");
    Files.writeString(file, "not a directory");
    DiskLayerCache cache = new DiskLayerCache(file, 1L << 40);

    List<String> fresh = record(cache, digest(1), changes(3));

    assertThat(fresh).isNotEmpty();
    assertThat(cache.replay(digest(1), new Receiver().begin())).isEmpty();
    cache.trim();
  }

  @Test
  void theCacheDirectoryIsPrivate() throws IOException {
    Path root = dir.resolve("deep/er/layerdive");
    record(new DiskLayerCache(root, 1L << 40), digest(1), changes(1));

    assertThat(
            java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(root)))
        .isEqualTo("rwx------");
  }

  @Test
  void imageFactsRoundTripUnderTheirKeyOnly() {
    DiskLayerCache cache = cache();
    byte[] facts = "{\"layers\":[]}".getBytes(StandardCharsets.UTF_8);

    cache.storeImage("sha256:abc docker.io/library/x:1", facts);

    assertThat(cache.image("sha256:abc docker.io/library/x:1")).hasValue(facts);
    assertThat(cache.image("sha256:abc docker.io/library/x:2")).isEmpty();
  }

  private List<Path> layerFiles() throws IOException {
    try (Stream<Path> files = Files.list(dir.resolve("layers"))) {
      return files.toList();
    }
  }

  private static LayerReceiver.Builder<List<String>> recordingBuilder(List<String> seen) {
    return new LayerReceiver.Builder<>() {
      @Override
      public void accept(LayerChange change) {
        seen.add(change.toString());
      }

      @Override
      public List<String> finish() {
        seen.add("finished");
        return seen;
      }
    };
  }
}
