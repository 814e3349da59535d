package io.layerdive.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The runnable jar that {@code mvn package} built, named by the system property {@code
 * layerdive.jar} (Failsafe sets it). Tests that run it skip when it is not there.
 */
public final class BuiltJar {
  private static final String PROPERTY = "layerdive.jar";

  private BuiltJar() {}

  /** The jar as the property names it, or a skipped test when it was not built. */
  public static Path path() {
    String jar = System.getProperty(PROPERTY, "");
    assumeTrue(
        !jar.isEmpty() && Files.isRegularFile(Path.of(jar)),
        "the jar was not built (system property " + PROPERTY + ": '" + jar + "')");
    return Path.of(jar);
  }

  /** The java binary of the JVM running the tests, so the jar runs on the same Java. */
  public static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** {@code java -jar <jar> args…}, or a skipped test when the jar was not built. */
  public static List<String> command(String... args) {
    List<String> command = new ArrayList<>(List.of(javaBinary(), "-jar", path().toString()));
    command.addAll(List.of(args));
    return command;
  }
}
