package io.layerdive.source.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ImageReferenceTest {
  @Test
  void officialImageGetsLibraryAndLatest() throws Exception {
    ImageReference ref = ImageReference.parse("busybox");
    assertThat(ref.domain()).isEqualTo("docker.io");
    assertThat(ref.path()).isEqualTo("library/busybox");
    assertThat(ref.repository()).isEqualTo("busybox");
    assertThat(ref.tagOrDigest()).isEqualTo("latest");
  }

  @Test
  void registryWithPortAndTag() throws Exception {
    ImageReference ref = ImageReference.parse("127.0.0.1:5000/team/app:1.2");
    assertThat(ref.domain()).isEqualTo("127.0.0.1:5000");
    assertThat(ref.path()).isEqualTo("team/app");
    assertThat(ref.repository()).isEqualTo("127.0.0.1:5000/team/app");
    assertThat(ref.tagOrDigest()).isEqualTo("1.2");
  }

  @Test
  void localhostIsARegistry() throws Exception {
    assertThat(ImageReference.parse("localhost/app").domain()).isEqualTo("localhost");
    assertThat(ImageReference.parse("user/app").domain()).isEqualTo("docker.io");
  }

  @Test
  void digestWithoutTag() throws Exception {
    ImageReference ref = ImageReference.parse("ghcr.io/o/app@sha256:" + "a".repeat(64));
    assertThat(ref.tag()).isEmpty();
    assertThat(ref.tagOrDigest()).isEqualTo("sha256:" + "a".repeat(64));
  }

  @Test
  void uppercaseNameIsRefusedWithTheReason() {
    assertThatThrownBy(() -> ImageReference.parse("My/App:1"))
        .hasMessage("My/App:1: not an image reference (repository names must be lowercase)");
  }

  @Test
  void badTagIsQuoted() {
    assertThatThrownBy(() -> ImageReference.parse("app:-x"))
        .hasMessage("app:-x: not an image reference (bad tag '-x')");
  }

  @Test
  void imageIdsAreRecognised() {
    assertThat(ImageReference.looksLikeImageId("10d01334afca")).isTrue();
    assertThat(ImageReference.looksLikeImageId("sha256:" + "b".repeat(64))).isTrue();
    assertThat(ImageReference.looksLikeImageId("busybox")).isFalse();
  }
}
