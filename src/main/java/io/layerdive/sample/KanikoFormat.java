package io.layerdive.sample;

import io.layerdive.sample.ArchiveItem.Document;
import io.layerdive.sample.ArchiveItem.Layer;
import io.layerdive.sample.ImageDocuments.DockerManifestEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * kaniko's (go-containerregistry's) tarball: the config named {@code sha256:<hex>}, then the layers
 * {@code <blob-hex>.tar.gz}, then {@code manifest.json}; no directories, mtime 0.
 */
final class KanikoFormat {
  private KanikoFormat() {}

  static Assembly assemble(List<PlannedImage> images) {
    List<ArchiveItem> items = new ArrayList<>();
    List<DockerManifestEntry> manifest = new ArrayList<>();
    List<WrittenImage> written = new ArrayList<>();
    for (PlannedImage image : images) {
      String configName = image.configDigest().toString();
      items.add(Document.of(configName, image.config()));
      List<WrittenLayer> layers = new ArrayList<>();
      for (int i = 0; i < image.blobs().size(); i++) {
        LayerBlob blob = image.blobs().get(i);
        String name = blob.blobDigest().hex() + blob.compression().fileExtension();
        items.add(new Layer(name, blob, 0644));
        layers.add(image.written(i, name));
      }
      manifest.add(
          new DockerManifestEntry(
              configName,
              DockerLegacyFormat.tags(image.image()),
              layers.stream().map(WrittenLayer::archivePath).toList()));
      written.add(
          new WrittenImage(
              image.image(), image.configDigest(), configName, Optional.empty(), layers));
    }
    items.add(Document.of("manifest.json", ImageDocuments.dockerManifest(manifest)));
    return new Assembly(items, false, written);
  }
}
