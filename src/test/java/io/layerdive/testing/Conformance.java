package io.layerdive.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * dive's own test images and files ({@code shared/conformance/dive}), found through the system
 * property {@code layerdive.conformance} or next to the project ({@code ../shared} from a checkout,
 * {@code ../../shared} from a worktree one level deeper). Tests that need them skip when they are
 * absent.
 */
public final class Conformance {
  private static final String PROPERTY = "layerdive.conformance";

  private Conformance() {}

  /** The conformance directory, or a skipped test when it cannot be found. */
  public static Path dir() {
    String configured = System.getProperty(PROPERTY);
    List<Path> candidates =
        configured != null
            ? List.of(Path.of(configured))
            : List.of(
                Path.of("..", "shared", "conformance", "dive"),
                Path.of("..", "..", "shared", "conformance", "dive"));
    for (Path candidate : candidates) {
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    assumeTrue(
        false,
        "dive conformance data not found (looked at "
            + candidates
            + "; set -D"
            + PROPERTY
            + "=<dir>)");
    throw new AssertionError("unreachable");
  }

  /** A file in the conformance directory, or a skipped test when it is absent. */
  public static Path file(String relative) {
    Path file = dir().resolve(relative);
    assumeTrue(Files.exists(file), "conformance file " + file + " not found");
    return file;
  }
}
