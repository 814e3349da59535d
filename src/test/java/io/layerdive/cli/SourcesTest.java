package io.layerdive.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code layerdive -} refuses a terminal on standard input instead of waiting for an archive. */
class SourcesTest {
  @TempDir Path dir;

  @Test
  void terminalDevicesAreToldFromFilesAndPipes() throws Exception {
    assumeTrue(Files.exists(Path.of("/dev/tty")), "no /dev/tty on this system");
    assertThat(Sources.isTerminal(Path.of("/dev/tty"))).isTrue();
    assertThat(Sources.isTerminal(Files.writeString(dir.resolve("app.tar"), "x"))).isFalse();
    assertThat(Sources.isTerminal(dir.resolve("missing"))).isFalse();
    Path link = Files.createSymbolicLink(dir.resolve("fd0"), Path.of("/dev/tty"));
    assertThat(Sources.isTerminal(link)).as("through a link, as /dev/stdin is").isTrue();
  }
}
