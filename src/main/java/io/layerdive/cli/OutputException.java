package io.layerdive.cli;

/** An output could not be written; the message names it and says why. */
final class OutputException extends Exception {
  private static final long serialVersionUID = 1L;

  OutputException(String message, Throwable cause) {
    super(message, cause);
  }
}
