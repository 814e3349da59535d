package io.layerdive.source.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user without rights on the daemon's socket is told which group to join. */
class SocketPermissionIT {
  private static final Path SETPRIV = Path.of("/usr/bin/setpriv");
  private static final int NOBODY = 65534;

  @TempDir Path dir;

  @Test
  void userOutsideTheSocketsGroupIsToldWhatToDo() throws Exception {
    DockerCli.assumeDaemon();
    Path socket = TestImages.docker().socketPath().orElse(null);
    assumeTrue(socket != null, "the daemon is not on a unix socket here");
    assumeTrue(HostEnvironment.current().isRoot() && Files.isExecutable(SETPRIV),
        "switching to another user needs root and setpriv");
    String owner = Files.getOwner(socket).getName();
    String group = Files.readAttributes(socket, java.nio.file.attribute.PosixFileAttributes.class)
        .group().getName();
    String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(socket));
    assumeTrue(!mode.endsWith("rw-"), "the socket is open to everyone (" + mode + ")");

    // The test class path lives where the other user may not read (a home directory): copy it.
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    List<String> entries = new ArrayList<>();
    int i = 0;
    for (String entry : ExportInterruptIT.testClassPath().split(File.pathSeparator)) {
      Path source = Path.of(entry);
      if (!Files.exists(source)) {
        continue;
      }
      Path copy = dir.resolve("cp" + i++ + (Files.isDirectory(source) ? "" : ".jar"));
      copyReadable(source, copy);
      entries.add(copy.toString());
    }
    Process probe = new ProcessBuilder(
            SETPRIV.toString(), "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups",
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Duser.home=" + dir, "-Djava.io.tmpdir=" + dir,
            "-cp", String.join(File.pathSeparator, entries),
            ExportProbe.class.getName(), "ld-busybox:1.35")
        .redirectErrorStream(true)
        .start();
    String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(probe.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(output.strip())
        .isEqualTo("error: Docker daemon socket " + socket + ": permission denied (" + owner + ":"
            + group + " " + mode + "); add yourself to its group: sudo usermod -aG " + group
            + " $USER, then log in again; or use a rootless daemon:"
            + " DOCKER_HOST=unix://$XDG_RUNTIME_DIR/docker.sock");
    assertThat(probe.exitValue()).isEqualTo(3);
  }

  private static void copyReadable(Path source, Path target) throws Exception {
    if (!Files.isDirectory(source)) {
      Files.copy(source, target);
      Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
      return;
    }
    try (Stream<Path> all = Files.walk(source)) {
      for (Path p : all.toList()) {
        Path t = target.resolve(source.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
          Files.setPosixFilePermissions(t, PosixFilePermissions.fromString("rwxr-xr-x"));
        } else {
          Files.copy(p, t);
          Files.setPosixFilePermissions(t, PosixFilePermissions.fromString("rw-r--r--"));
        }
      }
    }
  }
}
