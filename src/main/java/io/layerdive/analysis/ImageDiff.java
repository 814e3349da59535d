package io.layerdive.analysis;

import java.util.List;

/**
 * How two images differ: totals, the directories whose bytes changed most, the files added,
 * removed and changed (largest change first, at most {@link ImageDiffer#MAX_FILES}; the counts
 * cover all), and the layer lists side by side.
 */
public record ImageDiff(
    String beforeName,
    String afterName,
    long beforeImageBytes,
    long afterImageBytes,
    long beforeFileSystemBytes,
    long afterFileSystemBytes,
    int addedFiles,
    int removedFiles,
    int changedFiles,
    List<FileChange> files,
    List<DirectoryChange> directories,
    List<LayerPair> layers) {
  public ImageDiff {
    files = List.copyOf(files);
    directories = List.copyOf(directories);
    layers = List.copyOf(layers);
  }

  public long imageDeltaBytes() {
    return afterImageBytes - beforeImageBytes;
  }

  /** Whether the file list was cut to {@link ImageDiffer#MAX_FILES}. */
  public boolean filesTruncated() {
    return addedFiles + removedFiles + changedFiles > files.size();
  }
}
