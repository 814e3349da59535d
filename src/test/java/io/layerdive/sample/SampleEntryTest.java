package io.layerdive.sample;

import static io.layerdive.sample.SampleEntry.dir;
import static io.layerdive.sample.SampleEntry.file;
import static io.layerdive.sample.SampleEntry.hardlink;
import static io.layerdive.sample.SampleEntry.symlink;
import static io.layerdive.sample.SampleEntry.whiteout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SampleEntryTest {

  @Test
  void sameSeedAndSizeGiveTheSameBytes_otherSeedsOthers() {
    byte[] a = file("a", 100_000, 7).contentBytes();
    byte[] b = file("elsewhere/b", 100_000, 7).contentBytes();
    byte[] c = file("c", 100_000, 8).contentBytes();

    assertThat(a).hasSize(100_000).isEqualTo(b);
    assertThat(Arrays.equals(a, c)).isFalse();
    assertThat(Arrays.copyOf(a, 64)).isNotEqualTo(Arrays.copyOf(c, 64));
  }

  @Test
  void streamedContentEqualsContentInMemory_acrossChunkBoundaries() throws Exception {
    for (long size : new long[] {0, 1, 7, 8, 9, 65_535, 65_536, 65_537, 200_003}) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      file("f", size, 42).writeContent(out);
      assertThat(out.toByteArray())
          .as("size %d", size)
          .isEqualTo(file("f", size, 42).contentBytes());
    }
  }

  @Test
  void generatedContentIsFixedAcrossRunsAndMachines() {
    // Pins the generator: every archive digest in every test depends on these bytes.
    assertThat(java.util.HexFormat.of().formatHex(file("f", 8, 1).contentBytes()))
        .isEqualTo("7348a4f733124f15");
    assertThat(TarContents.sha256(file("f", 4096, 1).contentBytes()))
        .isEqualTo("sha256:f415ef214cf3b7f696e8e840444e7b72834fa2a65bd6eac39fd06060ba602c0a");
  }

  @Test
  void textFilesCarryTheirContentAndSize() {
    SampleEntry e = file("/app/package.json", "{\"name\":\"x\"}\n");
    assertThat(e.path()).isEqualTo("app/package.json");
    assertThat(e.size()).isEqualTo(13);
    assertThat(new String(e.contentBytes(), StandardCharsets.UTF_8))
        .isEqualTo("{\"name\":\"x\"}\n");
  }

  @Test
  void factoriesCleanSlashes_constructorKeepsHostileNames() {
    assertThat(dir("/usr/lib/").path()).isEqualTo("usr/lib");
    assertThat(hardlink("bin/ls", "/bin/busybox").linkTarget()).isEqualTo("bin/busybox");
    assertThat(symlink("bin/sh", "/bin/busybox").linkTarget()).isEqualTo("/bin/busybox");
    assertThat(file("x", 1, 1).withRawPath("../../etc/passwd").path())
        .isEqualTo("../../etc/passwd");
  }

  @Test
  void rejectsContentOnNonFilesAndMissingLinkTargets() {
    assertThatThrownBy(
            () -> new SampleEntry("d", SampleEntry.Kind.DIRECTORY, 5, 0755, 0, 0, "", 0, null))
        .hasMessageContaining("d: a DIRECTORY has no content (size 5)");
    assertThatThrownBy(() -> symlink("l", ""))
        .hasMessageContaining("l: a SYMLINK needs a link target");
    assertThatThrownBy(() -> whiteout("/")).hasMessageContaining("not a usable path '/'");
  }

  @Test
  void equalityComparesExplicitContentByValue() {
    assertThat(file("a", "x")).isEqualTo(file("a", "x")).hasSameHashCodeAs(file("a", "x"));
    assertThat(file("a", "x")).isNotEqualTo(file("a", "y"));
    assertThat(file("a", 10, 1).executable().mode()).isEqualTo(0755);
  }
}
