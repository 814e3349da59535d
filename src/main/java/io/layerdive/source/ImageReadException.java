package io.layerdive.source;

/**
 * The image cannot be read. The message names the input and what is wrong, in the form {@code
 * subject: what is wrong (values)}, and where it helps what to do; it is shown to users as is.
 */
public class ImageReadException extends Exception {
  private static final long serialVersionUID = 1L;

  public ImageReadException(String message) {
    super(message);
  }

  public ImageReadException(String message, Throwable cause) {
    super(message, cause);
  }
}
