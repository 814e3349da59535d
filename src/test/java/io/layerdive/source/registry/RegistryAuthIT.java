package io.layerdive.source.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Basic (htpasswd) and Bearer (token server) authentication against the reference registry, with
 * credentials from the Docker config and from a credential helper. Images are pushed through an
 * unsecured server sharing the storage.
 */
class RegistryAuthIT {
  /** {@code ld-user} / {@code ld-secret}, bcrypt as the registry's htpasswd wants it. */
  private static final String HTPASSWD =
      "ld-user:$2b$12$rW29Ha5lA/5oVtMiwkBA9ekCyCC1IM6a654phK2aOqcSg5jCn89.W\n";

  @TempDir static Path dir;
  private static RegistryServer pushServer;
  private static RegistryServer basicServer;
  private static RegistryServer tokenServer;
  private static TokenServer tokens;
  private static TestImage image;

  private Path home;
  private Path bin;

  @BeforeAll
  static void start() throws Exception {
    RegistryServer.binary();
    Path storage = dir.resolve("storage");
    pushServer = RegistryServer.start(dir.resolve("push"), storage, RegistryServer.Security.none());
    image =
        new TestImage()
            .layer("ADD a", "a/", "", "a/file", "x".repeat(3000))
            .layer("ADD b", "b", "bbb")
            .layer("ADD c", "c", "ccc");
    new Pusher(pushServer.hostPort).image("team/app", "1", image);

    Path htpasswd = dir.resolve("htpasswd");
    Files.writeString(htpasswd, HTPASSWD);
    basicServer =
        RegistryServer.start(
            dir.resolve("basic"), storage, RegistryServer.Security.none().withHtpasswd(htpasswd));

    Path tokenDir = Files.createDirectories(dir.resolve("token"));
    TestCerts.Pair signing = TestCerts.selfSigned(tokenDir, "DNS:token-signer");
    tokens = new TokenServer(signing);
    tokenServer =
        RegistryServer.start(
            dir.resolve("bearer"),
            storage,
            RegistryServer.Security.none()
                .withToken(
                    new RegistryServer.TokenAuth(
                        tokens.realm(), TokenServer.SERVICE, TokenServer.ISSUER, signing.cert())));
  }

  @AfterAll
  static void stop() throws Exception {
    for (RegistryServer s : new RegistryServer[] {pushServer, basicServer, tokenServer}) {
      if (s != null) s.close();
    }
    if (tokens != null) tokens.close();
  }

  @BeforeEach
  void home() throws Exception {
    home = Files.createTempDirectory(dir, "home");
    Files.createDirectories(home.resolve(".docker"));
    bin = Files.createDirectories(home.resolve("bin"));
    tokens.requests.clear();
  }

  private RegistryOptions options(String host) {
    return RegistryOptions.fromEnvironment(
            Map.of("HOME", home.toString(), "PATH", bin + ":/usr/bin:/bin"))
        .withInsecureRegistries(List.of(host))
        .withRetry(RetryPolicy.immediate(2), 1);
  }

  private void dockerConfig(String json) throws Exception {
    Files.writeString(home.resolve(".docker/config.json"), json);
  }

  private void login(String host, String user, String password) throws Exception {
    String auth =
        Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    dockerConfig("{\"auths\":{\"" + host + "\":{\"auth\":\"" + auth + "\"}}}");
  }

  private static void assertLoadedTheImage(Loads.Loaded loaded) {
    assertThat(loaded.image().image().layers()).hasSize(3);
    assertThat(loaded.image().image().sizeBytes()).isEqualTo(3006);
  }

  @Test
  void basicWithCredentialsFromAuths() throws Exception {
    String host = basicServer.hostPort;
    login(host, "ld-user", "ld-secret");

    assertLoadedTheImage(Loads.load(host + "/team/app:1", options(host)));
  }

