package io.layerdive.analysis;

/** The kinds of advice, in the order their bytes are claimed when several could take a file. */
public enum AdviceKind {
  /** A later layer only changes mode or owner: the whole file is stored again. */
  METADATA_COPY,
  /** Files added in one layer and deleted in a later one: the bytes stay in the first layer. */
  REMOVED_LATER,
  /** Files added in one layer and replaced in a later one: the old copies stay. */
  OVERWRITTEN_LATER,
  /** A package manager's cache or index left in the final image. */
  PACKAGE_CACHE,
  /** Compilers, SDKs, headers or build dependencies the running image does not need. */
  BUILD_ONLY,
  /** The same content stored at several paths. */
  DUPLICATE_CONTENT
}
