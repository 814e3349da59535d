package io.layerdive.source.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.layerdive.image.FileEntry;
import io.layerdive.image.FileMode;
import io.layerdive.image.FileType;
import io.layerdive.image.Image;
import io.layerdive.image.Layer;
import io.layerdive.image.LayerChange;
import io.layerdive.source.ImageReadException;
import io.layerdive.source.LoadListener;
import io.layerdive.source.LoadedImage;
import io.layerdive.testing.CollectingReceiver;
import io.layerdive.testing.Conformance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** dive's own test images, read as dive reads them (numbers from the conformance README). */
class DockerArchiveConformanceTest {
  private static final String DIR = "2147484141";
  private static final String ROOT = "root dir 0 2147484096 0:0";
  private static final String EXAMPLE = "root/example dir 0 " + DIR + " 0:0";
  private static final String DATA = "root/.data dir 0 " + DIR + " 0:0";

  static LoadedImage<List<LayerChange>> file(String image) throws ImageReadException {
    Path path = Conformance.file("images/" + image);
    return DockerArchiveSource.file(path, image).load(new CollectingReceiver(), LoadListener.NONE);
  }

  static LoadedImage<List<LayerChange>> stream(String image) throws ImageReadException {
    Path path = Conformance.file("images/" + image);
    return DockerArchiveSource.stream(() -> Files.newInputStream(path), image)
        .load(new CollectingReceiver(), LoadListener.NONE);
  }

  /** A layer's changes as sorted lines: path, type, size, Go file mode, uid:gid. */
  static List<String> lines(List<LayerChange> changes) {
    List<String> out = new ArrayList<>();
    for (LayerChange c : changes) {
      if (c instanceof LayerChange.Put put) {
        FileEntry e = put.entry();
        String type =
            e.type() == FileType.DIRECTORY
                ? "dir"
                : e.type() == FileType.REGULAR ? "reg" : e.type().name().toLowerCase();
        out.add(
            e.path()
                + " "
                + type
                + " "
                + e.size()
                + " "
                + FileMode.goFileMode(e.mode(), e.type())
                + " "
                + e.uid()
                + ":"
                + e.gid());
      } else {
        out.add(c.getClass().getSimpleName().toLowerCase() + " " + c.path());
      }
    }
    out.sort(null);
    return out;
  }

  private static String reg(String path, long size, long goMode) {
    return path + " reg " + size + " " + goMode + " 0:0";
  }

