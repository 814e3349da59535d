package io.layerdive.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under {@code src/test/resources/golden/<TestClass>/<test>.txt}, LF only. Run with
 * {@code -Dgolden.update=true} to rewrite them; the test still fails then, so an update is never
 * mistaken for a pass.
 */
public final class Golden {
  private static final Path ROOT = Path.of("src", "test", "resources", "golden");

  private Golden() {}

  public static void assertMatches(Class<?> testClass, String test, String actual) {
    Path file = ROOT.resolve(testClass.getSimpleName()).resolve(test + ".txt");
    if (actual.indexOf('\r') >= 0) fail("golden text must be LF only: " + test);
    if (Boolean.getBoolean("golden.update")) {
      try {
        Files.createDirectories(file.getParent());
        Files.writeString(file, actual, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new IllegalStateException("cannot write " + file, e);
      }
      fail("rewrote " + file + "; run again without -Dgolden.update=true");
    }
    if (!Files.exists(file)) {
      fail("no golden file " + file + "; create it with -Dgolden.update=true");
    }
    try {
      assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + file, e);
    }
  }
}
