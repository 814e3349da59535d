package io.layerdive.source;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs docker credential helpers ({@code docker-credential-NAME get}, the server URL on stdin, a
 * JSON answer on stdout), found on the {@code PATH} of the given environment.
 */
final class CredentialHelperRunner {
  private static final String PREFIX = "docker-credential-";
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final Map<String, String> environment;

  /**
   * @param environment the variables the helper runs with; its {@code PATH} is searched
   */
  CredentialHelperRunner(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  /** The helper program, when it is an executable file on {@code PATH}. */
  Optional<Path> find(String name) {
    if (name.isEmpty() || name.contains("/") || name.contains(File.separator)) {
      return Optional.empty();
    }
    String path = environment.getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isEmpty()) continue;
      Path candidate = Path.of(dir, PREFIX + name);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /**
   * Asks the helper for the server's credentials.
   *
   * @param setting where the helper was named, for messages
   * @return empty when the helper has none for the server
   * @throws ImageReadException when the helper fails or answers nonsense
   */
  Optional<Credentials> get(Path program, String serverUrl, String setting)
      throws ImageReadException {
    String name = program.getFileName().toString();
    ProcessBuilder pb = new ProcessBuilder(List.of(program.toString(), "get"));
    pb.environment().clear();
    pb.environment().putAll(environment);
    Process process;
    try {
      process = pb.start();
    } catch (IOException e) {
      throw new ImageReadException(
          name + " (" + setting + "): cannot start (" + e.getMessage() + ")", e);
    }
    byte[] out;
    byte[] err;
    int exit;
    try {
      // Both outputs read on their own threads, so that waiting stays interruptible and bounded.
      CompletableFuture<byte[]> stdout =
          CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
      CompletableFuture<byte[]> stderr =
          CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
      try (OutputStream stdin = process.getOutputStream()) {
        stdin.write(serverUrl.getBytes(StandardCharsets.UTF_8));
      } catch (IOException ignored) {
        // A helper that does not read its input still answers; its exit code decides.
      }
      if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new ImageReadException(
            name
                + " ("
                + setting
                + "): no answer within "
                + TIMEOUT.toSeconds()
                + " s; is it waiting for a passphrase?");
      }
      exit = process.exitValue();
      out = stdout.join();
      err = stderr.join();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new ImageReadException(name + ": interrupted while asking for credentials", e);
    }
    String answerText = new String(out, StandardCharsets.UTF_8).trim();
    if (exit != 0) {
      String message = (answerText + " " + new String(err, StandardCharsets.UTF_8)).trim();
      if (message.toLowerCase(Locale.ROOT).contains("credentials not found")) {
        return Optional.empty();
      }
      throw new ImageReadException(
          name
              + " ("
              + setting
              + "): get "
              + serverUrl
              + " failed (exit "
              + exit
              + (message.isEmpty() ? "" : ": " + firstLine(message))
              + ")");
    }
    Answer answer;
    try {
      answer = WireJson.parse(out, Answer.class);
    } catch (IOException e) {
      throw new ImageReadException(
          name
              + " ("
              + setting
              + "): answered something other than JSON credentials for "
              + serverUrl,
          e);
    }
    if (answer.secret() == null || answer.secret().isEmpty()) {
      return Optional.empty();
    }
    String origin = name + " (" + setting + ")";
    if ("<token>".equals(answer.username())) {
      return Optional.of(new Credentials("", answer.secret(), true, origin));
    }
    return Optional.of(
        new Credentials(
            answer.username() == null ? "" : answer.username(), answer.secret(), false, origin));
  }

  private static byte[] readAll(InputStream in) {
    try (in) {
      ByteArrayOutputStream buf = new ByteArrayOutputStream();
      in.transferTo(buf);
      return buf.toByteArray();
    } catch (IOException e) {
      return new byte[0];
    }
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).trim();
  }

  /** A helper's answer. */
  record Answer(
      @JsonProperty("ServerURL") String serverUrl,
      @JsonProperty("Username") String username,
      @JsonProperty("Secret") String secret) {}
}