  @Test
  void dockerImageLayersAsDiveListsThem() throws Exception {
    LoadedImage<List<LayerChange>> loaded = file("test-docker-image.tar");
    Image image = loaded.image();

    assertThat(image.layers()).hasSize(14);
    assertThat(image.sizeBytes()).isEqualTo(1220598);
    assertThat(image.userSizeBytes()).isEqualTo(66237);
    assertThat(image.config().tags()).containsExactly("dive-test:latest");
    assertThat(image.config().os()).isEqualTo("linux");
    assertThat(image.config().architecture()).isEqualTo("amd64");
    assertThat(image.diagnostics()).isEmpty();
    String[][] table = {
      {
        "28cfe03618aa2e914e81fdd90345245c15f4478e35252c06ca52d238fd3cc694",
        "23bc2b70b2014dec0ac22f27bb93e9babd08cdd6f1115d0c955b9ff22b382f5a",
        "1154361",
        "#(nop) ADD file:ce026b62356eec3ad1214f92be2c9dc063fe205bd5e600be3492c4dfb17148bd in / "
      },
      {
        "1871059774abe6914075e4a919b778fa1561f577d620ae52438a9635e6241936",
        "a65b7d7ac139a0e4337bc3c73ce511f937d6140ef61a0108f7d4b8aab8d67274",
        "6405",
        "#(nop) ADD file:139c3708fb6261126453e34483abd8bf7b26ed16d952fd976994d68e72d93be2 in"
            + " /somefile.txt "
      },
      {
        "49fe2a475548bfa4d493fc796fce41f30704e3d4cbff3e45dd3e06f463236d1d",
        "93e208d471756ffbac88cf9c25feb442007f221d3bd73231e27b747a0a68927c",
        "0",
        "mkdir -p /root/example/really/nested"
      },
      {
        "80cd2ca1ffc89962b9349c80280c2bc551acbd11e09b16badb0669f8e2369020",
        "4abad3abe3cb99ad7a492a9d9f6b3d66287c1646843c74128bbbec4f7be5aa9e",
        "6405",
        "cp /somefile.txt /root/example/somefile1.txt"
      },
      {
        "c99e2f8d3f6282668f0d30dc1db5e67a51d7a1dcd7ff6ddfa0f90760836778ec",
        "14c9a6ffcb6a0f32d1035f97373b19608e2d307961d8be156321c3f1c1504cbf",
        "6405",
        "chmod 444 /root/example/somefile1.txt"
      },
      {
        "5eca617bdc3bc06134fe957a30da4c57adb7c340a6d749c8edc4c15861c928d7",
        "778fb5770ef466f314e79cc9dc418eba76bfc0a64491ce7b167b76aa52c736c4",
        "6405",
        "cp /somefile.txt /root/example/somefile2.txt"
      },
      {
        "f07c3eb887572395408f8e11a07af945e4da5f02b3188bb06b93fad713ca0b99",
        "f275b8a31a71deb521cc048e6021e2ff6fa52bedb25c9b7bbe129a0195ddca5f",
        "6405",
        "cp /somefile.txt /root/example/somefile3.txt"
      },
      {
        "461885fc22589158dee3c5b9f01cc41c87805439f58b4399d733b51aa305cbf9",
        "dd1effc5eb19894c3e9b57411c98dd1cf30fa1de4253c7fae53c9cea67267d83",
        "6405",
        "mv /root/example/somefile3.txt /root/saved.txt"
      },
      {
        "a10327f68ffed4afcba78919052809a8f774978a6b87fc117d39c53c4842f72c",
        "8d1869a0a066cdd12e48d648222866e77b5e2814f773bb3bd8774ab4052f0f1d",
        "6405",
        "cp /root/saved.txt /root/.saved.txt"
      },
      {
        "f2fc54e25cb7966dc9732ec671a77a1c5c104e732bd15ad44a2dc1ac42368f84",
        "bc2e36423fa31a97223fd421f22c35466220fa160769abf697b8eb58c896b468",
        "0",
        "rm -rf /root/example/"
      },
      {
        "aad36d0b05e71c7e6d4dfe0ca9ed6be89e2e0d8995dafe83438299a314e91071",
        "7f648d45ee7b6de2292162fba498b66cbaaf181da9004fcceef824c72dbae445",
        "2187",
        "#(nop) ADD dir:7ec14b81316baa1a31c38c97686a8f030c98cba2035c968412749e33e0c4427e in"
            + " /root/.data/ "
      },
      {
        "3d4ad907517a021d86a4102d2764ad2161e4818bbd144e41d019bfc955434181",
        "a4b8f95f266d5c063c9a9473c45f2f85ddc183e37941b5e6b6b9d3c00e8e0457",
        "6405",
        "cp /root/saved.txt /tmp/saved.again1.txt"
      },
      {
        "81b1b002d4b4c1325a9cad9990b5277e7f29f79e0f24582344c0891178f95905",
        "22a44d45780a541e593a8862d80f3e14cb80b6bf76aa42ce68dc207a35bf3a4a",
        "6405",
        "cp /root/saved.txt /root/.data/saved.again2.txt"
      },
      {
        "cfb35bb5c127d848739be5ca726057e6e2c77b2849f588e7aebb642c0d3d4b7b",
        "ba689cac6a98c92d121fa5c9716a1bab526b8bb1fd6d43625c575b79e97300c5",
        "6405",
        "chmod +x /root/saved.txt"
      },
    };
    for (int i = 0; i < 14; i++) {
      Layer layer = image.layers().get(i);
      assertThat(layer.index()).isEqualTo(i);
      assertThat(layer.id()).as("id of %d", i).isEqualTo(table[i][0]);
      assertThat(layer.diffId()).as("diffId of %d", i).hasToString("sha256:" + table[i][1]);
      assertThat(layer.sizeBytes()).as("size of %d", i).isEqualTo(Long.parseLong(table[i][2]));
      assertThat(layer.shortCommand()).as("command of %d", i).isEqualTo(table[i][3]);
      assertThat(layer.createdBy()).isEqualTo("/bin/sh -c " + table[i][3]);
      assertThat(layer.blobDigest()).contains(layer.diffId());
    }
    // docker save writes plain tars: there is no compressed size to tell.
    assertThat(image.layers()).allMatch(l -> l.compressedSizeBytes() == -1);
  }

