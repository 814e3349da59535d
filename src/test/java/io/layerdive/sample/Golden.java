package io.layerdive.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under {@code src/test/resources/golden/}; {@code -Dgolden.update=true} rewrites them
 * and still fails, so an update is always looked at.
 */
final class Golden {
  private static final Path ROOT = Path.of("src/test/resources/golden");

  private Golden() {}

  static void assertMatches(String name, CharSequence actual) throws IOException {
    Path file = ROOT.resolve(name);
    String text = actual.toString();
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
      throw new AssertionError(name + ": golden file rewritten; check the diff and run again");
    }
    assertThat(file).as("golden file %s (create it with -Dgolden.update=true)", name).exists();
    assertThat(text).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
  }
}
