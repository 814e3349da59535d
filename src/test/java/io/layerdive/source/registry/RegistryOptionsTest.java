package io.layerdive.source.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegistryOptionsTest {
  @Test
  void dockerConfigFromHomeOrDockerConfigDir() {
    assertThat(RegistryOptions.fromEnvironment(Map.of("HOME", "/home/u")).dockerConfig())
        .isEqualTo(Path.of("/home/u/.docker/config.json"));
    assertThat(
            RegistryOptions.fromEnvironment(
                    Map.of("HOME", "/home/u", "DOCKER_CONFIG", "/etc/docker-ci"))
                .dockerConfig())
        .isEqualTo(Path.of("/etc/docker-ci/config.json"));
  }

  @Test
  void sslCertFileFromTheEnvironment() {
    assertThat(
            RegistryOptions.fromEnvironment(Map.of("SSL_CERT_FILE", "/etc/ca.pem")).sslCertFile())
        .contains(Path.of("/etc/ca.pem"));
    assertThat(RegistryOptions.fromEnvironment(Map.of()).sslCertFile()).isEmpty();
  }

  @Test
  void defaults() {
    RegistryOptions o = RegistryOptions.fromEnvironment(Map.of());
    assertThat(o.platform()).isEmpty();
    assertThat(o.parallelDownloads()).isEqualTo(3);
    assertThat(o.insecureRegistries()).isEmpty();
    assertThat(o.isInsecure("localhost:5000")).isFalse();
  }

  @Test
  void insecureRegistriesByHostOrHostAndPort() {
    RegistryOptions o =
        RegistryOptions.fromEnvironment(Map.of())
            .withInsecureRegistries(
                List.of("Nexus.Corp:5000", "10.0.0.5", "http://plain.lan:8080/"));

    assertThat(o.isInsecure("nexus.corp:5000")).isTrue();
    assertThat(o.isInsecure("nexus.corp:5001")).isFalse();
    assertThat(o.isInsecure("nexus.corp")).isFalse();
    assertThat(o.isInsecure("10.0.0.5:443")).isTrue();
    assertThat(o.isInsecure("10.0.0.5")).isTrue();
    assertThat(o.isInsecure("10.0.0.50")).isFalse();
    assertThat(o.isInsecure("plain.lan:8080")).isTrue();
    assertThat(o.isPlainHttp("plain.lan:8080")).isTrue();
    assertThat(o.isPlainHttp("nexus.corp:5000")).isFalse();
  }
}
