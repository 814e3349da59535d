package io.layerdive.image;

/**
 * One file as a layer tar records it: never its contents, only what is needed to compare and
 * size it. {@code path} is relative to the image root, cleaned, without a leading slash.
 *
 * @param mode unix permission and special bits ({@code 07777}) plus any file-type bits the tar
 *     header carried
 * @param linkTarget the target of a symlink or hardlink, otherwise empty
 * @param contentHash XXH64 of the entry's data (0 for directories), as dive hashes it
 */
public record FileEntry(
    String path,
    FileType type,
    long size,
    int mode,
    int uid,
    int gid,
    String linkTarget,
    long contentHash) {

  public FileEntry {
    if (path == null || path.isEmpty() || path.startsWith("/")) {
      throw new IllegalArgumentException("not a relative image path: '" + path + "'");
    }
    if (size < 0) {
      throw new IllegalArgumentException(path + ": negative size " + size);
    }
    linkTarget = linkTarget == null ? "" : linkTarget;
  }

  public boolean isDirectory() {
    return type == FileType.DIRECTORY;
  }
}
