package io.layerdive.source;

/** Paths inside archives, cleaned the way the layer reader cleans entry names. */
public final class ArchivePaths {
  private ArchivePaths() {}

  /** No leading or trailing slash, no {@code .} or {@code ..}; never above the root. */
  public static String clean(String path) {
    return EntryNames.clean(path).path();
  }
}
