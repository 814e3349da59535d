package io.layerdive.source;

import java.io.IOException;

/** The bytes are not a well-formed tar stream; the message says where and how. */
final class TarFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  TarFormatException(String message) {
    super(message);
  }
}
