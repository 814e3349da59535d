package io.layerdive.cli;

import io.layerdive.ui.lanterna.ControllingTerminal;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** The program: real streams, environment and terminal in, exit code out. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    // UTF-8 whatever the locale: reports hold file names, and JSON must be UTF-8.
    PrintStream out =
        new PrintStream(
            new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
            false,
            StandardCharsets.UTF_8);
    PrintStream err =
        new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    CliEnvironment env =
        new CliEnvironment(
            out,
            err,
            System.getenv(),
            ControllingTerminal.available(),
            Path.of("").toAbsolutePath());
    int code = Cli.run(args, env, Sources.forEnvironment(env), new TerminalExplorer(env));
    System.exit(code);
  }
}
