package io.layerdive.source.extract;

import java.nio.file.Path;
import java.util.List;

/**
 * What an extraction wrote.
 *
 * @param root where the selected file or directory now is
 * @param skipped entries not written, each as {@code path: why} (devices, hard links to files
 *     outside the selection, names that would land outside the target)
 */
public record ExtractResult(
    Path root, int files, int directories, int links, long bytes, List<String> skipped) {
  public ExtractResult {
    skipped = List.copyOf(skipped);
  }
}
