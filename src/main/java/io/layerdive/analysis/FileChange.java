package io.layerdive.analysis;

/** A file that differs between two images' final file systems. */
public record FileChange(String path, Kind kind, long beforeBytes, long afterBytes) {
  public enum Kind {
    ADDED,
    REMOVED,
    CHANGED
  }

  public long deltaBytes() {
    return afterBytes - beforeBytes;
  }
}
