package io.layerdive.source.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.layerdive.image.Layer;
import io.layerdive.source.ArchiveEntry;
import io.layerdive.source.ArchiveFiles;
import io.layerdive.source.Compression;
import io.layerdive.source.ImageReadException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Opens a layer of an archive or layout on disk (a {@code docker save} tar or directory of any
 * layout, an OCI layout directory or tar) straight from its blob: the archive's headers are
 * indexed, the blob is found by the names the first pass recorded and read alone. A compressed
 * archive ({@code docker save | gzip}) has no index: it is streamed up to the layer instead.
 */
public final class FileLayerOpener implements LayerOpener {
  private static final int MAX_MANIFEST_BYTES = 16 << 20;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path path;
  private final String name;

  /**
   * @param name the archive as the user named it, for messages
   */
  public FileLayerOpener(Path path, String name) {
    this.path = path;
    this.name = name;
  }

  @Override
  public InputStream openLayer(Layer layer) throws IOException, ImageReadException {
    if (!Files.exists(path)) {
      throw new ImageReadException(
          name + ": no such file or directory any more; was it moved" + " since it was opened?");
    }
    if (Files.isRegularFile(path) && compressed()) {
      return new ArchiveLayerOpener(() -> Files.newInputStream(path), name).openLayer(layer);
    }
    ArchiveFiles files = ArchiveFiles.open(path, name);
    boolean handedOver = false;
    try {
      ArchiveEntry entry = find(files, layer);
      InputStream in = Decompression.open(files.open(entry));
      handedOver = true;
      return new FilterInputStream(in) {
        @Override
        public void close() throws IOException {
          try {
            super.close();
          } finally {
            files.close();
          }
        }
      };
    } finally {
      if (!handedOver) files.close();
    }
  }

  private boolean compressed() throws IOException {
    byte[] head = new byte[Compression.MAGIC_LENGTH];
    int n;
    try (InputStream in = Files.newInputStream(path)) {
      n = in.readNBytes(head, 0, head.length);
    }
    return Compression.sniff(head, n) != Compression.NONE;
  }

  private ArchiveEntry find(ArchiveFiles files, Layer layer) throws ImageReadException {
    for (String candidate : LayerEntryNames.candidates(layer)) {
      Optional<ArchiveEntry> entry = files.find(candidate);
      if (entry.isPresent()) return entry.get();
    }
    Optional<ArchiveEntry> manifest = files.find("manifest.json");
    if (manifest.isPresent()) {
      Optional<String> named =
          layerPathIn(files.readAll(manifest.get(), MAX_MANIFEST_BYTES), layer);
      if (named.isPresent()) {
        Optional<ArchiveEntry> entry = files.find(named.get());
        if (entry.isPresent()) return entry.get();
      }
    }
    throw new ImageReadException(
        name
            + ": layer "
            + layer.index()
            + " ("
            + layer.diffId().shortHex(12)
            + ") is not in the archive any more; was it changed since"
            + " it was opened?");
  }

  private static Optional<String> layerPathIn(byte[] manifest, Layer layer) {
    try {
      JsonNode layers = JSON.readTree(manifest).path(0).path("Layers");
      return layers.path(layer.index()).isTextual()
          ? ImagePaths.clean(layers.path(layer.index()).asText())
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
