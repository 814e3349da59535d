package io.layerdive.sample;

import io.layerdive.sample.ArchiveItem.Document;
import io.layerdive.sample.ArchiveItem.Layer;
import io.layerdive.sample.ArchiveItem.Symlink;
import io.layerdive.sample.ImageDocuments.DockerManifestEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code podman save --format docker-archive}: layers as they arrive ({@code <diff-id-hex>.tar}),
 * the config, then legacy {@code <v1id>/} entries whose {@code layer.tar} is a symlink to the
 * layer, then {@code manifest.json} and {@code repositories}. No directory entries.
 */
final class PodmanFormat {
  private PodmanFormat() {}

  static Assembly assemble(List<PlannedImage> images) {
    List<ArchiveItem> items = new ArrayList<>();
    List<ArchiveItem> legacy = new ArrayList<>();
    List<DockerManifestEntry> manifest = new ArrayList<>();
    Map<String, Map<String, String>> repositories = new LinkedHashMap<>();
    List<WrittenImage> written = new ArrayList<>();
    for (PlannedImage image : images) {
      SampleImage sample = image.image();
      List<String> ids = image.v1Ids();
      List<WrittenLayer> layers = new ArrayList<>();
      for (int i = 0; i < ids.size(); i++) {
        LayerBlob blob = image.blobs().get(i);
        String layerName = blob.diffId().hex() + ".tar";
        items.add(new Layer(layerName, blob, 0644));
        layers.add(image.written(i, layerName));
        String id = ids.get(i);
        int step = image.step(i);
        legacy.add(new Symlink(id + "/layer.tar", "../" + layerName));
        legacy.add(Document.of(id + "/VERSION", ImageDocuments.V1_VERSION));
        legacy.add(
            Document.of(
                id + "/json",
                ImageDocuments.v1Json(
                    sample,
                    id,
                    i == 0 ? null : ids.get(i - 1),
                    step,
                    sample.layers().get(step).createdBy())));
      }
      String configName = image.configDigest().hex() + ".json";
      items.add(Document.of(configName, image.config()));
      List<String> tags = sample.name().isEmpty() ? List.of() : List.of(localhost(sample));
      manifest.add(
          new DockerManifestEntry(
              configName, tags, layers.stream().map(WrittenLayer::archivePath).toList()));
      if (!tags.isEmpty() && !ids.isEmpty()) {
        String ref = tags.get(0);
        repositories
            .computeIfAbsent(ref.substring(0, ref.lastIndexOf(':')), r -> new LinkedHashMap<>())
            .put(sample.tag(), ids.get(ids.size() - 1));
      }
      written.add(
          new WrittenImage(sample, image.configDigest(), configName, Optional.empty(), layers));
    }
    items.addAll(legacy);
    items.add(Document.of("manifest.json", ImageDocuments.dockerManifest(manifest)));
    if (!repositories.isEmpty()) {
      items.add(Document.of("repositories", ImageDocuments.repositories(repositories)));
    }
    return new Assembly(items, false, written);
  }

  /** Podman names an image without a registry {@code localhost/NAME}. */
  static String localhost(SampleImage image) {
    String repo = image.repository();
    int slash = repo.indexOf('/');
    String first = slash < 0 ? "" : repo.substring(0, slash);
    boolean hasDomain = first.contains(".") || first.contains(":") || first.equals("localhost");
    return (hasDomain ? repo : "localhost/" + repo) + ":" + image.tag();
  }
}