  @Test
  void dockerImageEntriesAsDiveListsThem() throws Exception {
    List<List<LayerChange>> layers = file("test-docker-image.tar").layerContents();

    Map<Integer, List<String>> expected = new TreeMap<>();
    expected.put(1, List.of(reg("somefile.txt", 6405, 436)));
    expected.put(
        2,
        List.of(
            "root/example/really/nested dir 0 " + DIR + " 0:0",
            "root/example/really dir 0 " + DIR + " 0:0",
            EXAMPLE,
            ROOT));
    expected.put(3, List.of(reg("root/example/somefile1.txt", 6405, 420), EXAMPLE, ROOT));
    expected.put(4, List.of(reg("root/example/somefile1.txt", 6405, 292), EXAMPLE, ROOT));
    expected.put(5, List.of(reg("root/example/somefile2.txt", 6405, 420), EXAMPLE, ROOT));
    expected.put(6, List.of(reg("root/example/somefile3.txt", 6405, 420), EXAMPLE, ROOT));
    expected.put(
        7,
        List.of(
            "delete root/example/somefile3.txt", EXAMPLE, reg("root/saved.txt", 6405, 420), ROOT));
    expected.put(8, List.of(reg("root/.saved.txt", 6405, 420), ROOT));
    expected.put(9, List.of("delete root/example", ROOT));
    expected.put(
        10,
        List.of(
            reg("root/.data/tag.sh", 917, 509), reg("root/.data/test.sh", 1270, 493), DATA, ROOT));
    expected.put(11, List.of(reg("tmp/saved.again1.txt", 6405, 420), "tmp dir 0 2148532735 0:0"));
    expected.put(12, List.of(reg("root/.data/saved.again2.txt", 6405, 420), DATA, ROOT));
    expected.put(13, List.of(reg("root/saved.txt", 6405, 493), ROOT));
    for (Map.Entry<Integer, List<String>> e : expected.entrySet()) {
      List<String> want = new ArrayList<>(e.getValue());
      want.sort(null);
      assertThat(lines(layers.get(e.getKey()))).as("layer %d", e.getKey()).isEqualTo(want);
    }
    assertBaseLayer(layers.get(0), 6, 392, 17, "bin/[", 1075464);
  }

  static void assertBaseLayer(
      List<LayerChange> base, int regular, int hardlinks, int dirs, String first, long firstSize) {
    assertThat(base)
        .hasSize(regular + hardlinks + dirs)
        .allMatch(c -> c instanceof LayerChange.Put);
    List<FileEntry> entries = base.stream().map(c -> ((LayerChange.Put) c).entry()).toList();
    assertThat(entries).filteredOn(e -> e.type() == FileType.REGULAR).hasSize(regular);
    assertThat(entries)
        .filteredOn(e -> e.type() == FileType.HARDLINK)
        .hasSize(hardlinks)
        .allMatch(e -> e.linkTarget().equals(first));
    assertThat(entries).filteredOn(e -> e.type() == FileType.DIRECTORY).hasSize(dirs);
    assertThat(entries)
        .filteredOn(e -> e.path().equals(first))
        .singleElement()
        .extracting(FileEntry::size)
        .isEqualTo(firstSize);
    assertThat(entries)
        .filteredOn(e -> !e.path().contains("/"))
        .extracting(FileEntry::path)
        .containsExactlyInAnyOrder("bin", "dev", "etc", "home", "root", "tmp", "usr", "var");
  }

