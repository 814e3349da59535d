package io.layerdive.cli;

import io.layerdive.source.ImageReadException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Runs one command line and turns every failure into one line on stderr and an exit code; {@link
 * Main} adds only the real streams and {@code System.exit}.
 */
final class Cli {
  private static final String PREFIX = "layerdive: ";

  private Cli() {}

  static int run(String[] args, CliEnvironment env, SourceOpener sources, Explorer explorer) {
    LayerdiveCommand command = new LayerdiveCommand(env, sources, explorer);
    CommandLine commandLine = new CommandLine(command);
    // Added before the handlers and streams are set, which apply to the subcommands there are.
    commandLine.addSubcommand("build", new BuildCommand(command));
    // docker build's options are not declared: they pass through to BuildArguments as they are.
    commandLine.getSubcommands().get("build").setUnmatchedOptionsArePositionalParams(true);
    commandLine.addSubcommand("diff", new DiffCommand(env, sources));
    commandLine.setOut(writer(env.out()));
    commandLine.setErr(writer(env.err()));
    commandLine.setParameterExceptionHandler(
        (ParameterException e, String[] ignored) -> {
          env.err().println(PREFIX + oneLine(e.getMessage()) + " (see layerdive --help)");
          return ExitCode.USAGE;
        });
    commandLine.setExecutionExceptionHandler(
        (Exception e, CommandLine cl, ParseResult parsed) -> fail(e, command.debug(), env.err()));
    try {
      return commandLine.execute(args);
    } catch (OutOfMemoryError e) {
      return fail(e, command.debug(), env.err());
    } catch (StackOverflowError e) {
      return fail(e, command.debug(), env.err());
    } finally {
      env.out().flush();
      env.err().flush();
    }
  }

  private static PrintWriter writer(PrintStream stream) {
    return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
  }

  /** One line on stderr (and the stack trace under --debug); the exit code for the failure. */
  static int fail(Throwable e, boolean debug, PrintStream err) {
    int code;
    String message;
    if (e instanceof UsageException) {
      code = ExitCode.USAGE;
      message = e.getMessage() + " (see layerdive --help)";
    } else if (e instanceof ImageReadException) {
      code = ExitCode.IMAGE_UNREADABLE;
      message = e.getMessage();
    } else if (e instanceof OutputException) {
      code = ExitCode.OUTPUT_FAILED;
      message = e.getMessage();
    } else if (e instanceof OutOfMemoryError) {
      code = ExitCode.IMAGE_UNREADABLE;
      message = "out of memory while reading the image; allow Java more, e.g. JAVA_OPTS=-Xmx8g";
    } else {
      code = ExitCode.INTERNAL_ERROR;
      message =
          "internal error: "
              + e
              + (debug ? "" : " (run again with --debug for the stack trace, and report it)");
    }
    err.println(PREFIX + oneLine(message));
    if (debug) e.printStackTrace(err);
    return code;
  }

  private static String oneLine(String message) {
    return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", "; ");
  }
}
