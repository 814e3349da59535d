package io.layerdive.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.layerdive.image.Digest;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageReferenceTest {
  private static final String HEX =
      "4abad3abe3cb99ad7a492a9d9f6b3d66287c1646843c74128bbbec4f7be5aa9e";

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // input                                 | registry             | repository        | tag
        //  | api host
        "ubuntu                                  | docker.io            | library/ubuntu    |"
            + " latest  | registry-1.docker.io",
        "ubuntu:22.04                            | docker.io            | library/ubuntu    | 22.04"
            + "   | registry-1.docker.io",
        "library/ubuntu                          | docker.io            | library/ubuntu    |"
            + " latest  | registry-1.docker.io",
        "docker.io/ubuntu                        | docker.io            | library/ubuntu    |"
            + " latest  | registry-1.docker.io",
        "docker.io/library/ubuntu:22.04          | docker.io            | library/ubuntu    | 22.04"
            + "   | registry-1.docker.io",
        "index.docker.io/library/ubuntu          | docker.io            | library/ubuntu    |"
            + " latest  | registry-1.docker.io",
        "user/app                                | docker.io            | user/app          |"
            + " latest  | registry-1.docker.io",
        "user/app_x.y-z__w:v1.0-rc_1             | docker.io            | user/app_x.y-z__w |"
            + " v1.0-rc_1 | registry-1.docker.io",
        "registry.example.com/team/app:1.4       | registry.example.com | team/app          | 1.4  "
            + "   | registry.example.com",
        "registry.example.com/a/b/c/d            | registry.example.com | a/b/c/d           |"
            + " latest  | registry.example.com",
        "localhost/app                           | localhost            | app               |"
            + " latest  | localhost",
        "localhost:5000/app:v1                   | localhost:5000       | app               | v1   "
            + "   | localhost:5000",
        "127.0.0.1:41459/team/app:1.4            | 127.0.0.1:41459      | team/app          | 1.4  "
            + "   | 127.0.0.1:41459",
        "[::1]:5000/app                          | [::1]:5000           | app               |"
            + " latest  | [::1]:5000",
        "myhost:5000/app                         | myhost:5000          | app               |"
            + " latest  | myhost:5000",
        "Registry.Example.COM/app                | Registry.Example.COM | app               |"
            + " latest  | Registry.Example.COM",
        "Foo/bar                                 | Foo                  | bar               |"
            + " latest  | Foo",
        "registry://registry.example.com/team/app:1.4 | registry.example.com | team/app     | 1.4  "
            + "   | registry.example.com",
        // docker's own oddity: a lone host:port is a Hub name with a tag
        "localhost:5000                          | docker.io            | library/localhost | 5000 "
            + "   | registry-1.docker.io",
      })
  void parsesAsDockerDoes(
      String input, String registry, String repository, String tag, String apiHost) {
    ImageReference ref = ImageReference.parse(input);

    assertThat(ref.registry()).isEqualTo(registry);
    assertThat(ref.repository()).isEqualTo(repository);
    assertThat(ref.tag()).contains(tag);
    assertThat(ref.digest()).isEmpty();
    assertThat(ref.apiHost()).isEqualTo(apiHost);
    assertThat(ref.manifestReference()).isEqualTo(tag);
  }

  @Test
  void digestWithoutTag() {
    ImageReference ref = ImageReference.parse("registry.example.com/team/app@sha256:" + HEX);

    assertThat(ref.tag()).isEmpty();
    assertThat(ref.digest()).contains(Digest.parse("sha256:" + HEX));
    assertThat(ref.manifestReference()).isEqualTo("sha256:" + HEX);
    assertThat(ref).hasToString("registry.example.com/team/app@sha256:" + HEX);
  }

  @Test
  void digestWinsOverTag() {
    ImageReference ref = ImageReference.parse("ubuntu:22.04@sha256:" + HEX);

    assertThat(ref.tag()).contains("22.04");
    assertThat(ref.manifestReference()).isEqualTo("sha256:" + HEX);
    assertThat(ref.familiar()).isEqualTo("ubuntu:22.04@sha256:" + HEX);
  }

  @Test
  void familiarAndCanonicalForms() {
    assertThat(ImageReference.parse("ubuntu").familiar()).isEqualTo("ubuntu:latest");
    assertThat(ImageReference.parse("ubuntu")).hasToString("docker.io/library/ubuntu:latest");
    assertThat(ImageReference.parse("user/app:1").familiar()).isEqualTo("user/app:1");
    assertThat(ImageReference.parse("docker.io/user/app:1")).hasToString("docker.io/user/app:1");
    assertThat(ImageReference.parse("localhost:5000/app:v1").familiar())
        .isEqualTo("localhost:5000/app:v1");
  }

  @Test
  void maximalTagIsAccepted() {
    String tag = "t".repeat(128);
    assertThat(ImageReference.parse("app:" + tag).tag()).contains(tag);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "UPPER                          | repository name must be lowercase",
        "foo/Bar                        | repository name must be lowercase",
        "registry.example.com/Team/app  | repository name must be lowercase",
        "app@sha256:abc                 | digest",
        "app@md5:" + HEX + "            | unsupported digest algorithm 'md5'",
        "app@sha256:" + HEX + "00       | sha256 digest must have 64 hex digits, not 66",
        "app:                           | expected [HOST[:PORT]/]NAME",
        ":tag                           | expected [HOST[:PORT]/]NAME",
        "a/b:tag:extra                  | expected [HOST[:PORT]/]NAME",
        "-bad.example.com/app           | not a valid registry host",
        "bad_host.example.com/app       | not a valid registry host",
        "app:-tag                       | expected [HOST[:PORT]/]NAME",
        "a//b                           | expected [HOST[:PORT]/]NAME",
        HEX + "                         | image id, not a registry reference",
      })
  void rejectsWithAReason(String input, String reason) {
    assertThatThrownBy(() -> ImageReference.parse(input))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("'" + input + "'")
        .hasMessageContaining(reason);
  }

  @Test
  void rejectsOverlongTagAndName() {
    assertThatThrownBy(() -> ImageReference.parse("app:" + "t".repeat(129)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ImageReference.parse("registry.example.com/" + "a".repeat(250)))
        .hasMessageContaining("longer than 255");
  }

  @Test
  void rejectsEmpty() {
    assertThatThrownBy(() -> ImageReference.parse(" ")).hasMessageContaining("empty");
    assertThat(ImageReference.tryParse("UPPER")).isEmpty();
    assertThat(ImageReference.tryParse("ubuntu")).isPresent();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "registry.example.com/team/app:1.4",
        "registry://registry.example.com/team/app",
        "localhost/app",
        "localhost:5000/app",
        "127.0.0.1:5000/app",
        "docker.io/library/ubuntu",
        "Foo/bar"
      })
  void namesARegistryHost(String text) {
    assertThat(ImageReference.namesRegistryHost(text)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"ubuntu", "ubuntu:22.04", "user/app", "localhost:5000", "UPPER/Bad", "./app.tar"})
  void doesNotNameARegistryHost(String text) {
    assertThat(ImageReference.namesRegistryHost(text)).isFalse();
  }

  @Test
  void recordNeedsTagOrDigest() {
    assertThatThrownBy(
            () -> new ImageReference("docker.io", "library/x", Optional.empty(), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aPullNamesTheFamiliarRepositoryAndTheTagOrDigest() {
    ImageReference hub = ImageReference.parse("busybox");
    assertThat(hub.familiarName()).isEqualTo("busybox");
    assertThat(hub.manifestReference()).isEqualTo("latest");

    ImageReference withPort = ImageReference.parse("127.0.0.1:5000/team/app:1.2");
    assertThat(withPort.familiarName()).isEqualTo("127.0.0.1:5000/team/app");
    assertThat(withPort.manifestReference()).isEqualTo("1.2");

    assertThat(ImageReference.parse("index.docker.io/user/app").familiarName())
        .isEqualTo("user/app");
  }

  @Test
  void imageIdsAreRecognised() {
    assertThat(ImageReference.looksLikeImageId("10d01334afca")).isTrue();
    assertThat(ImageReference.looksLikeImageId("sha256:" + "b".repeat(64))).isTrue();
    assertThat(ImageReference.looksLikeImageId(HEX)).isTrue();
    assertThat(ImageReference.looksLikeImageId("busybox")).isFalse();
    assertThat(ImageReference.looksLikeImageId("abc")).isFalse();
  }
}