  @Test
  void kanikoImageAsDiveListsIt() throws Exception {
    LoadedImage<List<LayerChange>> loaded = file("test-kaniko-image.tar");
    Image image = loaded.image();
    List<List<LayerChange>> layers = loaded.layerContents();

    assertThat(image.layers()).hasSize(14);
    assertThat(image.sizeBytes()).isEqualTo(1326410);
    assertThat(image.userSizeBytes()).isEqualTo(94677);
    assertThat(image.config().tags()).containsExactly("dive-test:kaniko-latest");
    assertThat(image.layers())
        .extracting(Layer::sizeBytes)
        .containsExactly(
            1231733L, 9249L, 0L, 9249L, 9249L, 9249L, 9249L, 9249L, 9249L, 0L, 2187L, 9249L, 9249L,
            9249L);
    Layer base = image.layers().get(0);
    assertThat(base.id())
        .isEqualTo("5c4213be9af904dd74649d250f22023f532b2f9179ffcb15260b5eaa10d7a3b4.tar.gz");
    assertThat(base.diffId())
        .hasToString("sha256:84009204da3f70b09d2be3914e12844ae9db893aa85ef95df83604f95df05187");
    assertThat(base.blobDigest())
        .hasValueSatisfying(
            d ->
                assertThat(d)
                    .hasToString(
                        "sha256:5c4213be9af904dd74649d250f22023f532b2f9179ffcb15260b5eaa10d7a3b4"));
    assertThat(base.compressedSizeBytes()).isEqualTo(764655);
    assertThat(image.layers()).allMatch(l -> l.id().endsWith(".tar.gz"));
    assertThat(image.layers())
        .extracting(Layer::shortCommand)
        .containsExactly(
            "#(nop) ADD file:ab8940a9b8a62d2f2c4634bf5e63a87ea73736bd0313412e41be2351c4fbdf53 in /"
                + " ",
            "ADD README.md /somefile.txt",
            "RUN mkdir -p /root/example/really/nested",
            "RUN cp /somefile.txt /root/example/somefile1.txt",
            "RUN chmod 444 /root/example/somefile1.txt",
            "RUN cp /somefile.txt /root/example/somefile2.txt",
            "RUN cp /somefile.txt /root/example/somefile3.txt",
            "RUN mv /root/example/somefile3.txt /root/saved.txt",
            "RUN cp /root/saved.txt /root/.saved.txt",
            "RUN rm -rf /root/example/",
            "ADD .scripts/ /root/.data/",
            "RUN cp /root/saved.txt /tmp/saved.again1.txt",
            "RUN cp /root/saved.txt /root/.data/saved.again2.txt",
            "RUN chmod +x /root/saved.txt");

    assertThat(lines(layers.get(1))).containsExactly(reg("somefile.txt", 9249, 420));
    assertThat(lines(layers.get(2)))
        .isEqualTo(
            sorted(
                "root/example/really/nested dir 0 " + DIR + " 0:0",
                "root/example/really dir 0 " + DIR + " 0:0",
                EXAMPLE,
                ROOT));
    assertThat(lines(layers.get(3)))
        .isEqualTo(sorted(reg("root/example/somefile1.txt", 9249, 420), EXAMPLE, ROOT));
    assertThat(lines(layers.get(4)))
        .isEqualTo(sorted(reg("root/example/somefile1.txt", 9249, 292), EXAMPLE, ROOT));
    assertThat(lines(layers.get(5)))
        .isEqualTo(sorted(reg("root/example/somefile2.txt", 9249, 420), EXAMPLE, ROOT));
    assertThat(lines(layers.get(6)))
        .isEqualTo(sorted(reg("root/example/somefile3.txt", 9249, 420), EXAMPLE, ROOT));
    assertThat(lines(layers.get(7)))
        .isEqualTo(
            sorted(
                "delete root/example/somefile3.txt",
                EXAMPLE,
                reg("root/saved.txt", 9249, 420),
                ROOT));
    assertThat(lines(layers.get(8))).isEqualTo(sorted(reg("root/.saved.txt", 9249, 420), ROOT));
    assertThat(lines(layers.get(9))).isEqualTo(sorted("delete root/example", ROOT));
    assertThat(lines(layers.get(10)))
        .isEqualTo(
            sorted(
                reg("root/.data/tag.sh", 917, 493),
                reg("root/.data/test-coverage.sh", 1270, 493),
                DATA,
                ROOT));
    assertThat(lines(layers.get(11)))
        .isEqualTo(sorted(reg("tmp/saved.again1.txt", 9249, 420), "tmp dir 0 2148532735 0:0"));
    assertThat(lines(layers.get(12)))
        .isEqualTo(sorted(reg("root/.data/saved.again2.txt", 9249, 420), DATA, ROOT));
    assertThat(lines(layers.get(13))).isEqualTo(sorted(reg("root/saved.txt", 9249, 493), ROOT));
    assertBaseLayer(layers.get(0), 6, 398, 17, "bin/[", 1145088);
  }

  private static List<String> sorted(String... lines) {
    List<String> l = new ArrayList<>(List.of(lines));
    l.sort(null);
    return l;
  }

  @Test
  void fileAndStreamGiveTheSameImage() throws Exception {
    for (String name : List.of("test-docker-image.tar", "test-kaniko-image.tar")) {
      LoadedImage<List<LayerChange>> fromFile = file(name);
      LoadedImage<List<LayerChange>> fromStream = stream(name);
      assertThat(fromStream.image()).as(name).isEqualTo(fromFile.image());
      assertThat(fromStream.layerContents()).as(name).isEqualTo(fromFile.layerContents());
    }
  }
}
