package io.layerdive.source.daemon;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The docker command line, for setting up and cross-checking what the daemon tests read. */
final class DockerCli {
  private static final long TIMEOUT_MINUTES = 10;

  private DockerCli() {}

  /** Debian's client first: a newer one on PATH may lack the builder plugins. */
  static String binary() {
    return Files.isExecutable(Path.of("/usr/bin/docker")) ? "/usr/bin/docker" : "docker";
  }

  /** Skips the test, saying why, unless a Docker daemon answers on this machine's settings. */
  static void assumeDaemon() {
    Result r = run(Map.of(), "version", "--format", "{{.Server.Version}}");
    assumeTrue(r.exit() == 0,
        "no Docker daemon answers here (docker version: " + r.output().strip() + ")");
  }

  record Result(int exit, String output) {}

  static Result run(Map<String, String> env, String... args) {
    List<String> command = new ArrayList<>();
    command.add(binary());
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().putAll(env);
    try {
      Process p = pb.start();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        return new Result(-1, "timed out: " + command);
      }
      return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    } catch (IOException e) {
      return new Result(-1, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(-1, "interrupted");
    }
  }

  /** Runs and fails the test on a non-zero exit, showing the output. */
  static String check(String... args) {
    Result r = run(Map.of(), args);
    if (r.exit() != 0) {
      throw new AssertionError("docker " + String.join(" ", args) + " failed: " + r.output());
    }
    return r.output();
  }
}
