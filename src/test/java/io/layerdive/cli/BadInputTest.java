package io.layerdive.cli;

import static io.layerdive.testing.TestArchives.layer;
import static org.assertj.core.api.Assertions.assertThat;

import io.layerdive.testing.BrokenArchives;
import io.layerdive.testing.Conformance;
import io.layerdive.testing.TestArchives;
import io.layerdive.testing.TestArchives.Layout;
import io.layerdive.testing.TestArchives.Stored;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of broken input the program is promised to refuse, through the whole command line: one
 * line on stderr naming the input and what is wrong, nothing on stdout, exit 3, no stack trace. The
 * sources' own tests pin the exact wording; these pin what the user sees of it.
 */
class BadInputTest {
  private static final byte[] BASE = layer("etc/", "", "etc/os-release", "ID=test\n");
  private static final byte[] APP = layer("app/", "", "app/main.py", "print('hi')\n".repeat(200));

  @TempDir Path dir;

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

  /** Writes one kind of damaged archive under a directory and gives its path. */
  @FunctionalInterface
  private interface Damage {
    Path write(Path dir) throws IOException;
  }

  /** Each damaged archive the readers' tests refuse too, with the words its refusal must hold. */
  static Stream<Arguments> damagedArchives() {
    return Stream.of(
        damage(
            "a truncated outer tar", BrokenArchives::truncatedArchive, "the archive is truncated"),
        damage("a truncated layer", BrokenArchives::truncatedLayer, "the layer is truncated"),
        damage(
            "a layer whose digest does not match the config",
            d -> BrokenArchives.diffIdMismatch(d).file(),
            "but the config expects sha256:" + "0".repeat(64)),
        damage(
            "garbage where gzip is announced",
            d -> BrokenArchives.garbageAnnouncedAs(d, Stored.GZIP),
            "the manifest announces a gzip layer but the blob is not gzip"),
        damage(
            "garbage where zstd is announced",
            d -> BrokenArchives.garbageAnnouncedAs(d, Stored.ZSTD),
            "the manifest announces a zstd layer but the blob is not zstd"),
        damage(
            "a corrupt zstd stream",
            BrokenArchives::corruptZstdLayer,
            "the zstd stream is corrupt"),
        damage(
            "manifest and config disagreeing on the number of layers",
            BrokenArchives::layerCountMismatch,
            "manifest.json lists 2 layers but the config has 1 diff_id"),
        damage(
            "a missing blob",
            d -> BrokenArchives.missingBlob(d).file(),
            "is missing from the layout"),
        damage(
            "a blob that does not match its digest",
            BrokenArchives::blobNotMatchingItsDigest,
            "the blob is damaged"));
  }

  private static Arguments damage(String name, Damage damage, String phrase) {
    return Arguments.of(Named.of(name, damage), phrase);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("damagedArchives")
  void aDamagedArchive(Damage damage, String phrase) throws Exception {
    Path file = damage.write(dir);

    assertRefused(file.toString(), phrase);
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
