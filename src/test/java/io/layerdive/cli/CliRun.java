package io.layerdive.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs the command line in-process with captured streams, a given environment and no exit. */
final class CliRun {
  private final Map<String, String> env = new HashMap<>();
  private SourceOpener sources;
  private Explorer explorer;
  private boolean interactive;
  private Path workingDirectory = Path.of("").toAbsolutePath();
  final List<Explorer.Settings> explored = new ArrayList<>();

  /** What one run left behind. */
  record Result(int exitCode, String out, String err) {
    /** stderr's lines, without the newline that ends the last one. */
    List<String> errLines() {
      return err.isEmpty() ? List.of() : List.of(err.split("\n"));
    }
  }

  CliRun env(String name, String value) {
    env.put(name, value);
    return this;
  }

  CliRun sources(SourceOpener sources) {
    this.sources = sources;
    return this;
  }

  CliRun interactive() {
    this.interactive = true;
    return this;
  }

  CliRun explorer(Explorer explorer) {
    this.explorer = explorer;
    return this;
  }

  CliRun in(Path directory) {
    this.workingDirectory = directory;
    return this;
  }

  Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
    CliEnvironment environment =
        new CliEnvironment(outStream, errStream, env, interactive, workingDirectory);
    Explorer chosen =
        explorer != null
            ? explorer
            : (loader, settings) -> {
              explored.add(settings);
              new PlainExplorer(environment).explore(loader, settings);
            };
    SourceOpener opener = sources != null ? sources : Sources.forEnvironment(environment);
    int code = Cli.run(args, environment, opener, chosen);
    return new Result(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
