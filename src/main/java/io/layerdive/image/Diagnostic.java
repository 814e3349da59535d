package io.layerdive.image;

/**
 * An oddity that need not stop the work, such as a whiteout for a path that does not exist. Counted
 * in the status bar, listed in JSON, fatal under {@code --strict}.
 *
 * @param subject what it is about: a layer, a path, the archive
 * @param message what is odd, in a sentence a user can act on
 */
public record Diagnostic(String subject, String message) {
  @Override
  public String toString() {
    return subject + ": " + message;
  }
}
