package io.layerdive.source.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialStoreTest {
  @TempDir Path home;

  private final Map<String, String> vars = new HashMap<>();

  private Optional<RegistryCredentials> find(String domain) throws Exception {
    return new CredentialStore(new HostEnvironment(vars, home, 1000)).find(domain);
  }

  private void config(String json) throws Exception {
    Files.createDirectories(home.resolve(".docker"));
    Files.writeString(home.resolve(".docker/config.json"), json);
  }

  private static String auth(String userColonPassword) {
    return Base64.getEncoder().encodeToString(userColonPassword.getBytes(StandardCharsets.UTF_8));
  }

  private void helper(String name, String script) throws Exception {
    Path bin = home.resolve("bin");
    Files.createDirectories(bin);
    Path file = bin.resolve("docker-credential-" + name);
    Files.writeString(file, "#!/bin/sh\n" + script);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    vars.put("PATH", bin.toString());
  }

  @Test
  void noConfigNoCredentials() throws Exception {
    assertThat(find("docker.io")).isEmpty();
  }

  @Test
  void authsOfDockerLoginByHost() throws Exception {
    config("{\"auths\":{\"127.0.0.1:5000\":{\"auth\":\"" + auth("ann:s3:cret") + "\"}}}");
    RegistryCredentials c = find("127.0.0.1:5000").orElseThrow();
    assertThat(c.username()).isEqualTo("ann");
    assertThat(c.password()).isEqualTo("s3:cret");
    assertThat(c.serverAddress()).isEqualTo("127.0.0.1:5000");
    assertThat(find("127.0.0.1:5001")).isEmpty();
  }

  @Test
  void dockerHubUnderItsLegacyKey() throws Exception {
    config("{\"auths\":{\"https://index.docker.io/v1/\":{\"auth\":\"" + auth("bob:pw") + "\"}}}");
    RegistryCredentials c = find("docker.io").orElseThrow();
    assertThat(c.username()).isEqualTo("bob");
    assertThat(c.serverAddress()).isEqualTo("https://index.docker.io/v1/");
  }

  @Test
  void keysWithSchemeMatchTheirHost() throws Exception {
    config("{\"auths\":{\"https://ghcr.io\":{\"username\":\"u\",\"password\":\"p\"}}}");
    assertThat(find("ghcr.io").orElseThrow().password()).isEqualTo("p");
  }

  @Test
  void identityToken() throws Exception {
    config("{\"auths\":{\"r.example\":{\"identitytoken\":\"tok\"}}}");
    assertThat(find("r.example").orElseThrow().identityToken()).contains("tok");
  }

  @Test
  void registryHelperBeforeAuths() throws Exception {
    helper("fake", "read url; echo \"{\\\"ServerURL\\\":\\\"$url\\\",\\\"Username\\\":\\\"h\\\",\\\"Secret\\\":\\\"from-$url\\\"}\"\n");
    config("{\"credHelpers\":{\"r.example\":\"fake\"},"
        + "\"auths\":{\"r.example\":{\"auth\":\"" + auth("file:pw") + "\"}}}");
    RegistryCredentials c = find("r.example").orElseThrow();
    assertThat(c.username()).isEqualTo("h");
    assertThat(c.password()).isEqualTo("from-r.example");
  }

  @Test
  void storeTokenAnswer() throws Exception {
    helper("store", "echo '{\"Username\":\"<token>\",\"Secret\":\"refresh\"}'\n");
    config("{\"credsStore\":\"store\"}");
    RegistryCredentials c = find("docker.io").orElseThrow();
    assertThat(c.identityToken()).contains("refresh");
  }

  @Test
  void helperWithoutCredentialsFallsBackToAuths() throws Exception {
    helper("store", "echo 'credentials not found in native keychain'; exit 1\n");
    config("{\"credsStore\":\"store\",\"auths\":{\"r.example\":{\"auth\":\"" + auth("f:p") + "\"}}}");
    assertThat(find("r.example").orElseThrow().username()).isEqualTo("f");
  }

  @Test
  void missingHelperMeansNoCredentialsFromIt() throws Exception {
    vars.put("PATH", home.resolve("nowhere").toString());
    config("{\"credsStore\":\"desktop\"}");
    assertThat(find("docker.io")).isEmpty();
  }

  @Test
  void passwordIsNotPrinted() {
    assertThat(new RegistryCredentials("r", "u", "secret", Optional.empty()).toString())
        .doesNotContain("secret");
  }
}
