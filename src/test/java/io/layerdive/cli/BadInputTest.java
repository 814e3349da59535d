package io.layerdive.cli;

import static io.layerdive.testing.TestArchives.layer;
import static org.assertj.core.api.Assertions.assertThat;

import io.layerdive.testing.Conformance;
import io.layerdive.testing.TestArchives;
import io.layerdive.testing.TestArchives.Layout;
import io.layerdive.testing.TestArchives.Stored;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of broken input the program is promised to refuse, through the whole command line: one
 * line on stderr naming the input and what is wrong, nothing on stdout, exit 3, no stack trace. The
 * sources' own tests pin the exact wording; these pin what the user sees of it.
 */
class BadInputTest {
  private static final byte[] BASE = layer("etc/", "", "etc/os-release", "ID=test\n");
  private static final byte[] APP = layer("app/", "", "app/main.py", "print('hi')\n".repeat(200));

  @TempDir Path dir;

  private static TestArchives.Image image(Stored appStorage) {
    return new TestArchives.Image()
        .layer(BASE, "/bin/sh -c #(nop) ADD file:base in / ")
        .layer(APP, "COPY main.py /app/", appStorage);
  }

  /** Runs layerdive on {@code input} (after {@code options}) and checks the one-line refusal. */
  private static void assertRefused(String input, String phrase, String... options) {
    String[] args = Arrays.copyOf(options, options.length + 1);
    args[options.length] = input;
    CliRun.Result result = new CliRun().run(args);

    assertThat(result.exitCode()).as(result.err()).isEqualTo(3);
    assertThat(result.out()).isEmpty();
    assertThat(result.errLines()).as(result.err()).hasSize(1);
    assertThat(result.err())
        .startsWith("layerdive: " + input + ": ")
        .contains(phrase)
        .doesNotContain("\tat ")
        .doesNotContain("Exception");
  }

  @Test
  void aTruncatedOuterTar() throws Exception {
    Path file =
        TestArchives.write(
            dir.resolve("cut.tar"),
            Layout.DOCKER_LEGACY,
            new TestArchives.Image().layer(layer("big", "x".repeat(100_000)), "big"));
    byte[] all = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(all, 60_000));

    assertRefused(file.toString(), "the archive is truncated");
  }

  @Test
  void aTruncatedLayer() throws Exception {
    byte[] big = layer("data.bin", "y".repeat(50_000));
    Path file =
        TestArchives.write(
            dir.resolve("l.tar"),
            Layout.KANIKO,
            new TestArchives.Image().layer(Arrays.copyOf(big, 20_000), "cut"));

    assertRefused(file.toString(), "the layer is truncated");
  }

  @Test
  void aLayerWhoseDigestDoesNotMatchTheConfig() throws Exception {
    Path file =
        TestArchives.write(
            dir.resolve("d.tar"),
            Layout.DOCKER_LEGACY,
            image(Stored.PLAIN)
                .diffIds(
                    List.of("sha256:" + TestArchives.sha256(BASE), "sha256:" + "0".repeat(64))));

    assertRefused(file.toString(), "but the config expects sha256:" + "0".repeat(64));
  }

  @Test
  void garbageWhereGzipIsAnnounced() throws Exception {
    Path file = TestArchives.write(dir.resolve("g.tar"), Layout.DOCKER_OCI, image(Stored.GZIP));
    byte[] gz = TestArchives.compress(APP, Stored.GZIP);
    byte[] garbage = new byte[gz.length];
    Arrays.fill(garbage, (byte) 0x01);
    TestArchives.patch(file, gz, garbage);

    assertRefused(file.toString(), "the manifest announces a gzip layer but the blob is not gzip");
  }

  @Test
  void garbageWhereZstdIsAnnounced() throws Exception {
    Path file = TestArchives.write(dir.resolve("z.tar"), Layout.DOCKER_OCI, image(Stored.ZSTD));
    byte[] zst = TestArchives.compress(APP, Stored.ZSTD);
    byte[] broken = zst.clone();
    // zstd's magic stays: a damaged stream, not another format.
    for (int i = 8; i < broken.length - 4; i++) broken[i] = (byte) 0xee;
    TestArchives.patch(file, zst, broken);

    assertRefused(file.toString(), "the zstd stream is corrupt");
  }

  @Test
  void manifestAndConfigDisagreeingOnTheNumberOfLayers() throws Exception {
    Path file =
        TestArchives.write(
            dir.resolve("n.tar"),
            Layout.DOCKER_LEGACY,
            image(Stored.PLAIN).diffIds(List.of("sha256:" + TestArchives.sha256(BASE))));

    assertRefused(file.toString(), "manifest.json lists 2 layers but the config has 1 diff_id");
  }

  @Test
  void aMissingBlob() throws Exception {
    Path file = TestArchives.write(dir.resolve("m.tar"), Layout.OCI, image(Stored.GZIP));
    String blob = TestArchives.sha256(TestArchives.compress(APP, Stored.GZIP));
    TestArchives.dropEntries(file, name -> name.endsWith(blob));

    assertRefused(file.toString(), "is missing from the layout");
  }

  @Test
  void aRootFileSystemTarThatIsNotAnImage() {
    assertRefused(
        Conformance.image("not-an-image-rootfs.tar").toString(),
        "a plain file-system tar with no manifest.json or image config, not an image archive");
  }

  @Test
  void anEmptyFile() throws Exception {
    Path file = Files.createFile(dir.resolve("empty.tar"));

    assertRefused(file.toString(), "the file is empty");
  }

  @Test
  void aDirectoryThatIsNotAnOciLayout() throws Exception {
    Path plain = Files.createDirectory(dir.resolve("plain"));
    Files.writeString(plain.resolve("hello.txt"), "hi");

    assertRefused(plain.toString(), "not an OCI image layout (no index.json)");
  }

  @Test
  void aPathThatDoesNotExist() {
    assertRefused(dir.resolve("nothing-here.tar").toString(), "no such file or directory");
  }

  @Test
  void anUnknownPlatformListsThoseThere() throws Exception {
    Path file =
        TestArchives.write(
            dir.resolve("multi.tar"),
            Layout.OCI,
            new TestArchives.Image().layer(BASE, "amd64 layer"),
            new TestArchives.Image().layer(APP, "arm64 layer").platform("linux", "arm64", null));

    assertRefused(
        file.toString(),
        "no image for platform linux/s390x; the layout has linux/amd64, linux/arm64",
        "--platform",
        "linux/s390x");
  }
}
