package io.layerdive.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * dive's own test images and the figures dive gives for them, kept beside the project in {@code
 * ../shared/conformance/dive} (or where {@code -Dlayerdive.conformance} points). Tests that need
 * them are skipped, with the reason, when they are absent.
 */
public final class Conformance {
  private Conformance() {}

  /** The conformance directory, or a skipped test. */
  public static Path dir() {
    String configured = System.getProperty("layerdive.conformance");
    Path dir =
        configured != null
            ? Path.of(configured)
            : Path.of("..", "shared", "conformance", "dive").toAbsolutePath().normalize();
    assumeTrue(
        Files.isDirectory(dir),
        "dive conformance data not found at " + dir + " (set -Dlayerdive.conformance=DIR)");
    return dir;
  }

  /** A file under the conformance directory, or a skipped test when it is missing. */
  public static Path file(String relative) {
    Path file = dir().resolve(relative);
    assumeTrue(Files.exists(file), "conformance file missing: " + file);
    return file;
  }
}
