package io.layerdive.source.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.AuthConfig;
import io.layerdive.source.Credentials;
import io.layerdive.source.ImageReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where a pull finds credentials and how it hands them to the daemon; the lookup's own cases are in
 * DockerCredentialsTest.
 */
class CredentialStoreTest {
  @TempDir Path home;

  private final Map<String, String> vars = new HashMap<>();

  private CredentialStore store() {
    return new CredentialStore(new HostEnvironment(vars, home, 1000));
  }

  private static String login(String registry, String userColonPassword) {
    String auth =
        Base64.getEncoder().encodeToString(userColonPassword.getBytes(StandardCharsets.UTF_8));
    return "{\"auths\":{\"" + registry + "\":{\"auth\":\"" + auth + "\"}}}";
  }

  @Test
  void noConfigNoCredentials() throws Exception {
    assertThat(store().find("docker.io").credentials()).isEmpty();
  }

  @Test
  void theConfigUnderHomeByDefault() throws Exception {
    Files.createDirectories(home.resolve(".docker"));
    Files.writeString(home.resolve(".docker/config.json"), login("127.0.0.1:5000", "ann:s3:cret"));

    Credentials c = store().find("127.0.0.1:5000").credentials().orElseThrow();

    assertThat(c.username()).isEqualTo("ann");
    assertThat(c.secret()).isEqualTo("s3:cret");
    assertThat(c.origin()).isEqualTo("~/.docker/config.json (auths)");
  }

  @Test
  void theConfigUnderDockerConfigWhenSet() throws Exception {
    Path elsewhere = Files.createDirectories(home.resolve("elsewhere"));
    Files.writeString(elsewhere.resolve("config.json"), login("r.example", "bob:pw"));
    vars.put("DOCKER_CONFIG", elsewhere.toString());

    assertThat(store().find("r.example").credentials().orElseThrow().username()).isEqualTo("bob");
  }

  @Test
  void hubCredentialsGoUnderHubsLegacyAddress() {
    AuthConfig hub =
        ImagePull.authConfig(
            ImageReference.parse("busybox"), new Credentials("bob", "pw", false, "x"));
    AuthConfig token =
        ImagePull.authConfig(
            ImageReference.parse("ghcr.io/o/app"), new Credentials("", "refresh", true, "x"));

    assertThat(hub.getRegistryAddress()).isEqualTo("https://index.docker.io/v1/");
    assertThat(hub.getUsername()).isEqualTo("bob");
    assertThat(hub.getPassword()).isEqualTo("pw");
    assertThat(token.getRegistryAddress()).isEqualTo("ghcr.io");
    assertThat(token.getIdentitytoken()).isEqualTo("refresh");
    assertThat(token.getPassword()).isNull();
  }
}
