package io.layerdive.source.oci;

import static io.layerdive.testing.TestArchives.layer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.layerdive.image.FileEntry;
import io.layerdive.image.FileType;
import io.layerdive.image.Layer;
import io.layerdive.image.LayerChange;
import io.layerdive.source.ImageReadException;
import io.layerdive.source.LoadListener;
import io.layerdive.source.LoadedImage;
import io.layerdive.source.Platform;
import io.layerdive.testing.BrokenArchives;
import io.layerdive.testing.CollectingReceiver;
import io.layerdive.testing.Conformance;
import io.layerdive.testing.TestArchives;
import io.layerdive.testing.TestArchives.Layout;
import io.layerdive.testing.TestArchives.Stored;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OciLayoutSourceTest {
  @TempDir Path dir;

  static LoadedImage<List<LayerChange>> load(Path path, Optional<Platform> platform)
      throws ImageReadException {
    return OciLayoutSource.of(path, path.getFileName().toString(), platform)
        .load(new CollectingReceiver(), LoadListener.NONE);
  }

  static LoadedImage<List<LayerChange>> load(Path path) throws ImageReadException {
    return load(path, Optional.empty());
  }

  @ParameterizedTest
  @ValueSource(strings = {"uncompressed", "gzip", "zstd", "estargz"})
  void diveOciImagesHaveOneLayerWithTheReadme(String kind) throws Exception {
    Path tar = Conformance.file("images/test-oci-" + kind + "-image.tar");

    LoadedImage<List<LayerChange>> loaded = load(tar);

    assertThat(loaded.image().layers()).hasSize(1);
    Layer layer = loaded.image().layers().get(0);
    assertThat(layer.id()).isEqualTo("blobs");
    assertThat(layer.sizeBytes()).isEqualTo(11189);
    assertThat(layer.shortCommand()).isEqualTo("COPY README.md /README.md # buildkit");
    assertThat(layer.diffId().toString())
        .startsWith(kind.equals("estargz") ? "sha256:2b3dbfdf131b" : "sha256:356d5e7f4012");
    assertThat(loaded.layerContents().get(0))
        .singleElement()
        .isInstanceOfSatisfying(
            LayerChange.Put.class,
            put -> {
              FileEntry e = put.entry();
              assertThat(e.path()).isEqualTo("README.md");
              assertThat(e.type()).isEqualTo(FileType.REGULAR);
              assertThat(e.size()).isEqualTo(11189);
              assertThat(e.mode() & 07777).isEqualTo(0644);
            });
    assertThat(loaded.image().config().architecture()).isEqualTo("arm64");
    assertThat(loaded.image().diagnostics()).isEmpty();
  }

  @Test
  void allFourCompressionsGiveTheSameFile() throws Exception {
    long hash = -1;
    for (String kind : List.of("uncompressed", "gzip", "zstd", "estargz")) {
      LoadedImage<List<LayerChange>> loaded =
          load(Conformance.file("images/test-oci-" + kind + "-image.tar"));
      long h = ((LayerChange.Put) loaded.layerContents().get(0).get(0)).entry().contentHash();
      if (hash != -1) assertThat(h).as(kind).isEqualTo(hash);
      hash = h;
    }
  }

  @Test
  void aLayoutDirectoryReadsLikeItsTar() throws Exception {
    TestArchives.Image image =
        new TestArchives.Image()
            .layer(layer("a.txt", "a"), "one", Stored.GZIP)
            .layer(layer("b.txt", "b"), "two", Stored.ZSTD)
            .tag("docker.io/library/example:1");
    Path tar = TestArchives.write(dir.resolve("img.tar"), Layout.OCI, image);
    Path layout = TestArchives.writeDirectory(dir.resolve("img"), Layout.OCI, image);

    LoadedImage<List<LayerChange>> fromTar = load(tar);
    LoadedImage<List<LayerChange>> fromDir = load(layout);

    assertThat(fromDir.layerContents()).isEqualTo(fromTar.layerContents());
    assertThat(fromDir.image().layers()).isEqualTo(fromTar.image().layers());
    assertThat(fromTar.image().config().tags()).containsExactly("docker.io/library/example:1");
    assertThat(fromTar.layerContents())
        .extracting(l -> l.get(0).path())
        .containsExactly("a.txt", "b.txt");
  }

  @Test
  void layersComeInManifestOrder() throws Exception {
    TestArchives.Image image = new TestArchives.Image();
    for (int i = 0; i < 12; i++) image.layer(layer("f" + i, "x".repeat(i)), "step " + i);
    Path tar = TestArchives.write(dir.resolve("many.tar"), Layout.OCI, image);

    LoadedImage<List<LayerChange>> loaded = load(tar);

    assertThat(loaded.image().layers())
        .extracting(Layer::shortCommand)
        .containsExactly(
            "step 0", "step 1", "step 2", "step 3", "step 4", "step 5", "step 6", "step 7",
            "step 8", "step 9", "step 10", "step 11");
    for (int i = 0; i < 12; i++) {
      assertThat(loaded.layerContents().get(i).get(0).path()).isEqualTo("f" + i);
    }
  }

  private Path multiPlatform() throws Exception {
    return TestArchives.write(
        dir.resolve("multi.tar"),
        Layout.OCI,
        new TestArchives.Image()
            .platform("linux", "amd64", null)
            .layer(layer("arch", "amd64"), "amd64 layer"),
        new TestArchives.Image()
            .platform("linux", "arm64", "v8")
            .layer(layer("arch", "arm64"), "arm64 layer"),
        new TestArchives.Image()
            .platform("linux", "arm", "v7")
            .layer(layer("arch", "armv7"), "arm layer"));
  }

  @Test
  void thePlatformAskedForIsChosenThroughTheNestedIndex() throws Exception {
    Path tar = multiPlatform();

    assertThat(
            load(tar, Optional.of(Platform.parse("linux/arm64")))
                .image()
                .layers()
                .get(0)
                .shortCommand())
        .isEqualTo("arm64 layer");
    assertThat(
            load(tar, Optional.of(Platform.parse("linux/arm/v7")))
                .image()
                .layers()
                .get(0)
                .shortCommand())
        .isEqualTo("arm layer");
    assertThat(load(tar, Optional.of(Platform.parse("linux/arm"))).image().config().architecture())
        .isEqualTo("arm");
  }

  @Test
  void withoutAPlatformThisMachinesIsChosen() throws Exception {
    Platform here = Platform.current();
    org.junit.jupiter.api.Assumptions.assumeTrue(
        here.toString().equals("linux/amd64") || here.toString().equals("linux/arm64"),
        "this machine's platform is not among the test images: " + here);

    LoadedImage<List<LayerChange>> loaded = load(multiPlatform());

    assertThat(loaded.image().config().architecture()).isEqualTo(here.architecture());
  }

  @Test
  void attestationEntriesOfAnIndexAreNotImages() throws Exception {
    Path layout =
        TestArchives.writeDirectory(
            dir.resolve("attested"),
            Layout.OCI,
            new TestArchives.Image()
                .layer(layer("a.txt", "a"), "the image")
                .platform("linux", "s390x", null));
    // What buildx adds beside the image: provenance, marked so or only by its unknown/unknown.
    String attestation =
        "{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"sha256:"
            + "a".repeat(64)
            + "\",\"size\":1,\"platform\":{\"architecture\":\"unknown\",\"os\":\"unknown\"}"
            + ",\"annotations\":{\"vnd.docker.reference.type\":\"attestation-manifest\"}}";
    String unmarked =
        "{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"sha256:"
            + "b".repeat(64)
            + "\",\"size\":1,\"platform\":{\"architecture\":\"unknown\",\"os\":\"unknown\"}}";
    Path index = layout.resolve("index.json");
    String json = Files.readString(index);
    int end = json.lastIndexOf("]}");
    Files.writeString(
        index, json.substring(0, end) + "," + attestation + "," + unmarked + json.substring(end));

    // Not this machine's platform, but the only image there.
    assertThat(load(layout).image().layers().get(0).shortCommand()).isEqualTo("the image");
  }

  @Test
  void anUnknownPlatformListsThePlatformsPresent() throws Exception {
    Path tar = multiPlatform();

    assertThatThrownBy(() -> load(tar, Optional.of(Platform.parse("linux/s390x"))))
        .isInstanceOf(ImageReadException.class)
        .hasMessage(
            "multi.tar: no image for platform linux/s390x; the layout has linux/amd64,"
                + " linux/arm64, linux/arm/v7: choose one of them with --platform");
  }

  @Test
  void garbageWhereZstdIsAnnouncedIsRejected() throws Exception {
    Path tar = BrokenArchives.garbageAnnouncedAs(dir, Stored.ZSTD);

    assertThatThrownBy(() -> load(tar))
        .hasMessageMatching(
            "garbage-zstd\\.tar: layer 1 \\(sha256:[0-9a-f]{64}\\): the manifest announces a"
                + " zstd layer but the blob is not zstd \\(it starts with 01 01 01 01\\); the image"
                + " is damaged: export or pull it again");
  }

  @Test
  void aBlobThatDoesNotMatchItsDigestIsRejected() throws Exception {
    Path tar = BrokenArchives.blobNotMatchingItsDigest(dir);

    assertThatThrownBy(() -> load(tar))
        .hasMessageMatching(
            "b\\.tar: layer 1 \\(blobs/sha256/[0-9a-f]{64}\\) should have digest"
                + " sha256:[0-9a-f]{64} but has sha256:[0-9a-f]{64}; the blob is damaged: export or"
                + " pull the image again");
  }

  @Test
  void aMissingBlobIsNamed() throws Exception {
    BrokenArchives.MissingBlob broken = BrokenArchives.missingBlob(dir);

    assertThatThrownBy(() -> load(broken.file()))
        .hasMessage(
            "m.tar: layer 1 (sha256:"
                + broken.blobHex()
                + ") is missing from the layout; the layout is"
                + " incomplete: copy the image again");
  }

  @Test
  void aDirectoryThatIsNotALayoutIsSaidSo() throws Exception {
    Path plain = Files.createDirectory(dir.resolve("plain"));
    Files.writeString(plain.resolve("hello.txt"), "hi");

    assertThatThrownBy(() -> load(plain))
        .hasMessage(
            "plain: not an OCI image layout (no index.json); an OCI layout is what `skopeo copy"
                + " docker://IMAGE oci:DIR` or `docker buildx build --output type=oci,dest=FILE`"
                + " writes");
  }

  @Test
  void aDockerArchivePointsToTheArchiveSource() throws Exception {
    Path tar = Conformance.file("images/test-docker-image.tar");

    assertThatThrownBy(
            () ->
                OciLayoutSource.of(tar, "d.tar", Optional.empty())
                    .load(new CollectingReceiver(), LoadListener.NONE))
        .hasMessage(
            "d.tar: a docker archive, not an OCI layout; read it with docker-archive://d.tar");
    // Named with the wrong scheme, the hint swaps the scheme rather than adding one.
    assertThatThrownBy(
            () ->
                OciLayoutSource.of(tar, "oci://d.tar", Optional.empty())
                    .load(new CollectingReceiver(), LoadListener.NONE))
        .hasMessageEndingWith("read it with docker-archive://d.tar");
  }

  @Test
  void missingAndEmptyPathsAreSaidSo() throws Exception {
    Path empty = Files.createFile(dir.resolve("empty.tar"));

    assertThatThrownBy(() -> load(dir.resolve("nope")))
        .hasMessage("nope: no such file or directory");
    assertThatThrownBy(() -> load(empty))
        .hasMessageStartingWith("empty.tar: the file is empty, not an OCI image layout;");
  }

  @Test
  void aDocker25ArchiveIsAlsoAnOciLayout() throws Exception {
    Path tar =
        TestArchives.write(
            dir.resolve("d25.tar"),
            Layout.DOCKER_OCI,
            new TestArchives.Image().layer(layer("x", "y"), "only", Stored.GZIP));

    assertThat(load(tar).image().layers()).extracting(Layer::id).containsExactly("blobs");
  }
}
