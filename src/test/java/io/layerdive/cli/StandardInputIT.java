package io.layerdive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.layerdive.testing.BuiltJar;
import io.layerdive.testing.ChildProcess;
import io.layerdive.testing.ChildProcess.Result;
import io.layerdive.testing.Conformance;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code layerdive -}: the jar in a child process, the image on its standard input, piped or
 * redirected from the file; the report is the file's own. Skips when the jar was not built (system
 * property {@code layerdive.jar}, set by Failsafe).
 */
class StandardInputIT {
  @TempDir Path temp;
  private Path image;

  @BeforeEach
  void requirements() {
    BuiltJar.path();
    image = Conformance.file("images/test-docker-image.tar").toAbsolutePath();
  }

  @Test
  void aPipedImageGivesTheFilesReport() throws Exception {
    Result fromFile = layerdive("--json", "-", image.toString()).run(temp);
    Result piped = layerdive("--json", "-", "-").stdin(Files.readAllBytes(image)).run(temp);

    assertThat(piped.exit()).as(piped.stderr()).isZero();
    assertThat(piped.stdout()).contains("\"imageName\": \"stdin\"");
    assertThat(piped.stdout().replace("\"stdin\"", "\"" + image + "\""))
        .isEqualTo(fromFile.stdout());
  }

  @Test
  void aRedirectedFileIsReadAsTheFile() throws Exception {
    Result fromFile = layerdive("--json", "-", image.toString()).run(temp);
    Result redirected = layerdive("--json", "-", "-").stdin(image).run(temp);

    assertThat(redirected.exit()).as(redirected.stderr()).isZero();
    assertThat(redirected.stdout().replace("\"stdin\"", "\"" + image + "\""))
        .isEqualTo(fromFile.stdout());
  }

  @Test
  void nothingPipedInIsOneLineAndExit3() throws Exception {
    Result empty = layerdive("-").stdin(new byte[0]).run(temp);

    assertThat(empty.exit()).isEqualTo(3);
    assertThat(empty.stdout()).isEmpty();
    assertThat(empty.stderr())
        .isEqualTo(
            "layerdive: stdin: nothing came in; pipe an image in with `docker save IMAGE |"
                + " layerdive -`\n");
  }

  private static ChildProcess layerdive(String... args) {
    return new ChildProcess(BuiltJar.command(args)).set("LAYERDIVE_CACHE_SIZE", "0");
  }
}
