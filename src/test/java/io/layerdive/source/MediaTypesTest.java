package io.layerdive.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MediaTypesTest {
  @Test
  void manifestsAndIndexesOfBothFamilies() {
    assertThat(MediaTypes.isManifest(MediaTypes.OCI_MANIFEST)).isTrue();
    assertThat(MediaTypes.isManifest(MediaTypes.DOCKER_MANIFEST)).isTrue();
    assertThat(MediaTypes.isIndex(MediaTypes.OCI_INDEX)).isTrue();
    assertThat(MediaTypes.isIndex(MediaTypes.DOCKER_MANIFEST_LIST)).isTrue();
    assertThat(MediaTypes.isManifest(MediaTypes.OCI_INDEX)).isFalse();
    assertThat(MediaTypes.isManifest(null)).isFalse();
    assertThat(MediaTypes.isSchema1("application/vnd.docker.distribution.manifest.v1+prettyjws"))
        .isTrue();
    assertThat(MediaTypes.isSchema1(null)).isFalse();
  }

  @Test
  void aMissingMediaTypeIsTakenForAConfigOrALayer() {
    assertThat(MediaTypes.isImageConfig(MediaTypes.OCI_CONFIG)).isTrue();
    assertThat(MediaTypes.isImageConfig(MediaTypes.DOCKER_CONFIG)).isTrue();
    assertThat(MediaTypes.isImageConfig("")).isTrue();
    assertThat(MediaTypes.isImageConfig(null)).isTrue();
    assertThat(MediaTypes.isImageConfig("application/vnd.cncf.helm.config.v1+json")).isFalse();
    assertThat(MediaTypes.isLayer("application/vnd.oci.image.layer.v1.tar+zstd")).isTrue();
    assertThat(MediaTypes.isLayer(MediaTypes.DOCKER_FOREIGN_LAYER)).isTrue();
    assertThat(MediaTypes.isLayer(null)).isTrue();
    assertThat(MediaTypes.isLayer("application/vnd.cncf.helm.chart.content.v1.tar+gzip"))
        .isFalse();
  }
}
