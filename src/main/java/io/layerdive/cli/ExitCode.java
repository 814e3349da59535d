package io.layerdive.cli;

/** What the process exit status means; the README lists the same table. */
final class ExitCode {
  /** Done; in CI mode, every rule passed or was skipped. */
  static final int OK = 0;

  /** CI mode: at least one rule failed. */
  static final int RULES_FAILED = 1;

  /** The command line or the CI configuration is wrong. */
  static final int USAGE = 2;

  /** The image could not be read (or, under {@code --strict}, was read with diagnostics). */
  static final int IMAGE_UNREADABLE = 3;

  /** An output could not be written: the terminal for the explorer, a JSON or CI report file. */
  static final int OUTPUT_FAILED = 4;

  /** A bug: something failed that should not; {@code --debug} shows where. */
  static final int INTERNAL_ERROR = 70;

  private ExitCode() {}
}
