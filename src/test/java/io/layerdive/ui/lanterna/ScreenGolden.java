package io.layerdive.ui.lanterna;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares text with {@code src/test/resources/golden/<TestClass>/<test>.txt}. With {@code
 * -Dgolden.update=true} a file that differs is rewritten and the test still fails, so updates are
 * seen.
 */
final class ScreenGolden {
  private ScreenGolden() {}

  static void assertMatches(Class<?> testClass, String test, String actual) {
    Path file =
        Path.of("src", "test", "resources", "golden", testClass.getSimpleName(), test + ".txt");
    try {
      boolean same =
          Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).equals(actual);
      if (Boolean.getBoolean("golden.update") && !same) {
        Files.createDirectories(file.getParent());
        Files.writeString(file, actual, StandardCharsets.UTF_8);
        fail("golden file rewritten: " + file + " (run again without -Dgolden.update)");
      }
      if (!Files.exists(file)) {
        fail("golden file missing: " + file + " (run with -Dgolden.update=true to write it)");
      }
      assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new AssertionError("golden file " + file + ": " + e.getMessage(), e);
    }
  }
}
