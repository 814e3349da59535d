package io.layerdive.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.layerdive.testing.Conformance;
import java.io.OutputStream;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code layerdive -}: the jar in a child process, the image on its standard input, piped or
 * redirected from the file; the report is the file's own. Skips when the jar was not built
 * (system property {@code layerdive.jar}, set by Failsafe).
 */
class StandardInputIT {
  private static final long WAIT_SECONDS = 120;

  @TempDir Path temp;
  private String jar;
  private Path image;

  @BeforeEach
  void requirements() {
    jar = System.getProperty("layerdive.jar", "");
    assumeTrue(
        !jar.isEmpty() && Files.isRegularFile(Path.of(jar)),
        "the jar was not built (system property layerdive.jar: '" + jar + "')");
    image = Conformance.file("images/test-docker-image.tar").toAbsolutePath();
  }

  @Test
  void aPipedImageGivesTheFilesReport() throws Exception {
    Result fromFile = run(List.of("--json", "-", image.toString()), null, null);
    Result piped = run(List.of("--json", "-", "-"), null, Files.readAllBytes(image));

    assertThat(piped.exit()).as(piped.stderr()).isZero();
    assertThat(piped.stdout()).contains("\"imageName\": \"stdin\"");
    assertThat(piped.stdout().replace("\"stdin\"", "\"" + image + "\""))
        .isEqualTo(fromFile.stdout());
  }

  @Test
  void aRedirectedFileIsReadAsTheFile() throws Exception {
    Result fromFile = run(List.of("--json", "-", image.toString()), null, null);
    Result redirected = run(List.of("--json", "-", "-"), image, null);

    assertThat(redirected.exit()).as(redirected.stderr()).isZero();
    assertThat(redirected.stdout().replace("\"stdin\"", "\"" + image + "\""))
        .isEqualTo(fromFile.stdout());
  }

  @Test
  void nothingPipedInIsOneLineAndExit3() throws Exception {
    Result empty = run(List.of("-"), null, new byte[0]);

    assertThat(empty.exit()).isEqualTo(3);
    assertThat(empty.stdout()).isEmpty();
    assertThat(empty.stderr())
        .isEqualTo(
            "layerdive: stdin: nothing came in; pipe an image in with `docker save IMAGE |"
                + " layerdive -`\n");
  }

  private record Result(int exit, String stdout, String stderr) {}

  /**
   * @param from a file for standard input, or null
   * @param piped bytes written into standard input through a pipe, or null
   */
  private Result run(List<String> args, Path from, byte[] piped) throws Exception {
    List<String> command = new ArrayList<>(List.of(javaBinary(), "-jar", jar));
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().remove("CI");
    builder.environment().put("LAYERDIVE_CACHE_SIZE", "0");
    Path out = Files.createTempFile(temp, "out", ".txt");
    Path err = Files.createTempFile(temp, "err", ".txt");
    builder.redirectOutput(out.toFile()).redirectError(err.toFile());
    if (from != null) builder.redirectInput(from.toFile());
    Process process = builder.start();
    CompletableFuture<Void> writer =
        CompletableFuture.runAsync(
            () -> {
              try (OutputStream in = process.getOutputStream()) {
                if (piped != null) in.write(piped);
              } catch (java.io.IOException e) {
                // the program stopped reading: its exit code and message tell why
              }
            });
    if (!process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(command + " did not finish in " + WAIT_SECONDS + " s");
    }
    writer.get(WAIT_SECONDS, TimeUnit.SECONDS);
    return new Result(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
