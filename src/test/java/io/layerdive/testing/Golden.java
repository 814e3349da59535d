package io.layerdive.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files: {@code src/test/resources/golden/<TestClass>/<test>.txt}, compared byte for byte.
 * Run with {@code -Dgolden.update=true} to rewrite them; the test still fails then, so that a
 * rewrite is never mistaken for a pass.
 */
public final class Golden {
  private static final Path ROOT = Path.of("src", "test", "resources", "golden");

  private Golden() {}

  public static Path file(Class<?> testClass, String name) {
    return ROOT.resolve(testClass.getSimpleName()).resolve(name + ".txt");
  }

  public static void assertMatches(Class<?> testClass, String name, String actual) {
    Path file = file(testClass, name);
    if (Boolean.getBoolean("golden.update")) {
      try {
        Files.createDirectories(file.getParent());
        Files.writeString(file, actual, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      fail(file + ": rewritten; check the diff and run again without -Dgolden.update");
    }
    if (!Files.exists(file)) {
      fail(file + ": no golden file; run with -Dgolden.update=true to write it, then check it");
    }
    String expected;
    try {
      expected = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(actual).as("golden file %s", file).isEqualTo(expected);
  }
}
