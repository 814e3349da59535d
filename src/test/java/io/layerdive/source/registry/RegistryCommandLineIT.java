package io.layerdive.source.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.layerdive.testing.BuiltJar;
import io.layerdive.testing.ChildProcess;
import io.layerdive.testing.ChildProcess.Result;
import io.layerdive.testing.Conformance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built program against the reference registry with no Docker daemon (DOCKER_HOST names a
 * socket that is not there): the same figures as from the archive, each layer's compressed size in
 * the JSON, TLS with a CA the test makes, and every registry error as one line on stderr with exit
 * code 3. Skips when the jar was not built (system property {@code layerdive.jar}, set by
 * Failsafe).
 */
class RegistryCommandLineIT {
  @TempDir static Path dir;
  private static Path archive;
  private static RegistryServer server;
  private static RegistryServer tlsServer;
  private static TestCerts.Pair cert;
  private static String host;
  private static TestImage dive;
  private static TestImage missing;
  private static TestImage corrupt;

  @BeforeAll
  static void startAndPush() throws Exception {
    BuiltJar.path();
    archive = Conformance.file("images").resolve("test-docker-image.tar");
    server =
        RegistryServer.start(
            dir.resolve("plain"), dir.resolve("storage"), RegistryServer.Security.none());
    host = server.hostPort;
    cert =
        TestCerts.selfSigned(
            Files.createDirectories(dir.resolve("ca")), "IP:127.0.0.1,DNS:localhost");
    tlsServer =
        RegistryServer.start(
            dir.resolve("tls"),
            dir.resolve("storage"),
            RegistryServer.Security.none().withTls(cert.cert(), cert.key()));
    Pusher push = new Pusher(host);
    dive = ConformanceImages.fromDockerSave(archive);
    push.image("dive/test-image", "latest", dive);
    push.index(
        "multi/app",
        "1",
        true,
        List.of(
            new TestImage().oci().platform("linux", "amd64", null).layer("ADD a", "a", "amd64"),
            new TestImage().oci().platform("linux", "arm64", null).layer("ADD a", "a", "arm64")));
    missing = new TestImage().layer("ADD a", "a", "aaa").layer("ADD b", "b", "bbb");
    push.image("broken/missing", "1", missing);
    push.deleteBlob("broken/missing", missing.layers.get(1).digest());
    corrupt = new TestImage().layer("ADD c", "c", "c".repeat(50_000) + "tail");
    push.image("broken/corrupt", "1", corrupt);
    server.corruptBlob(corrupt.layers.get(0).digest());
  }

  @AfterAll
  static void stop() throws Exception {
    for (RegistryServer s : new RegistryServer[] {server, tlsServer}) {
      if (s != null) s.close();
    }
  }

  @Test
  void figuresEqualTheArchivesWithEachLayersCompressedSizeBeside() throws Exception {
    Result fromRegistry = run("--json", "-", "registry://" + host + "/dive/test-image:latest");
    Result fromArchive = run("--json", "-", archive.toString());

    assertThat(fromRegistry.exit()).as(fromRegistry.stderr()).isZero();
    assertThat(fromRegistry.stderr()).isEmpty();
    JsonNode registry = TestImage.JSON.readTree(fromRegistry.stdout());
    JsonNode layers = registry.get("analysis").get("layers");
    assertThat(layers).hasSize(dive.layers.size());
    for (int i = 0; i < layers.size(); i++) {
      TestImage.LayerBlob blob = dive.layers.get(i);
      assertThat(layers.get(i).get("compressedSizeBytes").asLong()).isEqualTo(blob.blob().length);
      assertThat(layers.get(i).get("blobDigest").asText()).isEqualTo(blob.digest().toString());
      assertThat(registry.get("layer").get(i).get("id").asText()).isEqualTo(blob.digest().hex());
    }
    // Everything else (sizes, files, waste, advice) is what the archive gives.
    assertThat(withoutWhereItCameFrom(registry))
        .isEqualTo(withoutWhereItCameFrom(TestImage.JSON.readTree(fromArchive.stdout())));
    assertThat(registry.get("image").get("sizeBytes").asLong()).isEqualTo(1220598);
  }

  @Test
  void aBareRegistryNameFallsBackWhenNoDaemonAnswers() throws Exception {
    Result result = run("--json", "-", host + "/dive/test-image:latest");

    assertThat(result.exit()).as(result.stderr()).isZero();
    assertThat(result.stderr())
        .isEqualTo(
            "layerdive: no Docker daemon answers; reading "
                + host
                + "/dive/test-image:latest from the registry\n");
    assertThat(TestImage.JSON.readTree(result.stdout()).get("image").get("sizeBytes").asLong())
        .isEqualTo(1220598);
  }

