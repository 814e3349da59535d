package io.layerdive.source.extract;

import io.layerdive.image.Layer;
import io.layerdive.source.ImageReadException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/** Reads the head of one file of a layer, for the viewer; never more than asked for is kept. */
public final class FilePreviewReader {
  /** Enough for a screenful of any text file; the viewer says when there is more. */
  public static final int DEFAULT_LIMIT = 64 * 1024;

  private static final int MAX_LINK_HOPS = 8;

  private final LayerOpener opener;

  public FilePreviewReader(LayerOpener opener) {
    this.opener = opener;
  }

  /**
   * @param imagePath the file as the tree shows it, {@code /etc/os-release}
   * @param limit how many bytes at most to read
   * @throws ImageReadException when the layer has no regular file there
   */
  public FilePreview read(Layer layer, String imagePath, int limit) throws ImageReadException {
    String path =
        ImagePaths.clean(imagePath)
            .filter(p -> !p.isEmpty())
            .orElseThrow(() -> new ImageReadException(imagePath + ": not a file path"));
    String shown = "/" + path;
    // A hard link's data sits with the entry it links to, earlier in the tar: read again for it.
    for (int hop = 0; hop < MAX_LINK_HOPS; hop++) {
      Found found = find(layer, path, limit);
      if (found.linkTo.isEmpty()) {
        return new FilePreview(shown, found.size, found.head, found.size > found.head.length);
      }
      path = found.linkTo.get();
    }
    throw new ImageReadException(shown + ": hard links go round in circles");
  }

  private record Found(long size, byte[] head, Optional<String> linkTo) {}

  private Found find(Layer layer, String path, int limit) throws ImageReadException {
    String subject = "layer " + layer.index() + ": /" + path;
    try (InputStream in = opener.openLayer(layer)) {
      TarArchiveInputStream tar = new TarArchiveInputStream(in);
      for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
        if (!ImagePaths.clean(entry.getName()).filter(path::equals).isPresent()) {
          continue;
        }
        if (entry.isLink()) {
          return new Found(0, new byte[0], ImagePaths.clean(entry.getLinkName()));
        }
        if (entry.isSymbolicLink()) {
          throw new ImageReadException(subject + ": a symlink to " + entry.getLinkName()
              + "; open its target instead");
        }
        if (!entry.isFile() || entry.isCharacterDevice() || entry.isBlockDevice() || entry.isFIFO()) {
          throw new ImageReadException(subject + ": not a regular file");
        }
        byte[] head = tar.readNBytes((int) Math.min(limit, entry.getSize()));
        return new Found(entry.getSize(), head, Optional.empty());
      }
    } catch (IOException e) {
      throw new ImageReadException(subject + ": cannot read (" + e.getMessage() + ")", e);
    }
    throw new ImageReadException(subject + ": this layer has no such file (it may come from a"
        + " lower layer)");
  }
}