  @Test
  void basicWithCredentialsFromAHelper() throws Exception {
    String host = basicServer.hostPort;
    Path helper = bin.resolve("docker-credential-test");
    Files.writeString(
        helper,
        "#!/bin/sh\nread -r url\n[ \"$url\" = \""
            + host
            + "\" ] || { echo 'credentials not found in native keychain'; exit 1; }\n"
            + "echo '{\"ServerURL\":\""
            + host
            + "\",\"Username\":\"ld-user\",\"Secret\":\"ld-secret\"}'\n");
    Files.setPosixFilePermissions(helper, PosixFilePermissions.fromString("rwx------"));
    dockerConfig("{\"credHelpers\":{\"" + host + "\":\"test\"}}");

    assertLoadedTheImage(Loads.load(host + "/team/app:1", options(host)));
  }

  @Test
  void basicWithoutCredentials() {
    String host = basicServer.hostPort;

    assertThatThrownBy(() -> Loads.load(host + "/team/app:1", options(host)))
        .hasMessage(
            host
                + "/team/app:1: access denied (401 Unauthorized, UNAUTHORIZED: authentication"
                + " required) anonymously (no credentials for "
                + host
                + " in ~/.docker/config.json); the repository may not exist, or needs a login:"
                + " docker login "
                + host);
  }

  @Test
  void basicWithWrongCredentials() throws Exception {
    String host = basicServer.hostPort;
    login(host, "ld-user", "wrong");

    assertThatThrownBy(() -> Loads.load(host + "/team/app:1", options(host)))
        .hasMessage(
            host
                + "/team/app:1: access denied (401 Unauthorized, UNAUTHORIZED: authentication"
                + " required) with user 'ld-user' from ~/.docker/config.json (auths); check them"
                + " with docker login "
                + host);
  }

  @Test
  void bearerTokenForThePullScopeFetchedOnceForAllBlobs() throws Exception {
    String host = tokenServer.hostPort;
    login(host, "ld-user", "ld-secret");

    assertLoadedTheImage(Loads.load(host + "/team/app:1", options(host)));

    assertThat(tokens.requests)
        .containsExactly(
            "GET {service=["
                + TokenServer.SERVICE
                + "], account=[ld-user], scope=[repository:team/app:pull]} with Basic");
  }

  @Test
  void bearerIdentityTokenTradedWithARefreshGrant() throws Exception {
    String host = tokenServer.hostPort;
    dockerConfig("{\"auths\":{\"" + host + "\":{\"identitytoken\":\"ld-refresh\"}}}");

    assertLoadedTheImage(Loads.load(host + "/team/app:1", options(host)));

    assertThat(tokens.requests).hasSize(1);
    assertThat(tokens.requests.get(0))
        .startsWith(
            "POST {grant_type=[refresh_token], client_id=[layerdive], service=["
                + TokenServer.SERVICE
                + "], scope=[repository:team/app:pull], refresh_token=[ld-refresh]}");
  }

  @Test
  void bearerAnonymousTokenWithoutPullRights() {
    String host = tokenServer.hostPort;

    assertThatThrownBy(() -> Loads.load(host + "/team/app:1", options(host)))
        .hasMessageStartingWith(
            host + "/team/app:1: access denied (401 Unauthorized, UNAUTHORIZED: ")
        .hasMessageEndingWith(
            ") anonymously (no credentials for "
                + host
                + " in ~/.docker/config.json); the repository may not exist, or needs a login:"
                + " docker login "
                + host);
  }

  @Test
  void bearerTokenServerRefusesWrongCredentials() throws Exception {
    String host = tokenServer.hostPort;
    login(host, "ld-user", "wrong");

    assertThatThrownBy(() -> Loads.load(host + "/team/app:1", options(host)))
        .hasMessage(
            host
                + "/team/app:1: the token server "
                + tokens.hostPort()
                + " refused user 'ld-user' from ~/.docker/config.json (auths) (401 Unauthorized,"
                + " UNAUTHORIZED: bad credentials); check them with docker login "
                + host);
  }
}
