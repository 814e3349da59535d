package io.layerdive.source.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DaemonProbeTest {
  @TempDir Path dir;

  private static DaemonEndpoint at(Path socket) {
    return new DaemonEndpoint(Engine.DOCKER, URI.create("unix://" + socket), "DOCKER_HOST");
  }

  @Test
  void missingSocketDoesNotAnswer() {
    assertThat(DaemonProbe.answers(at(dir.resolve("absent.sock")))).isFalse();
  }

  @Test
  void socketNobodyListensOnDoesNotAnswer() throws Exception {
    Path socket = dir.resolve("stale.sock");
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(socket));
    }

    assertThat(DaemonProbe.answers(at(socket))).isFalse();
  }

  @Test
  void listeningSocketAnswers() throws Exception {
    Path socket = dir.resolve("live.sock");
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(socket));

      assertThat(DaemonProbe.answers(at(socket))).isTrue();
    }
  }

  @Test
  void refusedTcpPortDoesNotAnswer() {
    DaemonEndpoint endpoint =
        new DaemonEndpoint(Engine.DOCKER, URI.create("tcp://127.0.0.1:1"), "DOCKER_HOST");

    assertThat(DaemonProbe.answers(endpoint)).isFalse();
  }
}
