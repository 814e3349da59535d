package io.layerdive.image;

import java.util.Optional;

/**
 * One layer of an image, as listed by the image's config and history.
 *
 * @param index position from the base (0) up
 * @param id dive's layer id: the first path component of the layer's tar inside the archive
 * @param diffId digest of the uncompressed layer tar
 * @param blobDigest digest of the layer as stored (compressed), when the source knows it
 * @param createdBy the history command that made it, as recorded
 * @param sizeBytes sum of the sizes of all entries of the layer tar, as dive counts it
 * @param compressedSizeBytes size of the blob as stored compressed (what a pull downloads), or -1
 *     when the source does not know it or stores the layer as a plain tar
 */
public record Layer(
    int index,
    String id,
    Digest diffId,
    Optional<Digest> blobDigest,
    String createdBy,
    long sizeBytes,
    long compressedSizeBytes) {

  private static final String SHELL_PREFIX = "/bin/sh -c ";

  /** The command as the layer list shows it: {@code /bin/sh -c } stripped, newlines as ↵. */
  public String shortCommand() {
    String cmd = createdBy == null ? "" : createdBy;
    if (cmd.startsWith(SHELL_PREFIX)) {
      cmd = cmd.substring(SHELL_PREFIX.length());
    }
    return cmd.replace("\n", "↵");
  }
}
