package io.layerdive.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * What the command reads from and writes to outside its arguments; {@link Main} passes the real
 * ones, tests pass their own.
 *
 * @param out data: JSON, CI report, summary (UTF-8)
 * @param err progress, warnings and errors (UTF-8)
 * @param env environment variables ({@code CI}, {@code NO_COLOR}, …)
 * @param interactive whether stdout is a terminal, so that the explorer can run
 * @param workingDirectory what relative paths on the command line are relative to
 */
record CliEnvironment(
    PrintStream out,
    PrintStream err,
    Map<String, String> env,
    boolean interactive,
    Path workingDirectory) {

  CliEnvironment {
    env = Map.copyOf(env);
  }

  Path resolve(String path) {
    return workingDirectory.resolve(path);
  }
}
