package io.layerdive.source.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.layerdive.analysis.ImageAnalysis;
import io.layerdive.bytes.HumanBytes;
import io.layerdive.image.Digest;
import io.layerdive.image.Layer;
import io.layerdive.source.ImageReadException;
import io.layerdive.source.Platform;
import io.layerdive.testing.Conformance;
import io.layerdive.tree.RawLayer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry source against the reference registry, unsecured (allowed as insecure). */
class RegistrySourceIT {
  @TempDir static Path dir;
  private static RegistryServer server;
  private static String host;
  private static TestImage dive;
  private static Digest diveManifest;
  private static TestImage amd64;
  private static TestImage arm64;
  private static TestImage plain;
  private static TestImage missing;
  private static TestImage corrupt;

  @BeforeAll
  static void startAndPush() throws Exception {
    Path conformance = Conformance.file("images");
    server =
        RegistryServer.start(
            dir.resolve("plain"), dir.resolve("storage"), RegistryServer.Security.none());
    host = server.hostPort;
    Pusher push = new Pusher(host);

    dive = ConformanceImages.fromDockerSave(conformance.resolve("test-docker-image.tar"));
    diveManifest = push.image("dive/test-image", "latest", dive);

    amd64 =
        new TestImage()
            .oci()
            .platform("linux", "amd64", null)
            .layer("ADD amd64", "etc/", "", "etc/arch", "amd64\n");
    arm64 =
        new TestImage()
            .oci()
            .platform("linux", "arm64", "v8")
            .layer("ADD arm64", "etc/", "", "etc/arch", "arm64!\n");
    TestImage attestation =
        new TestImage()
            .oci()
            .platform("unknown", "unknown", null)
            .plainLayer("attest", "attestation.json", "{}");
    push.index("multi/app", "oci", true, List.of(amd64, arm64, attestation));
    TestImage amd64Docker =
        new TestImage().platform("linux", "amd64", null).layer("ADD amd64", "etc/arch", "amd64\n");
    TestImage arm64Docker =
        new TestImage().platform("linux", "arm64", null).layer("ADD arm64", "etc/arch", "arm64!\n");
    push.index("multi/app", "list", false, List.of(amd64Docker, arm64Docker));
    push.index(
        "single/arm",
        "1",
        true,
        List.of(new TestImage().oci().platform("linux", "arm64", null).layer("ADD x", "x", "x")));

    TestImage.LayerBlob shared =
        new TestImage().layer("", "shared.txt", "same bytes twice").layers.get(0);
    plain =
        new TestImage()
            .oci()
            .plainLayer("ADD big", "big.bin", "b".repeat(100_000))
            .addLayer(shared)
            .layer("RUN rm big.bin", ".wh.big.bin", "")
            .addLayer(shared);
    push.image("plain/layers", "1", plain);

    missing = new TestImage().layer("ADD a", "a", "aaa").layer("ADD b", "b", "bbb");
    push.image("broken/missing", "1", missing);
    push.deleteBlob("broken/missing", missing.layers.get(1).digest());

    corrupt =
        new TestImage()
            .layer("ADD a", "a", "a".repeat(10_000))
            .layer("ADD c", "c", "c".repeat(50_000) + "tail");
    push.image("broken/corrupt", "1", corrupt);
    server.corruptBlob(corrupt.layers.get(1).digest());
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) server.close();
  }

  private static RegistryOptions options() {
    return RegistryOptions.fromEnvironment(
            Map.of("HOME", dir.resolve("home").toString(), "PATH", "/usr/bin:/bin"))
        .withInsecureRegistries(List.of(host))
        .withRetry(RetryPolicy.immediate(3), 2);
  }

  @Test
  void figuresEqualDivesForTheSameImage() throws Exception {
    Loads.Loaded loaded = Loads.load(host + "/dive/test-image:latest", options());

    // dive's numbers for test-docker-image.tar (image_archive_analysis_test.go).
    ImageAnalysis a = loaded.analysis();
    assertThat(a.efficiency()).isEqualTo(0.9844212134184309);
    assertThat(a.sizeBytes()).isEqualTo(1220598);
    assertThat(a.userSizeBytes()).isEqualTo(66237);
    assertThat(a.wastedBytes()).isEqualTo(32025);
    List<Layer> layers = loaded.image().image().layers();
    assertThat(layers)
        .extracting(Layer::sizeBytes)
        .containsExactly(
            1154361L, 6405L, 0L, 6405L, 6405L, 6405L, 6405L, 6405L, 6405L, 0L, 2187L, 6405L, 6405L,
            6405L);
    assertThat(layers.get(3).diffId())
        .hasToString("sha256:4abad3abe3cb99ad7a492a9d9f6b3d66287c1646843c74128bbbec4f7be5aa9e");
    assertThat(layers.get(3).createdBy())
        .isEqualTo("/bin/sh -c cp /somefile.txt /root/example/somefile1.txt");
    for (int i = 0; i < layers.size(); i++) {
      TestImage.LayerBlob blob = dive.layers.get(i);
      assertThat(layers.get(i).index()).isEqualTo(i);
      assertThat(layers.get(i).diffId()).isEqualTo(blob.diffId());
      assertThat(layers.get(i).blobDigest()).contains(blob.digest());
      assertThat(layers.get(i).id()).isEqualTo(blob.digest().hex());
      assertThat(layers.get(i).compressedSizeBytes()).isEqualTo(blob.blob().length);
    }
    assertThat(loaded.image().image().name()).isEqualTo(host + "/dive/test-image:latest");
    assertThat(loaded.image().image().config().os()).isEqualTo("linux");
    assertThat(loaded.image().image().config().architecture()).isEqualTo("amd64");
  }

  @Test
  void progressTellsPhasesLayersAndCompressedBytes() throws Exception {
    Loads.Loaded loaded = Loads.load(host + "/dive/test-image:latest", options());

    Loads.Recorder r = loaded.recorder();
    long total = dive.layers.stream().mapToLong(l -> l.blob().length).sum();
    assertThat(r.phases).hasSize(3);
    assertThat(r.phases.subList(0, 2))
        .containsExactly("Fetching manifest from " + host, "Fetching image config from " + host);
    assertThat(r.phases.get(2))
        .isEqualTo("Downloading 14 layers (" + HumanBytes.format(total) + ") from " + host);
    assertThat(r.known).hasSize(14);
    assertThat(r.known.get(0).sizeBytes()).isEqualTo(-1);
    assertThat(r.known.get(0).compressedSizeBytes()).isEqualTo(dive.layers.get(0).blob().length);
    assertThat(r.progress.get(0)).isEqualTo(new Loads.Progress(0, total, 0, 14));
    assertThat(r.progress.get(r.progress.size() - 1))
        .isEqualTo(new Loads.Progress(total, total, 14, 14));
    for (int i = 1; i < r.progress.size(); i++) {
      assertThat(r.progress.get(i).bytesDone())
          .isGreaterThanOrEqualTo(r.progress.get(i - 1).bytesDone());
    }
  }

  @Test
  void byDigest() throws Exception {
    Loads.Loaded loaded = Loads.load(host + "/dive/test-image@" + diveManifest, options());

    assertThat(loaded.analysis().sizeBytes()).isEqualTo(1220598);
  }

  @Test
  void ociIndexGivesThisMachinesImage() throws Exception {
    Loads.Loaded loaded = Loads.load(host + "/multi/app:oci", options());

    assertThat(loaded.image().image().layers())
        .extracting(Layer::diffId)
        .containsExactly(amd64.layers.get(0).diffId());
    assertThat(loaded.image().image().config().architecture()).isEqualTo("amd64");
    assertThat(loaded.image().image().diagnostics()).isEmpty();
  }

  @Test
  void ociIndexGivesTheRequestedPlatform() throws Exception {
    Loads.Loaded loaded =
        Loads.load(host + "/multi/app:oci", options().withPlatform(Platform.parse("linux/arm64")));

    assertThat(loaded.image().image().layers())
        .extracting(Layer::diffId)
        .containsExactly(arm64.layers.get(0).diffId());
    assertThat(loaded.image().image().config().architecture()).isEqualTo("arm64");
    assertThat(loaded.image().image().sizeBytes()).isEqualTo(7);
  }

  @Test
  void dockerManifestListGivesTheRequestedPlatform() throws Exception {
    Loads.Loaded amd = Loads.load(host + "/multi/app:list", options());
    Loads.Loaded arm =
        Loads.load(
            host + "/multi/app:list", options().withPlatform(Platform.parse("linux/aarch64")));

    assertThat(amd.image().image().config().architecture()).isEqualTo("amd64");
    assertThat(amd.image().image().sizeBytes()).isEqualTo(6);
    assertThat(arm.image().image().config().architecture()).isEqualTo("arm64");
    assertThat(arm.image().image().sizeBytes()).isEqualTo(7);
  }

  @Test
  void platformNotInTheIndex() {
    assertThatThrownBy(
            () ->
                Loads.load(
                    host + "/multi/app:oci", options().withPlatform(Platform.parse("linux/s390x"))))
        .isInstanceOf(ImageReadException.class)
        .hasMessage(
            host
                + "/multi/app:oci: no image for linux/s390x in the index (it has linux/amd64,"
                + " linux/arm64); choose one with --platform");
  }

  @Test
  void theOnlyImageOfAnotherPlatformIsShownAndSaidSo() throws Exception {
    Loads.Loaded loaded = Loads.load(host + "/single/arm:1", options());

    assertThat(loaded.image().image().config().architecture()).isEqualTo("arm64");
    assertThat(loaded.image().image().diagnostics())
        .extracting(Object::toString)
        .containsExactly(
            host
                + "/single/arm:1: the index has only a linux/arm64 image, not one for this machine"
                + " (linux/amd64); showing that one");
  }

  @Test
  void platformOfASingleManifestIsChecked() {
    assertThatThrownBy(
            () ->
                Loads.load(
                    host + "/dive/test-image:latest",
                    options().withPlatform(Platform.parse("linux/arm64"))))
        .hasMessage(
            host
                + "/dive/test-image:latest: the image is for linux/amd64 only (no index to choose"
                + " from), not linux/arm64; drop --platform to see it");
  }

  @Test
  void uncompressedAndRepeatedLayers() throws Exception {
    Loads.Loaded loaded = Loads.load(host + "/plain/layers:1", options());

    List<Layer> layers = loaded.image().image().layers();
    assertThat(layers.get(0).compressedSizeBytes()).isEqualTo(plain.layers.get(0).tar().length);
    assertThat(layers.get(0).sizeBytes()).isEqualTo(100_000);
    assertThat(layers).extracting(Layer::sizeBytes).containsExactly(100_000L, 16L, 0L, 16L);
    List<RawLayer> contents = loaded.image().layerContents();
    assertThat(contents.get(3)).isSameAs(contents.get(1));
    // dive counts the removed big.bin (100000) and both copies of shared.txt (2 × 16) as wasted.
    assertThat(loaded.analysis().wastedBytes()).isEqualTo(100_032);
  }

  @Test
  void manifestNotFound() {
    assertThatThrownBy(() -> Loads.load(host + "/dive/test-image:nope", options()))
        .hasMessage(
            host
                + "/dive/test-image:nope: manifest not found (404 Not Found, MANIFEST_UNKNOWN:"
                + " manifest unknown); check the repository name and the tag or digest");
    assertThatThrownBy(() -> Loads.load(host + "/no/such-repo:1", options()))
        .hasMessage(
            host
                + "/no/such-repo:1: manifest not found (404 Not Found, MANIFEST_UNKNOWN: manifest"
                + " unknown); check the repository name and the tag or digest");
  }

  @Test
  void blobNotFound() {
    assertThatThrownBy(() -> Loads.load(host + "/broken/missing:1", options()))
        .hasMessage(
            host
                + "/broken/missing:1: layer 1 blob "
                + missing.layers.get(1).digest()
                + " not found (404 Not Found, BLOB_UNKNOWN: blob unknown to registry); the registry"
                + " lost it or the manifest is broken");
  }

  @Test
  void corruptedBlob() {
    Digest victim = corrupt.layers.get(1).digest();
    assertThatThrownBy(() -> Loads.load(host + "/broken/corrupt:1", options()))
        .hasMessageStartingWith(
            host
                + "/broken/corrupt:1: layer 1 blob "
                + victim
                + " arrived corrupted (the bytes hash to sha256:")
        .hasMessageEndingWith("); try again, and if it persists the registry's copy is damaged")
        .hasMessageNotContaining("\n");
  }

  @Test
  void registryOnThisMachineMayAnswerPlainHttpUnasked() throws Exception {
    // As docker allows for 127.0.0.0/8: a registry on this machine may speak plain HTTP unasked.
    RegistryOptions secure = options().withInsecureRegistries(List.of());

    Loads.Loaded loaded = Loads.load(host + "/dive/test-image:latest", secure);

    assertThat(loaded.analysis().sizeBytes()).isEqualTo(1220598);
  }

  @Test
  void plainHttpBeyondThisMachineOnlyWhenAsked() throws Exception {
    String address = nonLoopbackAddress();
    try (RegistryServer beyond =
        RegistryServer.start(
            dir.resolve("beyond"),
            dir.resolve("storage"),
            RegistryServer.Security.none(),
            address)) {
      String where = beyond.hostPort;
      RegistryOptions secure = options().withInsecureRegistries(List.of());
      assertThatThrownBy(() -> Loads.load(where + "/dive/test-image:latest", secure))
          .hasMessageStartingWith(where + ": answers plain HTTP, not HTTPS; ")
          .hasMessageNotContaining("\n");

      RegistryOptions asked = options().withInsecureRegistries(List.of(where));
      assertThat(Loads.load(where + "/dive/test-image:latest", asked).analysis().sizeBytes())
          .isEqualTo(1220598);
    }
  }

  /** An IPv4 address of this machine that is not loopback; skips the test when there is none. */
  private static String nonLoopbackAddress() throws IOException {
    for (java.net.NetworkInterface nic :
        java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
      if (!nic.isUp() || nic.isLoopback()) continue;
      for (java.net.InetAddress a : java.util.Collections.list(nic.getInetAddresses())) {
        if (a instanceof java.net.Inet4Address && !a.isLoopbackAddress()) {
          return a.getHostAddress();
        }
      }
    }
    org.junit.jupiter.api.Assumptions.abort("this machine has no IPv4 address besides loopback");
    return null;
  }

  @Test
  void insecureHostWithoutPortCoversAnyPort() throws Exception {
    RegistryOptions byHost = options().withInsecureRegistries(List.of("127.0.0.1"));
    assertThat(Loads.load(host + "/multi/app:oci", byHost).image().image().layers()).hasSize(1);
  }

  @Test
  void unknownHost() {
    assertThatThrownBy(() -> Loads.load("no-such-registry.invalid/team/app:1.4", options()))
        .hasMessage(
            "no-such-registry.invalid: unknown host (the name does not resolve); check the registry"
                + " name and your DNS");
  }

  @Test
  void nothingListening() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    String where = "127.0.0.1:" + port;
    assertThatThrownBy(
            () ->
                Loads.load(
                    where + "/team/app:1.4", options().withInsecureRegistries(List.of(where))))
        .hasMessage(where + ": connection refused; is a registry listening on that host and port?");
  }

  @Test
  void resultsAreIndependentOfParallelism() throws Exception {
    Loads.Loaded one =
        Loads.load(host + "/dive/test-image:latest", options().withParallelDownloads(1));
    Loads.Loaded many =
        Loads.load(host + "/dive/test-image:latest", options().withParallelDownloads(8));

    assertThat(one.image().image()).isEqualTo(many.image().image());
    assertThat(one.analysis()).isEqualTo(many.analysis());
  }

  @Test
  void oneLayerBlobIsDownloadedAgainForTheViewerAndExtraction() throws Exception {
    String reference = host + "/multi/app:oci";
    Layer layer = Loads.load(reference, options()).image().image().layers().get(0);
    RegistrySource again =
        new RegistrySource(
            io.layerdive.source.ImageReference.parse(reference),
            options(),
            new TestLayerReader(),
            Loads.MACHINE);
    Loads.Recorder progress = new Loads.Recorder();
    io.layerdive.source.extract.LayerOpener opener =
        new io.layerdive.source.extract.BlobLayerOpener(l -> again.openLayerBlob(l, progress));
    assertThat(
            new io.layerdive.source.extract.FilePreviewReader(opener)
                .read(layer, "/etc/arch", 100)
                .text())
        .isEqualTo("amd64\n");
    Path out = dir.resolve("again");
    io.layerdive.source.extract.ExtractResult result =
        new io.layerdive.source.extract.LayerExtractor(
                new io.layerdive.source.extract.DiffIdCheck(opener))
            .extract(layer, "/etc", out);
    assertThat(result.files()).isEqualTo(1);
    assertThat(Files.readString(out.resolve("etc/arch"))).isEqualTo("amd64\n");
  }
}
