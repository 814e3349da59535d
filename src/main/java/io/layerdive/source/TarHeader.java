package io.layerdive.source;

/**
 * One tar entry after its PAX and GNU extension headers were applied, as Go's {@code archive/tar}
 * reader presents it (the reader dive uses): {@code \0} type flags already normalised.
 *
 * @param name the entry name as stored (not yet cleaned)
 * @param typeflag the POSIX type flag byte, e.g. {@code '0'}, {@code '5'}, {@code 'S'}
 * @param mode the raw mode field: permission, special and possibly file-type bits
 * @param size the size the header announces (for sparse files: the expanded size)
 * @param headerOffset where the entry's first header block starts in the stream
 * @param dataOffset where the entry's data starts in the stream
 * @param dataSize how many data bytes follow in the stream (0 for links, directories, devices)
 * @param sparseMap for sparse files: fragment offset and length pairs of the expanded file;
 *     otherwise null
 */
record TarHeader(
    String name,
    String linkName,
    byte typeflag,
    int mode,
    int uid,
    int gid,
    long size,
    long headerOffset,
    long dataOffset,
    long dataSize,
    long[] sparseMap) {

  boolean isRegularFile() {
    return typeflag == '0' || typeflag == '7' || typeflag == 'S';
  }

  boolean isSymlink() {
    return typeflag == '2';
  }
}
