package io.layerdive.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A program run in a child process to its end, with the tests' environment changed as asked,
 * standard input given as bytes, a file or nothing, and its output captured whole. {@code CI} is
 * removed from the environment unless set again: CI runners set {@code CI=true}, which makes
 * layerdive check its rules instead of writing the report.
 */
public final class ChildProcess {
  /** How long the program may take before it is killed and the test fails. */
  private static final Duration TIMEOUT = Duration.ofMinutes(2);

  /** What the program left: its exit code and everything it wrote, as UTF-8. */
  public record Result(int exit, String stdout, String stderr) {}

  private final List<String> command;
  // Applied in order to the inherited environment; a null value removes the variable.
  private final Map<String, String> environment = new LinkedHashMap<>();
  private byte[] stdinBytes;
  private Path stdinFile;

  public ChildProcess(List<String> command) {
    this.command = List.copyOf(command);
    environment.put("CI", null);
  }

  public ChildProcess set(String name, String value) {
    environment.put(name, value);
    return this;
  }

  public ChildProcess setAll(Map<String, String> variables) {
    environment.putAll(variables);
    return this;
  }

  public ChildProcess unset(String name) {
    environment.put(name, null);
    return this;
  }

  /** Writes these bytes into standard input through a pipe, then closes it. */
  public ChildProcess stdin(byte[] bytes) {
    stdinBytes = bytes.clone();
    stdinFile = null;
    return this;
  }

  /** Redirects standard input from this file, as a shell's {@code < file} does. */
  public ChildProcess stdin(Path file) {
    stdinFile = file;
    stdinBytes = null;
    return this;
  }

  /** Runs the program to its end, its output going through temp files in {@code dir}. */
  public Result run(Path dir)
      throws IOException, InterruptedException, ExecutionException, TimeoutException {
    ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command));
    Map<String, String> env = builder.environment();
    environment.forEach(
        (name, value) -> {
          if (value == null) env.remove(name);
          else env.put(name, value);
        });
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    builder.redirectOutput(out.toFile()).redirectError(err.toFile());
    if (stdinFile != null) builder.redirectInput(stdinFile.toFile());
    Process process = builder.start();
    CompletableFuture<Void> feeding = CompletableFuture.runAsync(() -> feed(process));
    if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(command + " did not finish in " + TIMEOUT.toSeconds() + " s");
    }
    feeding.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    return new Result(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  /** Closes standard input, after the bytes if there are any: the program never waits on it. */
  private void feed(Process process) {
    try (OutputStream in = process.getOutputStream()) {
      if (stdinBytes != null) in.write(stdinBytes);
    } catch (IOException e) {
      // The program stopped reading: its exit code and message tell why.
    }
  }
}
