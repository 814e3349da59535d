package io.layerdive.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes report files. An existing file is truncated first, so no stale bytes of a longer earlier
 * report survive at its end (dive opens its JSON file without truncating it).
 */
final class OutputFiles {
  /** Writes the content of one file. */
  @FunctionalInterface
  interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  private OutputFiles() {}

  /**
   * @param shownAs the path as the user wrote it, for the message
   * @param what what is written, e.g. "the JSON report"
   */
  static void write(Path path, String shownAs, String what, Content content)
      throws OutputException {
    try (OutputStream out =
        new BufferedOutputStream(
            Files.newOutputStream(
                path,
                StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE))) {
      content.writeTo(out);
    } catch (IOException e) {
      throw new OutputException(shownAs + ": cannot write " + what + " (" + reason(e) + ")", e);
    }
  }

  static String reason(IOException e) {
    if (e instanceof NoSuchFileException) return "its directory does not exist";
    if (e instanceof AccessDeniedException) return "permission denied";
    if (e instanceof FileSystemException fs && fs.getReason() != null) return fs.getReason();
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }
}
