package io.layerdive.source.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.layerdive.image.Digest;
import io.layerdive.image.Layer;
import io.layerdive.image.LayerReceiver;
import io.layerdive.source.ImageReadException;
import io.layerdive.source.MediaTypes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken networks and odd registries, played by a registry of our own. */
class RegistryFaultsTest {
  @TempDir Path home;
  private FakeRegistry registry;
  private String host;
  private TestImage image;
  private String layerPath;
  private byte[] layerBlob;

  @BeforeEach
  void start() throws Exception {
    registry = new FakeRegistry();
    host = registry.hostPort();
    image =
        new TestImage()
            .layer("ADD base", "base/", "", "base/file", "base contents ".repeat(2000))
            .layer("ADD big", "big.bin", pseudoRandom(200_000));
    registry.image("team/app", "1", image);
    layerBlob = image.layers.get(1).blob();
    layerPath = "/v2/team/app/blobs/" + image.layers.get(1).digest();
  }

  @AfterEach
  void stop() {
    registry.close();
  }

  private RegistryOptions options() {
    // http://: the fake registry speaks plain HTTP and never answers a TLS hello, so no HTTPS try.
    return RegistryOptions.fromEnvironment(Map.of("HOME", home.toString(), "PATH", "/usr/bin:/bin"))
        .withInsecureRegistries(List.of("http://" + host))
        .withRetry(RetryPolicy.immediate(3), 2);
  }

  private static String pseudoRandom(int n) {
    StringBuilder sb = new StringBuilder(n);
    long x = 42;
    for (int i = 0; i < n; i++) {
      x = x * 6364136223846793005L + 1442695040888963407L;
      sb.append((char) ('a' + (int) ((x >>> 33) % 26)));
    }
    return sb.toString();
  }

  private long expectedSize() {
    return 14 * 2000 + 200_000;
  }

  @Test
  void connectionCutMidBlobIsResumedWithARange() throws Exception {
    registry.fault(
        (ex, attempt) -> {
          if (ex.getRequestURI().getPath().equals(layerPath) && attempt == 1) {
            FakeRegistry.sendPartThenCut(ex, layerBlob, layerBlob.length / 2);
            return true;
          }
          return false;
        });

    Loads.Loaded loaded = Loads.load(host + "/team/app:1", options());

    assertThat(loaded.image().image().sizeBytes()).isEqualTo(expectedSize());
    assertThat(registry.requests)
        .contains("GET " + layerPath, "GET " + layerPath + " bytes=" + layerBlob.length / 2 + "-");
    Loads.Progress last = loaded.recorder().progress.get(loaded.recorder().progress.size() - 1);
    long total = image.layers.get(0).blob().length + layerBlob.length;
    assertThat(last).isEqualTo(new Loads.Progress(total, total, 2, 2));
  }