  @Test
  void platformPickedFromTheIndex() throws Exception {
    Result result =
        run("--platform", "linux/arm64", "--json", "-", "registry://" + host + "/multi/app:1");

    assertThat(result.exit()).as(result.stderr()).isZero();
    assertThat(TestImage.JSON.readTree(result.stdout()).get("image").get("sizeBytes").asLong())
        .isEqualTo("arm64".length());
  }

  @Test
  void manifestNotFound() throws Exception {
    assertOneLineExit3(
        run("--json", "-", "registry://" + host + "/dive/test-image:nope"),
        "layerdive: " + host + "/dive/test-image:nope: manifest not found (404 Not Found,");
  }

  @Test
  void blobNotFound() throws Exception {
    assertOneLineExit3(
        run("--json", "-", "registry://" + host + "/broken/missing:1"),
        "layerdive: "
            + host
            + "/broken/missing:1: layer 1 blob "
            + missing.layers.get(1).digest()
            + " not found (404 Not Found,");
  }

  @Test
  void digestMismatch() throws Exception {
    assertOneLineExit3(
        run("--json", "-", "registry://" + host + "/broken/corrupt:1"),
        "layerdive: "
            + host
            + "/broken/corrupt:1: layer 0 blob "
            + corrupt.layers.get(0).digest()
            + " arrived corrupted");
  }

  @Test
  void platformNotInTheIndex() throws Exception {
    assertOneLineExit3(
        run("--platform", "linux/s390x", "--json", "-", "registry://" + host + "/multi/app:1"),
        "layerdive: "
            + host
            + "/multi/app:1: no image for linux/s390x in the index (it has linux/amd64,"
            + " linux/arm64); choose one with --platform");
  }

  @Test
  void unknownHost() throws Exception {
    assertOneLineExit3(
        run("--json", "-", "registry://no-such-registry.invalid/team/app:1"),
        "layerdive: no-such-registry.invalid: unknown host (the name does not resolve)");
  }

  @Test
  void tlsWithAPrivateCaFailsUntilTheCaIsGivenByFlagOrEnvironment() throws Exception {
    String reference = "registry://" + tlsServer.hostPort + "/multi/app:1";

    assertOneLineExit3(
        run("--json", "-", reference),
        "layerdive: "
            + tlsServer.hostPort
            + ": TLS failed (the certificate is not signed by a trusted CA); if it uses a private"
            + " CA, pass its certificate with --registry-ca FILE (or SSL_CERT_FILE);");
    Result byFlag = run("--registry-ca", cert.cert().toString(), "--json", "-", reference);
    assertThat(byFlag.exit()).as(byFlag.stderr()).isZero();
    Result byEnvironment =
        run(Map.of("SSL_CERT_FILE", cert.cert().toString()), "--json", "-", reference);
    assertThat(byEnvironment.exit()).as(byEnvironment.stderr()).isZero();
    assertThat(byEnvironment.stdout()).isEqualTo(byFlag.stdout());
  }

  private static void assertOneLineExit3(Result result, String start) {
    assertThat(result.exit()).as(result.stderr()).isEqualTo(3);
    assertThat(result.stdout()).isEmpty();
    assertThat(result.stderr()).endsWith("\n");
    assertThat(result.stderr().strip()).doesNotContain("\n").startsWith(start);
  }

  /** The report without the image's name and the layers' ids and blobs, which a source chooses. */
  private static JsonNode withoutWhereItCameFrom(JsonNode report) {
    JsonNode copy = report.deepCopy();
    for (JsonNode layer : copy.get("layer")) ((ObjectNode) layer).remove("id");
    ObjectNode analysis = (ObjectNode) copy.get("analysis");
    analysis.remove("imageName");
    for (JsonNode layer : analysis.get("layers")) {
      ((ObjectNode) layer).remove(List.of("blobDigest", "compressedSizeBytes"));
    }
    return copy;
  }

  private static Result run(String... args) throws Exception {
    return run(Map.of(), args);
  }

  private static Result run(Map<String, String> extraEnv, String... args) throws Exception {
    List<String> command = new ArrayList<>(BuiltJar.command("--no-cache"));
    command.addAll(List.of(args));
    return new ChildProcess(command)
        .set("DOCKER_HOST", "unix://" + dir.resolve("no-daemon.sock"))
        .set("HOME", dir.resolve("home").toString())
        .unset("DOCKER_CONFIG")
        .unset("SSL_CERT_FILE")
        .setAll(extraEnv)
        .run(dir);
  }
}
