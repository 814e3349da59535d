package io.layerdive.testing;

import static io.layerdive.testing.TestArchives.layer;

import io.layerdive.testing.TestArchives.Layout;
import io.layerdive.testing.TestArchives.Stored;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Image archives damaged in one way each, written by {@link TestArchives} and then broken, so that
 * the readers' tests and the command line's test refuse the very same inputs. Where an image has
 * two layers, the damage is in the second: a message naming layer 1 shows the reader found the
 * damaged layer rather than reporting the first one it met.
 */
public final class BrokenArchives {
  /** The first layer of the two-layer images: sound in every archive here. */
  private static final byte[] BASE = layer("etc/", "", "etc/os-release", "ID=test\n");

  /** The second layer of the two-layer images, the one damaged; large enough to compress. */
  private static final byte[] APP = layer("app/", "", "app/main.py", "print('hi')\n".repeat(200));

  private BrokenArchives() {}

  /** The image every two-layer damage starts from, its second layer stored as {@code app}. */
  private static TestArchives.Image image(Stored app) {
    return new TestArchives.Image()
        .layer(BASE, "/bin/sh -c #(nop) ADD file:base in / ")
        .layer(APP, "COPY main.py /app/", app);
  }

  /**
   * {@code cut.tar}: a docker archive cut off inside its only layer's data, as a copy or download
   * that stopped early leaves it. 60,000 of its ~100 kB: the tar ends mid-entry, not between
   * entries, so no reader can take it for a complete archive.
   */
  public static Path truncatedArchive(Path dir) throws IOException {
    Path file =
        TestArchives.write(
            dir.resolve("cut.tar"),
            Layout.DOCKER_LEGACY,
            new TestArchives.Image().layer(layer("big", "x".repeat(100_000)), "big"));
    byte[] all = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(all, 60_000));
    return file;
  }

  /**
   * {@code l.tar}: a whole kaniko archive whose only layer is a tar cut off inside its one file.
   * The archive itself is sound, so the damage can only be found in the layer, and kaniko's layers
   * are gzip: the cut is past the compression, in the tar inside.
   */
  public static Path truncatedLayer(Path dir) throws IOException {
    byte[] big = layer("data.bin", "y".repeat(50_000));
    return TestArchives.write(
        dir.resolve("l.tar"),
        Layout.KANIKO,
        new TestArchives.Image().layer(Arrays.copyOf(big, 20_000), "cut"));
  }

  /** An archive with a layer whose true diff_id is not the one its config gives. */
  public record DiffIdMismatch(Path file, String layerDiffId, String configDiffId) {}

  /**
   * {@code d.tar}: a docker archive whose config gives the second layer a diff_id of zeros. Every
   * file is present and readable: only hashing the layer shows that it is not the one the config
   * was built from.
   */
  public static DiffIdMismatch diffIdMismatch(Path dir) throws IOException {
    String wrong = "sha256:" + "0".repeat(64);
    Path file =
        TestArchives.write(
            dir.resolve("d.tar"),
            Layout.DOCKER_LEGACY,
            image(Stored.PLAIN).diffIds(List.of(diffId(BASE), wrong)));
    return new DiffIdMismatch(file, diffId(APP), wrong);
  }

  /**
   * {@code n.tar}: a docker archive whose manifest.json lists two layers while the config has one
   * diff_id, so the layers cannot be paired with their diff_ids at all.
   */
  public static Path layerCountMismatch(Path dir) throws IOException {
    return TestArchives.write(
        dir.resolve("n.tar"),
        Layout.DOCKER_LEGACY,
        image(Stored.PLAIN).diffIds(List.of(diffId(BASE))));
  }

  /**
   * {@code garbage-<gzip|zstd>.tar}: a Docker 25 archive (also an OCI layout) whose manifest
   * announces the second layer as {@code announced} while its blob is all {@code 01} bytes, which
   * begins neither a gzip nor a zstd stream nor a tar: the reader must say what it expected and
   * what it found.
   */
  public static Path garbageAnnouncedAs(Path dir, Stored announced) throws IOException {
    Path file =
        TestArchives.write(
            dir.resolve("garbage-" + announced.name().toLowerCase() + ".tar"),
            Layout.DOCKER_OCI,
            image(announced));
    byte[] blob = TestArchives.compress(APP, announced);
    byte[] garbage = new byte[blob.length];
    Arrays.fill(garbage, (byte) 0x01);
    TestArchives.patch(file, blob, garbage);
    return file;
  }

  /**
   * {@code z.tar}: a Docker 25 archive whose second layer is zstd with its magic number and frame
   * header intact but everything after overwritten: it is zstd, and damaged, rather than another
   * format.
   */
  public static Path corruptZstdLayer(Path dir) throws IOException {
    Path file = TestArchives.write(dir.resolve("z.tar"), Layout.DOCKER_OCI, image(Stored.ZSTD));
    byte[] zst = TestArchives.compress(APP, Stored.ZSTD);
    byte[] broken = zst.clone();
    for (int i = 8; i < broken.length - 4; i++) broken[i] = (byte) 0xee;
    TestArchives.patch(file, zst, broken);
    return file;
  }

  /** An OCI layout without the blob of one of its layers, and that blob's sha256 digest (hex). */
  public record MissingBlob(Path file, String blobHex) {}

  /**
   * {@code m.tar}: an OCI layout whose manifest names the second layer's gzip blob while the blob
   * itself is gone, as when a copy of the layout was interrupted.
   */
  public static MissingBlob missingBlob(Path dir) throws IOException {
    Path file = TestArchives.write(dir.resolve("m.tar"), Layout.OCI, image(Stored.GZIP));
    String blob = TestArchives.sha256(TestArchives.compress(APP, Stored.GZIP));
    TestArchives.dropEntries(file, name -> name.endsWith(blob));
    return new MissingBlob(file, blob);
  }

  /**
   * {@code b.tar}: an OCI layout whose second layer's blob had a few bytes changed after it was
   * named by its digest. It is still a valid tar of the same size; only its digest tells.
   */
  public static Path blobNotMatchingItsDigest(Path dir) throws IOException {
    Path file = TestArchives.write(dir.resolve("b.tar"), Layout.OCI, image(Stored.PLAIN));
    // The layer's content, not its path: the config also mentions main.py.
    TestArchives.patch(
        file,
        "print".getBytes(StandardCharsets.US_ASCII),
        "PRINT".getBytes(StandardCharsets.US_ASCII));
    return file;
  }

  private static String diffId(byte[] tar) {
    return "sha256:" + TestArchives.sha256(tar);
  }
}
