package io.layerdive.source.archive;

import static io.layerdive.testing.TestArchives.layer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.layerdive.image.Layer;
import io.layerdive.image.LayerChange;
import io.layerdive.source.ImageReadException;
import io.layerdive.source.LoadListener;
import io.layerdive.source.LoadedImage;
import io.layerdive.testing.BrokenArchives;
import io.layerdive.testing.CollectingReceiver;
import io.layerdive.testing.Conformance;
import io.layerdive.testing.TestArchives;
import io.layerdive.testing.TestArchives.Layout;
import io.layerdive.testing.TestArchives.Stored;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DockerArchiveSourceTest {
  @TempDir Path dir;

  private static final byte[] BASE =
      layer("etc/", "", "etc/os-release", "ID=test\n", "bin/sh", "#!shell");
  private static final byte[] APP = layer("app/", "", "app/main.py", "print('hi')\n");

  private static TestArchives.Image image(Stored appStorage) {
    return new TestArchives.Image()
        .layer(BASE, "/bin/sh -c #(nop) ADD file:base in / ")
        .layer(APP, "COPY main.py /app/", appStorage)
        .tag("example/app:1.0");
  }

  static LoadedImage<List<LayerChange>> load(Path file) throws ImageReadException {
    return load(file, file.getFileName().toString());
  }

  /** Reads {@code file} as the command line does when the user named it {@code name}. */
  static LoadedImage<List<LayerChange>> load(Path file, String name) throws ImageReadException {
    return DockerArchiveSource.file(file, name).load(new CollectingReceiver(), LoadListener.NONE);
  }

  static LoadedImage<List<LayerChange>> loadEither(boolean stream, Path file)
      throws ImageReadException {
    return stream ? loadStream(file) : load(file);
  }

  static LoadedImage<List<LayerChange>> loadStream(Path file) throws ImageReadException {
    return DockerArchiveSource.stream(
            () -> Files.newInputStream(file), file.getFileName().toString())
        .load(new CollectingReceiver(), LoadListener.NONE);
  }

  @ParameterizedTest
  @EnumSource(Layout.class)
  void everyLayoutGivesTheSameLayersFromFileStreamAndDirectory(Layout layout) throws Exception {
    if (layout == Layout.OCI) return; // no manifest.json: not a docker archive
    Stored storage = layout == Layout.DOCKER_OCI ? Stored.ZSTD : Stored.PLAIN;
    Path file = TestArchives.write(dir.resolve("app.tar"), layout, image(storage));

    LoadedImage<List<LayerChange>> fromFile = load(file);
    LoadedImage<List<LayerChange>> fromStream = loadStream(file);

    assertThat(fromFile.image().layers()).hasSize(2);
    assertThat(fromFile.layerContents().get(1))
        .extracting(LayerChange::path)
        .containsExactly("app", "app/main.py");
    assertThat(fromFile.image().layers())
        .extracting(Layer::shortCommand)
        .containsExactly("#(nop) ADD file:base in / ", "COPY main.py /app/");
    assertThat(fromFile.image().layers().get(1).diffId())
        .hasToString("sha256:" + TestArchives.sha256(APP));
    assertThat(fromFile.image().config().tags())
        .containsExactly(
            layout == Layout.PODMAN || layout == Layout.PODMAN_VIA_LINKS
                ? "localhost/example/app:1.0"
                : "example/app:1.0");
    assertThat(fromFile.image().diagnostics()).isEmpty();
    assertThat(fromStream.image()).isEqualTo(fromFile.image());
    assertThat(fromStream.layerContents()).isEqualTo(fromFile.layerContents());

    if (layout != Layout.KANIKO) {
      Path extracted =
          TestArchives.writeDirectory(dir.resolve("extracted"), layout, image(storage));
      LoadedImage<List<LayerChange>> fromDir = load(extracted);
      assertThat(fromDir.layerContents()).isEqualTo(fromFile.layerContents());
      assertThat(fromDir.image().layers()).isEqualTo(fromFile.image().layers());
    }
  }

  @Test
  void layerIdsAreTheFirstPathComponentAsDiveShowsThem() throws Exception {
    Path legacy =
        TestArchives.write(dir.resolve("legacy.tar"), Layout.DOCKER_LEGACY, image(Stored.PLAIN));
    Path oci = TestArchives.write(dir.resolve("oci.tar"), Layout.DOCKER_OCI, image(Stored.GZIP));
    Path kaniko = TestArchives.write(dir.resolve("kaniko.tar"), Layout.KANIKO, image(Stored.PLAIN));

    assertThat(load(legacy).image().layers())
        .extracting(Layer::id)
        .allMatch(id -> id.matches("[0-9a-f]{64}"));
    assertThat(load(oci).image().layers()).extracting(Layer::id).containsOnly("blobs");
    assertThat(load(kaniko).image().layers())
        .extracting(Layer::id)
        .allMatch(id -> id.matches("[0-9a-f]{64}\\.tar\\.gz"));
  }

  @Test
  void docker25LayersMayBeGzipOrZstdAndAreVerifiedAgainstTheirBlobNames() throws Exception {
    TestArchives.Image image =
        new TestArchives.Image().layer(BASE, "base", Stored.GZIP).layer(APP, "app", Stored.ZSTD);
    Path file = TestArchives.write(dir.resolve("d25.tar"), Layout.DOCKER_OCI, image);

    LoadedImage<List<LayerChange>> loaded = load(file);

    Layer base = loaded.image().layers().get(0);
    byte[] gz = TestArchives.compress(BASE, Stored.GZIP);
    assertThat(base.blobDigest())
        .hasValueSatisfying(d -> assertThat(d).hasToString("sha256:" + TestArchives.sha256(gz)));
    assertThat(base.compressedSizeBytes()).isEqualTo(gz.length);
    assertThat(base.diffId()).hasToString("sha256:" + TestArchives.sha256(BASE));
    assertThat(loaded.image().layers().get(1).sizeBytes()).isEqualTo("print('hi')\n".length());
  }

  @Test
  void historyPairsWithLayersSkippingEmptyEntriesAndFillsInMissing() throws Exception {
    TestArchives.Image image =
        new TestArchives.Image().emptyLayerHistoryFirst().layer(BASE, "base").layer(APP, null);
    Path file = TestArchives.write(dir.resolve("h.tar"), Layout.DOCKER_LEGACY, image);

    assertThat(load(file).image().layers())
        .extracting(Layer::createdBy)
        .containsExactly("base", "(missing)");
  }

  @Test
  void aBlobListedTwiceIsReadOnceAndShared() throws Exception {
    TestArchives.Image image =
        new TestArchives.Image()
            .layer(BASE, "one", Stored.GZIP)
            .layer(APP, "two", Stored.GZIP)
            .layer(BASE, "three", Stored.GZIP);
    Path file = TestArchives.write(dir.resolve("twice.tar"), Layout.DOCKER_OCI, image);
    CollectingReceiver receiver = new CollectingReceiver();

    LoadedImage<List<LayerChange>> loaded =
        DockerArchiveSource.file(file, "twice.tar").load(receiver, LoadListener.NONE);

    assertThat(receiver.layersBegun()).isEqualTo(2);
    assertThat(loaded.layerContents().get(2)).isSameAs(loaded.layerContents().get(0));
    assertThat(loaded.image().layers()).extracting(Layer::index).containsExactly(0, 1, 2);
  }

  @Test
  void theListenerHearsTheLayersFirstThenProgressToTheEnd() throws Exception {
    Path file = TestArchives.write(dir.resolve("p.tar"), Layout.DOCKER_LEGACY, image(Stored.PLAIN));
    List<String> events = Collections.synchronizedList(new ArrayList<>());
    long blobs = BASE.length + APP.length;

    DockerArchiveSource.file(file, "p.tar")
        .load(
            new CollectingReceiver(),
            new LoadListener() {
              @Override
              public void layersKnown(List<Layer> layers) {
                events.add(
                    "layers "
                        + layers.size()
                        + " sizes "
                        + layers.stream().map(l -> String.valueOf(l.sizeBytes())).toList());
              }

              @Override
              public void progress(long done, long total, int layersDone, int layersTotal) {
                events.add("progress " + done + "/" + total + " " + layersDone + "/" + layersTotal);
              }
            });

    assertThat(events.get(0)).isEqualTo("layers 2 sizes [-1, -1]");
    assertThat(events).last().isEqualTo("progress " + blobs + "/" + blobs + " 2/2");
  }

  @Test
  void aStreamReportsTheBytesItConsumed() throws Exception {
    Path file = TestArchives.write(dir.resolve("s.tar"), Layout.DOCKER_LEGACY, image(Stored.PLAIN));
    List<String> events = Collections.synchronizedList(new ArrayList<>());

    DockerArchiveSource.stream(() -> Files.newInputStream(file), "s.tar")
        .load(
            new CollectingReceiver(),
            new LoadListener() {
              @Override
              public void layersKnown(List<Layer> layers) {
                events.add("layers " + layers.size());
              }

              @Override
              public void progress(long done, long total, int layersDone, int layersTotal) {
                events.add("progress " + done + " " + layersDone);
              }
            });

    assertThat(events).containsExactly("progress " + Files.size(file) + " 2", "layers 2");
  }

  // ------------------------------------------------------------------------------- bad input

  @Test
  void whenOneOfManyLayersFailsItsOwnErrorIsReported() throws Exception {
    TestArchives.Image image = new TestArchives.Image();
    for (int i = 0; i < 6; i++) {
      image.layer(layer("f" + i, "z".repeat(200_000)), "step " + i, Stored.GZIP);
    }
    Path file = TestArchives.write(dir.resolve("many.tar"), Layout.DOCKER_OCI, image);
    byte[] gz = TestArchives.compress(layer("f3", "z".repeat(200_000)), Stored.GZIP);
    byte[] broken = gz.clone();
    for (int i = 30; i < broken.length - 10; i++) broken[i] = 0;
    TestArchives.patch(file, gz, broken);

    assertThatThrownBy(
            () ->
                DockerArchiveSource.file(file, "many.tar", 4)
                    .load(new CollectingReceiver(), LoadListener.NONE))
        .isInstanceOf(ImageReadException.class)
        .hasMessageStartingWith("many.tar: layer 3 (blobs/sha256/")
        .hasMessageNotContaining("cancelled");
  }

  @Test
  void aTruncatedArchiveIsSaidToBeTruncated() throws Exception {
    Path file = BrokenArchives.truncatedArchive(dir);

    assertThatThrownBy(() -> load(file))
        .isInstanceOf(ImageReadException.class)
        .hasMessageStartingWith("cut.tar: the archive is truncated")
        .hasMessageEndingWith("the file is incomplete: copy or export it again");
    assertThatThrownBy(() -> loadStream(file))
        .hasMessageStartingWith("cut.tar: the archive is truncated");
  }

  @Test
  void theConformanceArchiveCutInALayerIsTruncated() throws Exception {
    Path copy = dir.resolve("test-docker-image.tar");
    Files.copy(Conformance.file("images/test-docker-image.tar"), copy);
    byte[] all = Files.readAllBytes(copy);
    Files.write(copy, Arrays.copyOf(all, all.length / 2));

    assertThatThrownBy(() -> load(copy))
        .hasMessageStartingWith(
            "test-docker-image.tar: the archive is truncated (the stream ends inside");
  }

  @Test
  void aTruncatedLayerInsideAWholeArchiveNamesTheLayer() throws Exception {
    Path file = BrokenArchives.truncatedLayer(dir);

    assertThatThrownBy(() -> load(file))
        .hasMessageMatching(
            "l\\.tar: layer 0 \\([0-9a-f]{64}\\.tar\\.gz\\): the layer is"
                + " truncated \\(the stream ends inside the data of 'data\\.bin'.*");
    assertThatThrownBy(() -> loadStream(file)).hasMessageContaining("the layer is truncated");
  }

  @Test
  void aLayerWhoseDigestDiffersFromTheConfigIsRejected() throws Exception {
    BrokenArchives.DiffIdMismatch broken = BrokenArchives.diffIdMismatch(dir);

    for (boolean stream : new boolean[] {false, true}) {
      assertThatThrownBy(() -> loadEither(stream, broken.file()))
          .hasMessageMatching(
              "d\\.tar: layer 1 \\([0-9a-f]{64}/layer\\.tar\\) has diff_id "
                  + broken.layerDiffId()
                  + " but the config expects "
                  + broken.configDiffId()
                  + "; the image is damaged or mixed up: export or pull it again");
    }
  }

  @Test
  void theConformanceArchiveWithAPatchedFileFailsItsDiffId() throws Exception {
    Path copy = dir.resolve("patched.tar");
    Files.copy(Conformance.file("images/test-kaniko-image.tar"), copy);
    // the config names itself by digest; changing a diff_id in it leaves the archive readable
    TestArchives.patch(
        copy,
        "8c860cca7e7b".getBytes(StandardCharsets.US_ASCII),
        "8c860cca7e7c".getBytes(StandardCharsets.US_ASCII));

    assertThatThrownBy(() -> load(copy))
        .hasMessageContaining("layer 1 (5a99c1aa63bb")
        .hasMessageContaining("but the config expects sha256:8c860cca7e7c");
  }

  @Test
  void garbageWhereGzipIsAnnouncedIsRejected() throws Exception {
    Path file = BrokenArchives.garbageAnnouncedAs(dir, Stored.GZIP);

    assertThatThrownBy(() -> load(file))
        .hasMessageStartingWith("garbage-gzip.tar: layer 1 (blobs/sha256/")
        .hasMessageContaining(
            "the manifest announces a gzip layer but the blob is not gzip (it"
                + " starts with 01 01 01 01)");
    assertThatThrownBy(() -> loadStream(file))
        .hasMessageContaining(
            "the layer is neither a tar nor gzip or zstd compressed (it starts with 01 01 01 01)");
  }

  @Test
  void garbageWhereZstdIsAnnouncedIsRejected() throws Exception {
    Path file = BrokenArchives.corruptZstdLayer(dir);

    assertThatThrownBy(() -> load(file))
        .isInstanceOf(ImageReadException.class)
        .hasMessageStartingWith("z.tar: layer 1 (blobs/sha256/")
        .hasMessageContaining("): the zstd stream is corrupt (");
  }

  @Test
  void manifestAndConfigDisagreeingOnTheLayerCountIsRejected() throws Exception {
    Path file = BrokenArchives.layerCountMismatch(dir);

    assertThatThrownBy(() -> load(file))
        .hasMessage(
            "n.tar: manifest.json lists 2 layers but the config has 1 diff_id; the image is"
                + " damaged: export or pull it again");
  }

  @Test
  void aMissingLayerIsNamed() throws Exception {
    Path file = TestArchives.write(dir.resolve("m.tar"), Layout.PODMAN, image(Stored.PLAIN));
    String appBlob = TestArchives.sha256(APP) + ".tar";
    TestArchives.dropEntries(file, name -> name.equals(appBlob));

    for (boolean stream : new boolean[] {false, true}) {
      assertThatThrownBy(() -> loadEither(stream, file))
          .hasMessage(
              "m.tar: layer 1 ("
                  + appBlob
                  + ") named by manifest.json is missing from the archive;"
                  + " the image is incomplete: export it again");
    }
  }

  @Test
  void aMissingConfigIsNamed() throws Exception {
    Path file = TestArchives.write(dir.resolve("c.tar"), Layout.KANIKO, image(Stored.PLAIN));
    TestArchives.dropEntries(file, name -> name.startsWith("sha256:"));

    assertThatThrownBy(() -> load(file))
        .hasMessageMatching(
            "c\\.tar: the config sha256:[0-9a-f]{64} named by manifest.json is not in the archive;"
                + " the image is incomplete: export it again");
  }

  @Test
  void aPlainRootFilesystemTarIsNotAnImageArchive() throws Exception {
    Path rootfs = Conformance.file("images/not-an-image-rootfs.tar");

    assertThatThrownBy(() -> load(rootfs, "rootfs.tar"))
        .hasMessage(
            "rootfs.tar: a plain file-system tar with no manifest.json or image config,"
                + " not an image archive; make an image archive with `docker save IMAGE -o FILE`");
  }

  @Test
  void anOciLayoutTarPointsToTheOciSource() throws Exception {
    Path oci = Conformance.file("images/test-oci-gzip-image.tar");

    assertThatThrownBy(() -> load(oci, "oci.tar"))
        .hasMessage(
            "oci.tar: an OCI image layout without manifest.json, not a docker archive;"
                + " read it with oci://oci.tar");
    assertThatThrownBy(() -> load(oci, "docker-archive://oci.tar"))
        .hasMessageEndingWith("read it with oci://oci.tar");
  }

  @Test
  void anEmptyFileIsSaidToBeEmpty() throws Exception {
    Path empty = Files.createFile(dir.resolve("empty.tar"));

    assertThatThrownBy(() -> load(empty))
        .hasMessage(
            "empty.tar: the file is empty, not an image archive; make one with"
                + " `docker save IMAGE -o FILE`");
  }

  @Test
  void aPathThatDoesNotExistIsSaidNotToExist() {
    assertThatThrownBy(() -> load(dir.resolve("nope.tar"), "nope.tar"))
        .hasMessage("nope.tar: no such file or directory");
  }

  @Test
  void somethingThatIsNotATarIsSaidSo() throws Exception {
    Path text = Files.writeString(dir.resolve("notes.tar"), "just some notes\n".repeat(100));

    assertThatThrownBy(() -> load(text))
        .hasMessage(
            "notes.tar: not an image archive: not a tar file; make one with `docker save IMAGE -o"
                + " FILE`");
  }

  @Test
  void aGzippedArchiveIsReadInOnePass() throws Exception {
    Path file =
        TestArchives.write(dir.resolve("plain.tar"), Layout.DOCKER_LEGACY, image(Stored.PLAIN));
    Path gz = dir.resolve("app.tar.gz");
    Files.write(gz, TestArchives.compress(Files.readAllBytes(file), Stored.GZIP));

    assertThat(load(gz).layerContents()).isEqualTo(load(file).layerContents());
  }

  @Test
  void aCompressedArchiveStreamIsRecognisedByItsFirstBytes() throws Exception {
    Path file =
        TestArchives.write(dir.resolve("plain.tar"), Layout.DOCKER_LEGACY, image(Stored.PLAIN));
    for (Stored how : new Stored[] {Stored.GZIP, Stored.ZSTD}) {
      Path compressed = dir.resolve("app.tar." + how);
      Files.write(compressed, TestArchives.compress(Files.readAllBytes(file), how));

      assertThat(loadStream(compressed).layerContents())
          .as("%s", how)
          .isEqualTo(load(file).layerContents());
    }
  }

  @Test
  void anEmptyStreamIsSaidToBeEmpty() throws Exception {
    Path empty = Files.createFile(dir.resolve("empty.tar"));

    assertThatThrownBy(() -> loadStream(empty))
        .hasMessage(
            "empty.tar: nothing came in; pipe an image in with `docker save IMAGE | layerdive -`");
  }

  @Test
  void entriesAreKeptOutOfTheWayOfOtherFiles() throws Exception {
    // A copy of the conformance image under another name reads the same.
    Path copy = dir.resolve("copy.tar");
    Files.copy(
        Conformance.file("images/test-docker-image.tar"),
        copy,
        StandardCopyOption.REPLACE_EXISTING);
    assertThat(load(copy).image().layers()).hasSize(14);
  }
}
