package io.layerdive.sample;

import static io.layerdive.sample.SampleEntry.dir;
import static io.layerdive.sample.SampleEntry.file;
import static io.layerdive.sample.SampleEntry.hardlink;
import static io.layerdive.sample.SampleEntry.opaque;
import static io.layerdive.sample.SampleEntry.symlink;
import static io.layerdive.sample.SampleEntry.whiteout;
import static org.assertj.core.api.Assertions.assertThat;

import io.layerdive.sample.TarContents.Item;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LayerTarWriterTest {

  @Test
  void addsParentDirectoriesAndWalksLikeDocker() {
    SampleLayer layer =
        SampleLayer.run(
            "npm ci",
            file("app/node_modules/x.js", 4096, 1),
            dir("app"),
            whiteout("var/cache/apk"),
            file("app.b", 1, 2),
            opaque("root/.npm"));

    assertThat(TarContents.names(LayerTarWriter.toBytes(layer)))
        .containsExactly(
            "app/",
            "app/node_modules/",
            "app/node_modules/x.js",
            "app.b",
            "root/",
            "root/.npm/",
            "root/.npm/.wh..wh..opq",
            "var/",
            "var/cache/",
            "var/cache/.wh.apk");
  }

  @Test
  void exactLayersWriteOnlyTheGivenEntriesInTheGivenOrder() {
    SampleLayer layer =
        SampleLayer.run("x", whiteout("b/c"), file("z/y", 3, 1), file("a", 1, 2)).exactly();

    assertThat(TarContents.names(LayerTarWriter.toBytes(layer)))
        .containsExactly("b/.wh.c", "z/y", "a")
        .isEqualTo(LayerTarWriter.entryNames(layer));
  }

  @Test
  void parentsWithoutSortingComeJustBeforeTheirFirstChild() {
    SampleLayer layer = SampleLayer.run("x", file("z/y", 3, 1), file("a/b", 1, 2)).inGivenOrder();

    assertThat(TarContents.names(LayerTarWriter.toBytes(layer)))
        .containsExactly("z/", "z/y", "a/", "a/b");
  }

  @Test
  void explicitDirectoriesKeepTheirModeAndAreNotDoubled() {
    SampleLayer layer =
        SampleLayer.run("x", dir("app").withMode(0700).withOwner(1000, 1000), file("app/f", 1, 1));

    List<Item> items = TarContents.read(LayerTarWriter.toBytes(layer));
    assertThat(items).extracting(Item::name).containsExactly("app/", "app/f");
    assertThat(items.get(0).mode()).isEqualTo(0700);
    assertThat(items.get(0).uid()).isEqualTo(1000);
  }

  @Test
  void headersCarryWhatDockerWrites() {
    SampleLayer layer =
        SampleLayer.run(
            "x",
            file("bin/busybox", 1000, 3).executable(),
            symlink("bin/sh", "/bin/busybox"),
            hardlink("bin/zz", "bin/busybox"),
            whiteout("etc/motd"),
            file("etc/hostname", "box\n"));

    Map<String, Item> items = byName(TarContents.read(LayerTarWriter.toBytes(layer)));
    assertThat(items.get("bin/").mode()).isEqualTo(0755);
    assertThat(items.get("bin/busybox").mode()).isEqualTo(0755);
    assertThat(items.get("bin/busybox").data()).isEqualTo(file("a", 1000, 3).contentBytes());
    assertThat(items.get("bin/sh").symlink()).isTrue();
    assertThat(items.get("bin/sh").linkName()).isEqualTo("/bin/busybox");
    assertThat(items.get("bin/zz").hardlink()).isTrue();
    assertThat(items.get("bin/zz").linkName()).isEqualTo("bin/busybox");
    assertThat(items.get("etc/.wh.motd").mode()).isZero();
    assertThat(items.get("etc/.wh.motd").size()).isZero();
    assertThat(items.get("etc/hostname").data()).asString().isEqualTo("box\n");
    assertThat(items.values()).allSatisfy(i -> assertThat(i.userName()).isEmpty());
    assertThat(items.values()).allSatisfy(i -> assertThat(i.mtimeSeconds()).isEqualTo(1714564800L));
  }

  @Test
  void rootAndTmpParentsGetTheirUsualModes() {
    SampleLayer layer = SampleLayer.run("x", file("root/a", 1, 1), file("tmp/b", 1, 1));

    Map<String, Item> items = byName(TarContents.read(LayerTarWriter.toBytes(layer)));
    assertThat(items.get("root/").mode()).isEqualTo(0700);
    assertThat(items.get("tmp/").mode()).isEqualTo(01777);
  }

  @Test
  void longAndNonAsciiNamesSurviveThroughPaxHeaders() {
    String longName = "app/node_modules/@babel/" + "x".repeat(120) + "/index.js";
    SampleLayer layer = SampleLayer.run("x", file(longName, 5, 1), file("döcs/ünïcode.txt", "ü"));

    assertThat(TarContents.names(LayerTarWriter.toBytes(layer)))
        .contains(longName, "döcs/ünïcode.txt");
  }

  @Test
  void endsWithTwoZeroBlocksAndNoRecordPadding() {
    byte[] tar = LayerTarWriter.toBytes(SampleLayer.run("x", file("a", 1, 1)).exactly());

    // header + one data block + two end blocks, as Go writes it (no padding to 10240)
    assertThat(tar).hasSize(4 * 512);
  }

  @Test
  void compressedLayersDecompressToTheSameTar() {
    SampleLayer layer = SampleLayer.run("x", file("a/b", 70_000, 1), whiteout("c"));
    byte[] tar = LayerTarWriter.toBytes(layer);

    assertThat(TarContents.decompress(LayerTarWriter.toBytes(layer, Compression.GZIP)))
        .isEqualTo(tar);
    assertThat(TarContents.decompress(LayerTarWriter.toBytes(layer, Compression.ZSTD)))
        .isEqualTo(tar);
    assertThat(LayerTarWriter.toBytes(layer, Compression.ZSTD))
        .startsWith((byte) 0x28, (byte) 0xb5, (byte) 0x2f, (byte) 0xfd);
  }

  @Test
  void contentSizeIsTheSumOfEntrySizes() {
    assertThat(SampleLayer.run("x", file("a", 10, 1), dir("d"), file("b", "xyz")).contentSize())
        .isEqualTo(13);
  }

  private static Map<String, Item> byName(List<Item> items) {
    Map<String, Item> map = new java.util.LinkedHashMap<>();
    items.forEach(i -> map.put(i.name(), i));
    return map;
  }
}
