package io.layerdive.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.layerdive.source.SourceSpec.Kind;
import io.layerdive.testing.Conformance;
import io.layerdive.testing.TestArchives;
import io.layerdive.testing.TestArchives.Layout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceSpecTest {
  @TempDir Path dir;

  @Test
  void schemesNameTheKind() throws Exception {
    assertThat(SourceSpec.parse("docker-archive://app.tar"))
        .isEqualTo(new SourceSpec(Kind.DOCKER_ARCHIVE, "app.tar"));
    assertThat(SourceSpec.parse("oci://./layout")).isEqualTo(new SourceSpec(Kind.OCI, "./layout"));
    assertThat(SourceSpec.parse("docker://alpine:3.20"))
        .isEqualTo(new SourceSpec(Kind.DOCKER, "alpine:3.20"));
    assertThat(SourceSpec.parse("podman://localhost/app"))
        .isEqualTo(new SourceSpec(Kind.PODMAN, "localhost/app"));
    assertThat(SourceSpec.parse("registry://ghcr.io/org/app@sha256:" + "a".repeat(64)))
        .isEqualTo(new SourceSpec(Kind.REGISTRY, "ghcr.io/org/app@sha256:" + "a".repeat(64)));
    assertThat(SourceSpec.parse("docker://alpine")).hasToString("docker://alpine");
  }

  @Test
  void aBareNameIsAnImageForTheDaemon() throws Exception {
    assertThat(SourceSpec.parse("alpine")).isEqualTo(new SourceSpec(Kind.DOCKER, "alpine"));
    assertThat(SourceSpec.parse("ghcr.io/org/app:1.2"))
        .isEqualTo(new SourceSpec(Kind.DOCKER, "ghcr.io/org/app:1.2"));
  }

  @Test
  void theSourceFlagOverrides() throws Exception {
    assertThat(SourceSpec.parse("alpine", Optional.of(Kind.PODMAN)))
        .isEqualTo(new SourceSpec(Kind.PODMAN, "alpine"));
    assertThat(SourceSpec.parse("missing.tar", Optional.of(Kind.OCI)))
        .isEqualTo(new SourceSpec(Kind.OCI, "missing.tar"));
    assertThat(Kind.named("docker-archive")).contains(Kind.DOCKER_ARCHIVE);
    assertThat(Kind.named("floppy")).isEmpty();
    assertThatThrownBy(() -> SourceSpec.parse("oci://x", Optional.of(Kind.DOCKER)))
        .hasMessage("oci://x: --source docker contradicts oci://");
  }

  @Test
  void existingPathsAreRecognisedByContent() throws Exception {
    Path images = Conformance.file("images");
    assertThat(SourceSpec.parse(images.resolve("test-docker-image.tar").toString()).kind())
        .isEqualTo(Kind.DOCKER_ARCHIVE);
    assertThat(SourceSpec.parse(images.resolve("test-kaniko-image.tar").toString()).kind())
        .isEqualTo(Kind.DOCKER_ARCHIVE);
    assertThat(SourceSpec.parse(images.resolve("test-oci-zstd-image.tar").toString()).kind())
        .isEqualTo(Kind.OCI);
    assertThat(SourceSpec.parse(images.resolve("not-an-image-rootfs.tar").toString()).kind())
        .isEqualTo(Kind.DOCKER_ARCHIVE);

    TestArchives.Image image = new TestArchives.Image().layer(TestArchives.layer("a", "b"), "one");
    Path d25 = TestArchives.write(dir.resolve("d25.tar"), Layout.DOCKER_OCI, image);
    Path ociDir = TestArchives.writeDirectory(dir.resolve("layout"), Layout.OCI, image);
    Path savedDir = TestArchives.writeDirectory(dir.resolve("saved"), Layout.DOCKER_LEGACY, image);
    Path empty = Files.createFile(dir.resolve("empty"));
    assertThat(SourceSpec.parse(d25.toString()).kind()).isEqualTo(Kind.DOCKER_ARCHIVE);
    assertThat(SourceSpec.parse(ociDir.toString()).kind()).isEqualTo(Kind.OCI);
    assertThat(SourceSpec.parse(savedDir.toString()).kind()).isEqualTo(Kind.DOCKER_ARCHIVE);
    assertThat(SourceSpec.parse(empty.toString()).kind()).isEqualTo(Kind.DOCKER_ARCHIVE);
    assertThat(SourceSpec.parse(dir.toString()).kind()).isEqualTo(Kind.OCI);
  }

  @Test
  void aPathThatDoesNotExistIsAnError() {
    assertThatThrownBy(() -> SourceSpec.parse("./nope.tar"))
        .isInstanceOf(ImageReadException.class)
        .hasMessage("./nope.tar: no such file or directory");
    assertThatThrownBy(() -> SourceSpec.parse("images/app.tar.gz"))
        .hasMessage("images/app.tar.gz: no such file or directory");
    assertThatThrownBy(() -> SourceSpec.parse("/no/such/layout"))
        .hasMessage("/no/such/layout: no such file or directory");
    // No image name ends with a slash: a directory the shell completed, missing.
    assertThatThrownBy(() -> SourceSpec.parse("layout-dir/"))
        .hasMessage("layout-dir/: no such file or directory");
  }

  @Test
  void emptyAndUnknownInputsAreErrors() {
    assertThatThrownBy(() -> SourceSpec.parse(" "))
        .hasMessage("image: nothing given; name an image or an archive");
    assertThatThrownBy(() -> SourceSpec.parse("ftp://x"))
        .hasMessage(
            "ftp://x: unknown source 'ftp'; use one of docker-archive://, oci://, docker://,"
                + " podman://, registry://");
    assertThatThrownBy(() -> SourceSpec.parse("docker://"))
        .hasMessage("docker://: no image name after docker://");
    assertThatThrownBy(() -> SourceSpec.parse("oci://")).hasMessage("oci://: no path after oci://");
  }

  @Test
  void rewrittenSwapsTheSchemeOrAddsOne() {
    assertThat(SourceSpec.rewritten("oci://x.tar", Kind.DOCKER_ARCHIVE))
        .isEqualTo("docker-archive://x.tar");
    assertThat(SourceSpec.rewritten("x.tar", Kind.OCI)).isEqualTo("oci://x.tar");
    assertThat(SourceSpec.rewritten("./odd://x", Kind.OCI)).isEqualTo("oci://./odd://x");
  }
}
