package io.layerdive.source;

import java.io.EOFException;

/** The tar stream ends inside a header or an entry's data. */
final class TarTruncatedException extends EOFException {
  private static final long serialVersionUID = 1L;

  TarTruncatedException(String message) {
    super(message);
  }
}
