package io.layerdive.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerCredentialsTest {
  @TempDir Path dir;
  private Path config;
  private Path bin;

  @BeforeEach
  void setUp() throws IOException {
    config = dir.resolve("config.json");
    bin = Files.createDirectory(dir.resolve("bin"));
    // A helper as docker-credential-* helpers behave: server URL on stdin, JSON or "not found".
    helper(
        "fake",
        """
#!/bin/sh
read -r url
echo "$1 $url" >> "$(dirname "$0")/calls.log"
case "$url" in
  helped.example.com) echo '{"ServerURL":"helped.example.com","Username":"helper-user","Secret":"helper-pass"}' ;;
  https://index.docker.io/v1/) echo '{"ServerURL":"https://index.docker.io/v1/","Username":"<token>","Secret":"refresh-123"}' ;;
  *) echo "credentials not found in native keychain"; exit 1 ;;
esac
""");
    helper("broken", "#!/bin/sh\necho 'gpg: decryption failed: No secret key' >&2\nexit 2\n");
  }

  private void helper(String name, String script) throws IOException {
    Path p = bin.resolve("docker-credential-" + name);
    Files.writeString(p, script);
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private DockerCredentials credentials(String json) throws IOException {
    Files.writeString(config, json);
    return new DockerCredentials(
        config,
        "~/.docker/config.json",
        new CredentialHelperRunner(Map.of("PATH", bin + ":/usr/bin:/bin")));
  }

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void authsEntryByHostInAnyOfItsSpellings() throws Exception {
    for (String key :
        new String[] {
          "reg.example.com:5000", "https://reg.example.com:5000", "http://reg.example.com:5000/v1/"
        }) {
      DockerCredentials c =
          credentials(
              "{\"auths\":{\"" + key + "\":{\"auth\":\"" + b64("ld-user:ld:secret") + "\"}}}");

      CredentialLookup found = c.lookup("reg.example.com:5000");

      assertThat(found.credentials())
          .contains(
              new Credentials("ld-user", "ld:secret", false, "~/.docker/config.json (auths)"));
      assertThat(found.tried()).isEqualTo("user 'ld-user' from ~/.docker/config.json (auths)");
    }
  }

  @Test
  void authsEntryForAnotherPortDoesNotCount() throws Exception {
    DockerCredentials c =
        credentials("{\"auths\":{\"reg.example.com:5001\":{\"auth\":\"" + b64("a:b") + "\"}}}");

    CredentialLookup found = c.lookup("reg.example.com:5000");

    assertThat(found.credentials()).isEmpty();
    assertThat(found.tried())
        .isEqualTo(
            "anonymously (no credentials for reg.example.com:5000 in ~/.docker/config.json)");
  }

  @Test
  void dockerHubKeyAndIdentityToken() throws Exception {
    DockerCredentials c =
        credentials(
            "{\"auths\":{\"https://index.docker.io/v1/\":{\"auth\":\"\",\"identitytoken\":\"refresh-abc\"}}}");

    assertThat(c.lookup("docker.io").credentials())
        .contains(new Credentials("", "refresh-abc", true, "~/.docker/config.json (auths)"));
    assertThat(c.lookup("docker.io").tried())
        .isEqualTo("an identity token from ~/.docker/config.json (auths)");
  }

  @Test
  void credHelperForTheHostIsRunWithTheServerOnStdin() throws Exception {
    DockerCredentials c =
        credentials(
            "{\"credHelpers\":{\"helped.example.com\":\"fake\"},\"auths\":{\"helped.example.com\":{}}}");

    CredentialLookup found = c.lookup("helped.example.com");

    assertThat(found.credentials())
        .contains(
            new Credentials(
                "helper-user",
                "helper-pass",
                false,
                "docker-credential-fake (credHelpers in ~/.docker/config.json)"));
    assertThat(Files.readString(bin.resolve("calls.log"))).isEqualTo("get helped.example.com\n");
  }

  @Test
  void credsStoreAnswersForHubWithATokenUser() throws Exception {
    DockerCredentials c = credentials("{\"credsStore\":\"fake\"}");

    CredentialLookup found = c.lookup("docker.io");

    assertThat(found.credentials()).get().extracting(Credentials::identityToken).isEqualTo(true);
    assertThat(found.credentials().get().secret()).isEqualTo("refresh-123");
    assertThat(Files.readString(bin.resolve("calls.log")))
        .isEqualTo("get https://index.docker.io/v1/\n");
  }

  @Test
  void helperWithoutCredentialsFallsBackToAuths() throws Exception {
    DockerCredentials c =
        credentials(
            "{\"credsStore\":\"fake\",\"auths\":{\"other.example.com\":{\"auth\":\""
                + b64("u:p")
                + "\"}}}");

    assertThat(c.lookup("other.example.com").credentials())
        .get()
        .extracting(Credentials::username)
        .isEqualTo("u");
    assertThat(c.lookup("nowhere.example.com").tried())
        .isEqualTo(
            "anonymously (no credentials for nowhere.example.com in docker-credential-fake or"
                + " ~/.docker/config.json)");
  }

  @Test
  void missingHelperIsSaidNotFatal() throws Exception {
    DockerCredentials c = credentials("{\"credsStore\":\"desktop\"}");

    CredentialLookup found = c.lookup("reg.example.com");

    assertThat(found.credentials()).isEmpty();
    assertThat(found.tried())
        .isEqualTo(
            "anonymously (credsStore in ~/.docker/config.json names docker-credential-desktop,"
                + " which is not on PATH)");
  }

  @Test
  void failingHelperIsAnError() throws Exception {
    DockerCredentials c = credentials("{\"credHelpers\":{\"reg.example.com\":\"broken\"}}");

    assertThatThrownBy(() -> c.lookup("reg.example.com"))
        .isInstanceOf(ImageReadException.class)
        .hasMessage(
            "docker-credential-broken (credHelpers in ~/.docker/config.json): get reg.example.com"
                + " failed (exit 2: gpg: decryption failed: No secret key)");
  }

  @Test
  void noConfigFileMeansAnonymous() throws Exception {
    DockerCredentials c =
        new DockerCredentials(
            dir.resolve("absent.json"), "absent.json", new CredentialHelperRunner(Map.of()));

    assertThat(c.lookup("reg.example.com").credentials()).isEmpty();
  }

  @Test
  void brokenConfigIsAnError() throws Exception {
    DockerCredentials c = credentials("{\"auths\": {");

    assertThatThrownBy(() -> c.lookup("reg.example.com"))
        .hasMessageStartingWith("~/.docker/config.json: not valid JSON (")
        .hasMessageEndingWith("); fix or move it");
  }

  @Test
  void badBase64IsAnError() throws Exception {
    DockerCredentials c = credentials("{\"auths\":{\"reg.example.com\":{\"auth\":\"***\"}}}");

    assertThatThrownBy(() -> c.lookup("reg.example.com"))
        .hasMessage(
            "~/.docker/config.json: the auth of 'reg.example.com' is not base64; run docker login"
                + " reg.example.com again");
  }

  @Test
  void usernameAndPasswordFieldsUnderAKeyWithAScheme() throws Exception {
    DockerCredentials c =
        credentials("{\"auths\":{\"https://ghcr.io\":{\"username\":\"u\",\"password\":\"p\"}}}");

    assertThat(c.lookup("ghcr.io").credentials())
        .contains(new Credentials("u", "p", false, "~/.docker/config.json (auths)"));
  }

  @Test
  void hubLoginUnderItsLegacyKey() throws Exception {
    DockerCredentials c =
        credentials(
            "{\"auths\":{\"https://index.docker.io/v1/\":{\"auth\":\"" + b64("bob:pw") + "\"}}}");

    assertThat(c.lookup("docker.io").credentials())
        .contains(new Credentials("bob", "pw", false, "~/.docker/config.json (auths)"));
  }

  @Test
  void theRegistrysHelperGoesBeforeItsAuthsEntry() throws Exception {
    DockerCredentials c =
        credentials(
            "{\"credHelpers\":{\"helped.example.com\":\"fake\"},"
                + "\"auths\":{\"helped.example.com\":{\"auth\":\""
                + b64("file:pw")
                + "\"}}}");

    assertThat(c.lookup("helped.example.com").credentials().orElseThrow().username())
        .isEqualTo("helper-user");
  }

  @Test
  void theSecretIsNeverPrinted() {
    Credentials c = new Credentials("u", "s3cret", false, "~/.docker/config.json (auths)");

    assertThat(c.toString()).doesNotContain("s3cret");
    assertThat(c.describe()).isEqualTo("user 'u' from ~/.docker/config.json (auths)");
  }

  @Test
  void forConfigNamesTheFileFromHome() throws Exception {
    Files.writeString(config, "{}");

    CredentialLookup found =
        DockerCredentials.forConfig(config, dir, Map.of("PATH", bin.toString()))
            .lookup("reg.example.com");

    assertThat(found.tried())
        .isEqualTo("anonymously (no credentials for reg.example.com in ~/config.json)");
  }
}