  @Test
  void layersPastTheEndOfTheHistoryAreMissingAsDiveShowsThem() throws Exception {
    TestImage shortHistory =
        new TestImage() {
          @Override
          byte[] config() {
            try {
              ObjectNode config = (ObjectNode) JSON.readTree(super.config());
              ((ArrayNode) config.get("history")).remove(2);
              return JSON.writeValueAsBytes(config);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          }
        };
    shortHistory.layer("ADD a", "a.txt", "a").layer("ADD b", "b.txt", "b");
    registry.image("team/short", "1", shortHistory);

    Loads.Loaded loaded = Loads.load(host + "/team/short:1", options());

    assertThat(loaded.image().image().layers())
        .extracting(Layer::createdBy)
        .containsExactly("ADD a", "(missing)");
  }

  @Test
  void resumeWorksWhenTheRegistryIgnoresTheRange() throws Exception {
    registry.fault(
        (ex, attempt) -> {
          if (!ex.getRequestURI().getPath().equals(layerPath)) return false;
          if (attempt == 1) {
            FakeRegistry.sendPartThenCut(ex, layerBlob, 1000);
          } else {
            FakeRegistry.send(ex, 200, "application/octet-stream", layerBlob);
          }
          return true;
        });

    Loads.Loaded loaded = Loads.load(host + "/team/app:1", options());

    assertThat(loaded.image().image().sizeBytes()).isEqualTo(expectedSize());
  }

  @Test
  void connectionCutEveryTimeGivesAClearError() {
    registry.fault(
        (ex, attempt) -> {
          if (ex.getRequestURI().getPath().equals(layerPath)) {
            String range = ex.getRequestHeaders().getFirst("Range");
            int from = range == null ? 0 : Integer.parseInt(range.substring(6, range.length() - 1));
            ex.getResponseHeaders()
                .set(
                    "Content-Range",
                    "bytes " + from + "-" + (layerBlob.length - 1) + "/" + layerBlob.length);
            ex.sendResponseHeaders(from == 0 ? 200 : 206, layerBlob.length - from);
            ex.getResponseBody().write(layerBlob, from, 5000);
            ex.getResponseBody().flush();
            ex.close();
            return true;
          }
          return false;
        });

    assertThatThrownBy(() -> Loads.load(host + "/team/app:1", options()))
        .isInstanceOf(ImageReadException.class)
        .hasMessageStartingWith(
            host
                + "/team/app:1: layer 1 blob "
                + image.layers.get(1).digest().shortHex(12)
                + " broke off after 15000 of "
                + layerBlob.length
                + " bytes (connection lost: ")
        .hasMessageEndingWith(", resumed 2 times); try again")
        .hasMessageNotContaining("\n");
  }

  @Test
  void stalledDownloadIsGivenUp() {
    CountDownLatch release = new CountDownLatch(1);
    registry.fault(
        (ex, attempt) -> {
          if (!ex.getRequestURI().getPath().equals(layerPath)) return false;
          ex.sendResponseHeaders(200, layerBlob.length);
          ex.getResponseBody().write(layerBlob, 0, 100);
          ex.getResponseBody().flush();
          try {
            release.await(60, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return true;
        });
    RegistryOptions options =
        options()
            .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofMillis(200))
            .withRetry(RetryPolicy.immediate(1), 1);

    try {
      assertThatThrownBy(() -> Loads.load(host + "/team/app:1", options))
          .hasMessageEndingWith(
              "broke off after 100 of "
                  + layerBlob.length
                  + " bytes (no data for 0.2 s, resumed once); try again");
    } finally {
      release.countDown();
    }
  }

  @Test
  void noAnswerWithinTheResponseTimeoutIsAskedOnceMoreThenReported() {
    CountDownLatch release = new CountDownLatch(1);
    registry.fault(
        (ex, attempt) -> {
          if (!ex.getRequestURI().getPath().endsWith("/manifests/1")) return false;
          try {
            release.await(60, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return false;
        });
    RegistryOptions options =
        options()
            .withTimeouts(Duration.ofSeconds(5), Duration.ofMillis(200), Duration.ofSeconds(5))
            .withRetry(RetryPolicy.immediate(5), 1);

    try {
      assertThatThrownBy(() -> Loads.load(host + "/team/app:1", options))
          .hasMessageStartingWith(host + ": no response (")
          .hasMessageEndingWith("); the registry may be overloaded, try again (after 2 attempts)");
      assertThat(registry.requests.stream().filter(r -> r.equals("GET /v2/team/app/manifests/1")))
          .hasSize(2);
    } finally {
      release.countDown();
    }
  }

  @Test
  void interruptionCancelsPromptlyAndLeavesNoThreads() throws Exception {
    CountDownLatch streaming = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    registry.fault(
        (ex, attempt) -> {
          if (!ex.getRequestURI().getPath().equals(layerPath)) return false;
          ex.sendResponseHeaders(200, layerBlob.length);
          ex.getResponseBody().write(layerBlob, 0, 100);
          ex.getResponseBody().flush();
          streaming.countDown();
          try {
            release.await(60, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return true;
        });
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicReference<Boolean> interruptedAfter = new AtomicReference<>();
    Thread loader =
        new Thread(
            () -> {
              try {
                Loads.load(host + "/team/app:1", options());
              } catch (Throwable t) {
                thrown.set(t);
              }
              interruptedAfter.set(Thread.currentThread().isInterrupted());
            });
    try {
      loader.start();
      assertThat(streaming.await(30, TimeUnit.SECONDS)).isTrue();
      loader.interrupt();
      loader.join(30_000);

      assertThat(loader.isAlive()).isFalse();
      assertThat(thrown.get())
          .isInstanceOf(ImageReadException.class)
          .hasMessage(host + "/team/app:1: cancelled");
      assertThat(interruptedAfter.get()).isTrue();
      assertThat(Thread.getAllStackTraces().keySet())
          .extracting(Thread::getName)
          .noneMatch(name -> name.startsWith("layerdive-download"));
    } finally {
      release.countDown();
    }
  }

  @Test
  void busyRegistryIsRetried() throws Exception {
    registry.fault(
        (ex, attempt) -> {
          String path = ex.getRequestURI().getPath();
          if (path.endsWith("/manifests/1") && attempt <= 2) {
            FakeRegistry.send(ex, 503, "text/plain", "busy".getBytes(StandardCharsets.UTF_8));
            return true;
          }
          if (path.equals(layerPath) && attempt == 1) {
            ex.getResponseHeaders().set("Retry-After", "0");
            FakeRegistry.send(ex, 429, "text/plain", "slow down".getBytes(StandardCharsets.UTF_8));
            return true;
          }
          return false;
        });

    Loads.Loaded loaded = Loads.load(host + "/team/app:1", options());

    assertThat(loaded.image().image().sizeBytes()).isEqualTo(expectedSize());
    assertThat(registry.requests.stream().filter(r -> r.equals("GET /v2/team/app/manifests/1")))
        .hasSize(3);
    assertThat(registry.requests.stream().filter(r -> r.equals("GET " + layerPath))).hasSize(2);
  }

  @Test
  void severalLayersDownloadAtOnceButNoMoreThanAsked() throws Exception {
    TestImage many = new TestImage();
    for (int i = 0; i < 7; i++) many.layer("ADD " + i, "f" + i, "contents of layer " + i);
    registry.image("team/many", "1", many);
    Map<String, byte[]> blobs = new java.util.HashMap<>();
    for (TestImage.LayerBlob l : many.layers) {
      blobs.put("/v2/team/many/blobs/" + l.digest(), l.blob());
    }
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    CountDownLatch threeAtOnce = new CountDownLatch(3);
    registry.fault(
        (ex, attempt) -> {
          byte[] blob = blobs.get(ex.getRequestURI().getPath());
          if (blob == null) return false;
          most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
          threeAtOnce.countDown();
          try {
            // Held until three downloads are running together; one at a time never gets there
            // (the wait's bound only keeps a broken build from hanging).
            threeAtOnce.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          inFlight.decrementAndGet();
          FakeRegistry.send(ex, 200, "application/octet-stream", blob);
          return true;
        });

    Loads.Loaded loaded = Loads.load(host + "/team/many:1", options().withParallelDownloads(3));

    assertThat(loaded.image().image().layers()).hasSize(7);
    assertThat(threeAtOnce.getCount()).isZero();
    assertThat(most.get()).isEqualTo(3);
  }

  @Test
  void internalServerErrorIsRetriedToo() throws Exception {
    // Registries backed by object storage answer 500 for a storage hiccup that the next try passes.
    registry.fault(
        (ex, attempt) -> {
          if (ex.getRequestURI().getPath().equals(layerPath) && attempt == 1) {
            FakeRegistry.send(ex, 500, "text/plain", "oops".getBytes(StandardCharsets.UTF_8));
            return true;
          }
          return false;
        });

    Loads.Loaded loaded = Loads.load(host + "/team/app:1", options());

    assertThat(loaded.image().image().sizeBytes()).isEqualTo(expectedSize());
    assertThat(registry.requests.stream().filter(r -> r.equals("GET " + layerPath))).hasSize(2);
  }

  @Test
  void registryBusyForGood() {
    registry.fault(
        (ex, attempt) -> {
          if (ex.getRequestURI().getPath().endsWith("/manifests/1")) {
            FakeRegistry.send(
                ex, 502, "text/plain", "bad gateway".getBytes(StandardCharsets.UTF_8));
            return true;
          }
          return false;
        });

    assertThatThrownBy(() -> Loads.load(host + "/team/app:1", options()))
        .hasMessage(
            host
                + ": /v2/team/app/manifests/1 answered 502 Bad Gateway after 3 attempts; the"
                + " registry or a proxy before it is in trouble, try again later");
  }

  @Test
  void rateLimitWithALongWaitIsNotWaitedFor() {
    registry.fault(
        (ex, attempt) -> {
          if (ex.getRequestURI().getPath().endsWith("/manifests/1")) {
            ex.getResponseHeaders().set("Retry-After", "3600");
            FakeRegistry.send(ex, 429, "application/json", "{}".getBytes(StandardCharsets.UTF_8));
            return true;
          }
          return false;
        });

    assertThatThrownBy(() -> Loads.load(host + "/team/app:1", options()))
        .hasMessage(
            host
                + ": rate limited (429 Too Many Requests; it asks to wait 3600 s); try again later,"
                + " or log in for a higher limit");
  }

  @Test
  void redirectToBlobStorageFollowedWithoutTheRegistrysCredentials() throws Exception {
    try (FakeRegistry storage = new FakeRegistry()) {
      storage.blob(layerBlob);
      registry.basicAuth("ld-user", "ld-secret");
      registry.fault(
          (ex, attempt) -> {
            if (ex.getRequestURI().getPath().equals(layerPath)
                && ex.getRequestHeaders().containsKey("Authorization")) {
              ex.getResponseHeaders()
                  .set(
                      "Location",
                      "http://"
                          + storage.hostPort()
                          + "/v2/storage/blobs/"
                          + image.layers.get(1).digest()
                          + "?signature=abc");
              ex.sendResponseHeaders(307, -1);
              return true;
            }
            return false;
          });
      java.nio.file.Files.createDirectories(home.resolve(".docker"));
      java.nio.file.Files.writeString(
          home.resolve(".docker/config.json"),
          "{\"auths\":{\""
              + host
              + "\":{\"auth\":\""
              + java.util.Base64.getEncoder()
                  .encodeToString("ld-user:ld-secret".getBytes(StandardCharsets.UTF_8))
              + "\"}}}");

      Loads.Loaded loaded = Loads.load(host + "/team/app:1", options());

      assertThat(loaded.image().image().sizeBytes()).isEqualTo(expectedSize());
      assertThat(registry.requests).contains("GET " + layerPath + " [auth]");
      assertThat(storage.requests)
          .containsExactly("GET /v2/storage/blobs/" + image.layers.get(1).digest());
    }
  }

  @Test
  void forbidden() throws Exception {
    registry.fault(
        (ex, attempt) -> {
          if (ex.getRequestURI().getPath().endsWith("/manifests/1")) {
            FakeRegistry.send(
                ex,
                403,
                "application/json",
                "{\"errors\":[{\"code\":\"DENIED\",\"message\":\"requested access to the resource is denied\"}]}"
                    .getBytes(StandardCharsets.UTF_8));
            return true;
          }
          return false;
        });

    assertThatThrownBy(() -> Loads.load(host + "/team/app:1", options()))
        .hasMessage(
            host
                + "/team/app:1: access denied (403 Forbidden, DENIED: requested access to the"
                + " resource is denied) anonymously (no credentials for "
                + host
                + " in ~/.docker/config.json); the repository may not exist, or needs a login:"
                + " docker login "
                + host);
  }

  @Test
  void manifestNotMatchingTheDigestAskedFor() {
    Digest asked = Digest.parse("sha256:" + "ab".repeat(32));
    registry.manifest("team/app", asked.toString(), MediaTypes.DOCKER_MANIFEST, image.manifest());

    assertThatThrownBy(() -> Loads.load(host + "/team/app@" + asked, options()))
        .hasMessage(
            host
                + "/team/app@"
                + asked
                + ": the manifest received has digest "
                + RegistryClient.sha256(image.manifest())
                + ", not the "
                + asked
                + " asked for; a proxy or the registry altered it");
  }

  @Test
  void diffIdNotMatchingTheContents() throws Exception {
    TestImage lying = new TestImage().layer("ADD a", "a", "aaa");
    ObjectNode config = (ObjectNode) TestImage.JSON.readTree(lying.config());
    ((com.fasterxml.jackson.databind.node.ArrayNode) config.path("rootfs").path("diff_ids"))
        .set(0, "sha256:" + "cd".repeat(32));
    byte[] configBytes = TestImage.bytes(config);
    TestImage served =
        new TestImage() {
          @Override
          byte[] config() {
            return configBytes;
          }
        }.addLayer(lying.layers.get(0));
    registry.image("team/lying", "1", served);

    assertThatThrownBy(() -> Loads.load(host + "/team/lying:1", options()))
        .hasMessage(
            host
                + "/team/lying:1: layer 0 (blob "
                + lying.layers.get(0).digest().shortHex(12)
                + ") unpacks to a tar with digest "
                + lying.layers.get(0).diffId()
                + ", but the config says its diff_id is sha256:"
                + "cd".repeat(32)
                + "; the image is broken");
  }

  /** Fails as the core reader does: bytes it cannot decode are an image error, not an I/O one. */
  private static final class CoreLikeReader implements LayerStreamReader {
    @Override
    public <T> LayerResult<T> read(java.io.InputStream blob, LayerReceiver<T> receiver)
        throws ImageReadException {
      try {
        return new TestLayerReader().read(blob, receiver);
      } catch (IOException e) {
        throw new ImageReadException(
            SUBJECT + ": the gzip stream is corrupt (" + e.getMessage() + ")", e);
      }
    }
  }

  @Test
  void corruptedBlobThatTheReaderCannotDecodeIsReportedAsCorrupted() {
    byte[] damaged = layerBlob.clone();
    for (int i = 20; i < damaged.length - 20; i += 7) damaged[i] ^= 0x5a;
    registry.fault(
        (ex, attempt) -> {
          if (ex.getRequestURI().getPath().equals(layerPath)) {
            FakeRegistry.send(ex, 200, "application/octet-stream", damaged);
            return true;
          }
          return false;
        });

    assertThatThrownBy(
            () ->
                Loads.load(
                    host + "/team/app:1", options(), new Loads.Recorder(), new CoreLikeReader()))
        .hasMessageStartingWith(
            host
                + "/team/app:1: layer 1 blob "
                + image.layers.get(1).digest()
                + " arrived corrupted (the bytes hash to sha256:");
  }

  @Test
  void blobThatArrivedIntactButCannotBeDecodedNamesTheLayer() {
    byte[] garbage = new byte[4096];
    garbage[0] = 0x1f;
    garbage[1] = (byte) 0x8b;
    for (int i = 2; i < garbage.length; i++) garbage[i] = (byte) (i * 31);
    TestImage.LayerBlob bad =
        new TestImage.LayerBlob(
            "tar".getBytes(StandardCharsets.UTF_8),
            garbage,
            "application/vnd.oci.image.layer.v1.tar+gzip",
            "ADD x");
    registry.image("team/garbage", "1", new TestImage().addLayer(bad));

    assertThatThrownBy(
            () ->
                Loads.load(
                    host + "/team/garbage:1",
                    options(),
                    new Loads.Recorder(),
                    new CoreLikeReader()))
        .hasMessageStartingWith(
            host
                + "/team/garbage:1: layer 0 (blob "
                + RegistryClient.sha256(garbage).shortHex(12)
                + ") is not a readable layer tar: the gzip stream is corrupt (");
  }

  @Test
  void schema1ManifestIsRefused() {
    registry.manifest(
        "team/old",
        "1",
        "application/vnd.docker.distribution.manifest.v1+prettyjws",
        "{\"schemaVersion\":1,\"name\":\"team/old\",\"tag\":\"1\",\"fsLayers\":[]}"
            .getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> Loads.load(host + "/team/old:1", options()))
        .hasMessage(
            host
                + "/team/old:1: the registry has only a Docker schema 1 manifest, a format retired"
                + " in 2019; push the image again with a current client");
  }

  @Test
  void artifactIsNotAnImage() {
    byte[] config = "{}".getBytes(StandardCharsets.UTF_8);
    registry.blob(config);
    String manifest =
        "{\"schemaVersion\":2,\"mediaType\":\""
            + MediaTypes.OCI_MANIFEST
            + "\",\"config\":{\"mediaType\":\"application/vnd.cncf.helm.config.v1+json\",\"digest\":\""
            + RegistryClient.sha256(config)
            + "\",\"size\":2},\"layers\":[]}";
    registry.manifest(
        "charts/app", "1", MediaTypes.OCI_MANIFEST, manifest.getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> Loads.load(host + "/charts/app:1", options()))
        .hasMessage(
            host
                + "/charts/app:1: not a container image (its config is"
                + " application/vnd.cncf.helm.config.v1+json); an artifact such as a Helm chart or"
                + " signature?");
  }

  @Test
  void insecureHostFallsBackToPlainHttpWhenTlsGetsNoAnswer() throws Exception {
    // No scheme given: HTTPS is tried first; this server never answers a TLS hello.
    RegistryOptions probing =
        options()
            .withInsecureRegistries(List.of(host))
            .withTimeouts(Duration.ofSeconds(5), Duration.ofMillis(300), Duration.ofSeconds(5));

    Loads.Loaded loaded = Loads.load(host + "/team/app:1", probing);

    assertThat(loaded.image().image().sizeBytes()).isEqualTo(expectedSize());
  }

  @Test
  void notARegistry() {
    registry.fault(
        (ex, attempt) -> {
          if (ex.getRequestURI().getPath().equals("/v2/")) {
            FakeRegistry.send(
                ex, 404, "text/html", "<html>nope</html>".getBytes(StandardCharsets.UTF_8));
            return true;
          }
          return false;
        });

    assertThatThrownBy(() -> Loads.load(host + "/team/app:1", options()))
        .hasMessage(
            host
                + ": does not answer as a registry (GET /v2/ gave 404 Not Found); check the host"
                + " and port");
  }
}
