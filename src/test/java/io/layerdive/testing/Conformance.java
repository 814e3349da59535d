package io.layerdive.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * dive's own test images and files ({@code shared/conformance/dive}), found through the system
 * property {@code layerdive.conformance} or next to the project ({@code ../shared} from a checkout,
 * {@code ../../shared} from a worktree one level deeper). The one place that knows where they lie:
 * tests that need them skip when they are absent.
 */
public final class Conformance {
  private static final String PROPERTY = "layerdive.conformance";

  private Conformance() {}

  /** The conformance directory, or a skipped test when it cannot be found. */
  public static Path dir() {
    Optional<Path> found = find();
    assumeTrue(
        found.isPresent(),
        () ->
            "dive conformance data not found (looked at "
                + candidates()
                + "; set -D"
                + PROPERTY
                + "=<dir>)");
    return found.orElseThrow();
  }

  /** A file in the conformance directory, or a skipped test when it is absent. */
  public static Path file(String relative) {
    Path file = dir().resolve(relative);
    assumeTrue(Files.exists(file), () -> "conformance file " + file + " not found");
    return file;
  }

  /** One of dive's test images ({@code images/<name>}), or a skipped test when it is absent. */
  public static Path image(String name) {
    return file("images/" + name);
  }

  /** The conformance directory when there is one: for tools that run outside a test. */
  public static Optional<Path> find() {
    return candidates().stream().filter(Files::isDirectory).findFirst();
  }

  private static List<Path> candidates() {
    String configured = System.getProperty(PROPERTY);
    return configured != null
        ? List.of(Path.of(configured))
        : List.of(
            Path.of("..", "shared", "conformance", "dive"),
            Path.of("..", "..", "shared", "conformance", "dive"));
  }
}
