package io.layerdive.analysis;

/** The bytes below one directory in two images' final file systems. */
public record DirectoryChange(String path, long beforeBytes, long afterBytes) {
  public long deltaBytes() {
    return afterBytes - beforeBytes;
  }
}
