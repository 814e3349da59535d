package io.layerdive.source.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HostKindTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "localhost", "localhost:5000", "127.0.0.1:41459", "10.1.2.3", "172.16.0.1:443",
            "192.168.1.10",
        "[::1]:5000", "registry", "registry:5000", "nexus.corp", "harbor.internal", "box.local"
      })
  void privateHosts(String host) {
    assertThat(HostKind.isPrivate(host)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "registry-1.docker.io",
        "ghcr.io",
        "quay.io:443",
        "8.8.8.8",
        "172.32.0.1",
        "registry.example.com"
      })
  void publicHosts(String host) {
    assertThat(HostKind.isPrivate(host)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "localhost",
        "localhost:5000",
        "reg.localhost:5000",
        "127.0.0.1:41459",
        "127.1.2.3",
        "[::1]:5000"
      })
  void loopbackHosts(String host) {
    assertThat(HostKind.isLoopback(host)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "10.1.2.3:5000",
        "192.168.1.10",
        "registry:5000",
        "box.local",
        "[fd00::2]:5000",
        "127.0.0.1.example.com",
        "ghcr.io"
      })
  void hostsBeyondThisMachine(String host) {
    assertThat(HostKind.isLoopback(host)).isFalse();
  }
}
