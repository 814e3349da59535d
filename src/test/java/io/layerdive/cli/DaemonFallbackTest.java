package io.layerdive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.layerdive.image.Layer;
import io.layerdive.ui.LoadProgress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bare name that names a registry host goes to the registry when no Docker daemon answers. */
class DaemonFallbackTest {
  @TempDir Path dir;

  private CliRun withoutDaemon() {
    return new CliRun().in(dir).env("DOCKER_HOST", "unix://" + dir.resolve("absent.sock"));
  }

  @Test
  void registryHostNameIsReadFromTheRegistryWhenNoDaemonAnswers() {
    CliRun.Result result = withoutDaemon().run("--json", "-", "127.0.0.1:1/app:1");

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.out()).isEmpty();
    assertThat(result.errLines()).hasSize(2);
    assertThat(result.errLines().get(0))
        .isEqualTo(
            "layerdive: no Docker daemon answers; reading 127.0.0.1:1/app:1 from the registry");
    // The registry's own error: nothing listens on port 1.
    assertThat(result.errLines().get(1))
        .startsWith("layerdive: 127.0.0.1:1: connection refused; is a registry listening");
  }

  @Test
  void explorerShowsTheFallbackAsAPhaseNotOnStderr() {
    List<String> phases = new ArrayList<>();
    LoadProgress progress =
        new LoadProgress() {
          @Override
          public void phase(String description) {
            phases.add(description);
          }

          @Override
          public void layersKnown(List<Layer> layers) {}

          @Override
          public void progress(long bytesDone, long bytesTotal, int layersDone, int layersTotal) {}
        };
    CliRun.Result result =
        withoutDaemon()
            .interactive()
            .explorer((loader, settings) -> loader.load(progress))
            .run("127.0.0.1:1/app:1");

    // Each phase replaces the one before on screen: the registry's own phases keep the reason.
    assertThat(phases)
        .containsSubsequence(
            "No Docker daemon answers; reading 127.0.0.1:1/app:1 from the registry",
            "No Docker daemon answers · Fetching manifest from 127.0.0.1:1");
    assertThat(result.err()).doesNotContain("no Docker daemon answers");
  }

  @Test
  void nameWithoutRegistryHostStaysWithTheDaemon() {
    CliRun.Result result = withoutDaemon().run("--json", "-", "app:1");

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.errLines())
        .singleElement()
        .asString()
        .startsWith("layerdive: Cannot reach the Docker daemon at unix://");
  }

  @Test
  void explicitDockerSchemeDoesNotFallBack() {
    CliRun.Result result = withoutDaemon().run("--json", "-", "docker://127.0.0.1:1/app:1");

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.errLines())
        .singleElement()
        .asString()
        .startsWith("layerdive: Cannot reach the Docker daemon at unix://");
  }

  @Test
  void refusedConnectionFallsBackToo() throws Exception {
    // A socket file nobody listens on: the connection is refused.
    Path socket = dir.resolve("stale.sock");
    try (var channel =
        java.nio.channels.ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
      channel.bind(java.net.UnixDomainSocketAddress.of(socket));
    }
    CliRun.Result result =
        new CliRun()
            .in(dir)
            .env("DOCKER_HOST", "unix://" + socket)
            .run("--json", "-", "127.0.0.1:1/app:1");

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.errLines().get(0))
        .isEqualTo(
            "layerdive: no Docker daemon answers; reading 127.0.0.1:1/app:1 from the registry");
  }
}
