package io.layerdive.sample;

import io.layerdive.sample.ArchiveItem.Directory;
import io.layerdive.sample.ArchiveItem.Document;
import io.layerdive.sample.ArchiveItem.Layer;
import io.layerdive.sample.ImageDocuments.DockerManifestEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code docker save} of Docker 24 and older: legacy {@code <v1id>/} directories. */
final class DockerLegacyFormat {
  private DockerLegacyFormat() {}

  static Assembly assemble(List<PlannedImage> images) {
    List<ArchiveItem> items = new ArrayList<>();
    List<DockerManifestEntry> manifest = new ArrayList<>();
    Map<String, Map<String, String>> repositories = new LinkedHashMap<>();
    List<WrittenImage> written = new ArrayList<>();
    for (PlannedImage image : images) {
      String configName = image.configDigest().hex() + ".json";
      items.add(Document.of(configName, image.config()));
      List<String> ids = image.v1Ids();
      List<String> layerPaths = new ArrayList<>();
      List<WrittenLayer> layers = new ArrayList<>();
      for (int i = 0; i < ids.size(); i++) {
        String id = ids.get(i);
        String parent = i == 0 ? null : ids.get(i - 1);
        String layerPath = id + "/layer.tar";
        int step = image.step(i);
        items.add(new Directory(id));
        items.add(Document.of(id + "/VERSION", ImageDocuments.V1_VERSION));
        items.add(
            Document.of(
                id + "/json",
                ImageDocuments.v1Json(
                    image.image(),
                    id,
                    parent,
                    step,
                    image.image().layers().get(step).createdBy())));
        items.add(new Layer(layerPath, image.blobs().get(i), 0644));
        layerPaths.add(layerPath);
        layers.add(image.written(i, layerPath));
      }
      SampleImage sample = image.image();
      if (!sample.name().isEmpty() && !ids.isEmpty()) {
        repositories
            .computeIfAbsent(sample.repository(), r -> new LinkedHashMap<>())
            .put(sample.tag(), ids.get(ids.size() - 1));
      }
      manifest.add(new DockerManifestEntry(configName, tags(sample), layerPaths));
      written.add(
          new WrittenImage(sample, image.configDigest(), configName, Optional.empty(), layers));
    }
    items.add(Document.of("manifest.json", ImageDocuments.dockerManifest(manifest)));
    if (!repositories.isEmpty()) {
      items.add(Document.of("repositories", ImageDocuments.repositories(repositories)));
    }
    return new Assembly(items, true, written);
  }

  static List<String> tags(SampleImage image) {
    return image.name().isEmpty() ? List.of() : List.of(image.reference());
  }
}
