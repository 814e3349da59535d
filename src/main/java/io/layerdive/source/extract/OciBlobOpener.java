package io.layerdive.source.extract;

import io.layerdive.image.Digest;
import io.layerdive.image.Layer;
import io.layerdive.source.ImageReadException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens a layer of an OCI layout directory straight from its blob, uncompressed. */
public final class OciBlobOpener implements LayerOpener {
  private final Path layout;

  /** @param layout the directory holding {@code oci-layout}, {@code index.json} and {@code blobs/} */
  public OciBlobOpener(Path layout) {
    this.layout = layout;
  }

  @Override
  public InputStream openLayer(Layer layer) throws IOException, ImageReadException {
    Digest digest = layer.blobDigest().orElse(layer.diffId());
    Path blob = layout.resolve("blobs").resolve(digest.algorithm()).resolve(digest.hex());
    if (!Files.isRegularFile(blob)) {
      throw new ImageReadException(layout + ": layer " + layer.index() + " has no blob "
          + layout.relativize(blob) + " any more; was the layout changed since it was opened?");
    }
    return Decompression.open(Files.newInputStream(blob));
  }
}
