package io.layerdive.source.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.layerdive.image.Layer;
import io.layerdive.source.ArchiveOpener;
import io.layerdive.source.ImageReadException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Finds a layer's tar in an image archive stream (a file, or a daemon's new export) and hands it
 * over uncompressed while the archive streams on: nothing is copied aside.
 *
 * <p>One pass finds the layer by the names the first pass recorded. When it is not there by those
 * names (a symlinked layer whose file came earlier, or a layout that names layers otherwise), a
 * second pass looks for the file the symlink or the archive's {@code manifest.json} points to.
 */
public final class ArchiveLayerOpener implements LayerOpener {
  private static final long MAX_MANIFEST_BYTES = 16L << 20;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ArchiveOpener archive;
  private final String name;

  /** @param name the image as the user named it, for messages */
  public ArchiveLayerOpener(ArchiveOpener archive, String name) {
    this.archive = archive;
    this.name = name;
  }

  @Override
  public InputStream openLayer(Layer layer) throws IOException, ImageReadException {
    Pass first = new Pass(LayerEntryNames.candidates(layer), layer.index());
    Optional<InputStream> found = first.run();
    if (found.isPresent()) {
      return found.get();
    }
    Set<String> pointed = new LinkedHashSet<>(first.aliases);
    first.manifestPath.ifPresent(pointed::add);
    if (!pointed.isEmpty()) {
      Optional<InputStream> second = new Pass(pointed, layer.index()).run();
      if (second.isPresent()) {
        return second.get();
      }
    }
    throw new ImageReadException(name + ": layer " + layer.index() + " ("
        + layer.diffId().shortHex(12) + ") is not in the archive any more; was the image changed"
        + " since it was opened?");
  }

  private final class Pass {
    private final Set<String> wanted;
    private final int index;
    private final Set<String> aliases = new LinkedHashSet<>();
    private Optional<String> manifestPath = Optional.empty();

    Pass(Set<String> wanted, int index) {
      this.wanted = wanted;
      this.index = index;
    }

    Optional<InputStream> run() throws IOException, ImageReadException {
      InputStream raw = archive.open();
      boolean handedOver = false;
      try {
        TarArchiveInputStream tar = new TarArchiveInputStream(Decompression.open(raw));
        for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
          Optional<String> cleaned = ImagePaths.clean(entry.getName());
          if (cleaned.isEmpty()) {
            continue;
          }
          String path = cleaned.get();
          if (wanted.contains(path)) {
            if (entry.isSymbolicLink()) {
              String dir = path.contains("/") ? path.substring(0, path.lastIndexOf('/') + 1) : "";
              ImagePaths.clean(dir + entry.getLinkName()).ifPresent(aliases::add);
            } else if (entry.isLink()) {
              ImagePaths.clean(entry.getLinkName()).ifPresent(aliases::add);
            } else if (entry.isFile()) {
              handedOver = true;
              return Optional.of(Decompression.open(new ClosingAll(tar, raw)));
            }
          } else if (path.equals("manifest.json") && entry.getSize() < MAX_MANIFEST_BYTES) {
            manifestPath = layerPathIn(tar.readAllBytes());
          }
        }
        return Optional.empty();
      } finally {
        if (!handedOver) {
          raw.close();
        }
      }
    }

    private Optional<String> layerPathIn(byte[] manifest) {
      try {
        JsonNode layers = JSON.readTree(manifest).path(0).path("Layers");
        return layers.path(index).isTextual()
            ? ImagePaths.clean(layers.path(index).asText())
            : Optional.empty();
      } catch (IOException e) {
        return Optional.empty();
      }
    }
  }

  /** The current entry's bytes; closing it ends the whole archive stream (and any export). */
  private static final class ClosingAll extends FilterInputStream {
    private final InputStream raw;

    ClosingAll(TarArchiveInputStream tar, InputStream raw) {
      super(tar);
      this.raw = raw;
    }

    @Override
    public void close() throws IOException {
      raw.close();
    }
  }
}
