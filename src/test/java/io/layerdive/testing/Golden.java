package io.layerdive.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files: expected output under {@code src/test/resources/golden/<TestClass>/<name>.txt}. Run
 * with {@code -Dgolden.update=true} to rewrite them from the actual output; the test still fails
 * then, so a rewrite is always looked at.
 */
public final class Golden {
  private static final Path ROOT = Path.of("src", "test", "resources", "golden");

  private Golden() {}

  public static void assertMatches(Class<?> testClass, String name, String actual) {
    Path file = ROOT.resolve(testClass.getSimpleName()).resolve(name + ".txt");
    if (Boolean.getBoolean("golden.update")) {
      write(file, actual);
      fail("golden file %s rewritten; check the diff and run again without -Dgolden.update", file);
    }
    if (!Files.exists(file)) {
      fail("golden file %s is missing; create it with -Dgolden.update=true", file);
    }
    assertThat(actual).as("output compared with %s", file).isEqualTo(read(file));
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
