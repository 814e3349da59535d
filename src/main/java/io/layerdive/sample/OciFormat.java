package io.layerdive.sample;

import io.layerdive.image.Digest;
import io.layerdive.sample.ArchiveItem.Directory;
import io.layerdive.sample.ArchiveItem.Document;
import io.layerdive.sample.ArchiveItem.Layer;
import io.layerdive.sample.ImageDocuments.Descriptor;
import io.layerdive.sample.ImageDocuments.DockerManifestEntry;
import io.layerdive.sample.ImageDocuments.IndexEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An OCI image layout, alone or as Docker 25+ writes it (plus {@code manifest.json} and {@code
 * repositories}). Several images become several manifests of one index, each with its platform;
 * with {@code nestedIndex}, {@code index.json} points to one image index blob that lists them, as
 * containerd and buildx write a multi-platform image.
 */
final class OciFormat {
  private static final String BLOBS = "blobs/sha256/";
  private static final int BLOB_MODE = 0444;

  private OciFormat() {}

  static Assembly assemble(List<PlannedImage> images, ArchiveWriter.Settings settings) {
    boolean docker = settings.layout() == Layout.DOCKER_OCI;
    ManifestFormat format = settings.manifestFormat();
    List<ArchiveItem> items = new ArrayList<>();
    items.add(new Directory("blobs"));
    items.add(new Directory("blobs/sha256"));
    List<IndexEntry> entries = new ArrayList<>();
    List<DockerManifestEntry> dockerManifest = new ArrayList<>();
    Map<String, Map<String, String>> repositories = new LinkedHashMap<>();
    List<WrittenImage> written = new ArrayList<>();
    for (PlannedImage image : images) {
      SampleImage sample = image.image();
      String configPath = BLOBS + image.configDigest().hex();
      items.add(new Document(configPath, image.config(), BLOB_MODE));
      List<Descriptor> layerDescriptors = new ArrayList<>();
      List<WrittenLayer> layers = new ArrayList<>();
      for (int i = 0; i < image.blobs().size(); i++) {
        LayerBlob blob = image.blobs().get(i);
        String path = BLOBS + blob.blobDigest().hex();
        items.add(new Layer(path, blob, BLOB_MODE));
        layerDescriptors.add(
            new Descriptor(
                format.layerMediaType(blob.compression()), blob.blobDigest(), blob.blobSize()));
        layers.add(image.written(i, path));
      }
      byte[] manifest =
          ImageDocuments.manifest(
              format,
              new Descriptor(format.configMediaType(), image.configDigest(), image.config().length),
              layerDescriptors);
      Digest manifestDigest = HashingOutputStream.sha256(manifest);
      items.add(new Document(BLOBS + manifestDigest.hex(), manifest, BLOB_MODE));
      entries.add(
          new IndexEntry(
              new Descriptor(format.manifestMediaType(), manifestDigest, manifest.length),
              sample,
              annotations(sample, docker)));
      written.add(
          new WrittenImage(
              sample, image.configDigest(), configPath, Optional.of(manifestDigest), layers));
      if (docker) {
        List<String> layerPaths = layers.stream().map(WrittenLayer::archivePath).toList();
        dockerManifest.add(
            new DockerManifestEntry(configPath, DockerLegacyFormat.tags(sample), layerPaths));
        if (!sample.name().isEmpty() && !layers.isEmpty()) {
          repositories
              .computeIfAbsent(sample.repository(), r -> new LinkedHashMap<>())
              .put(sample.tag(), layers.get(layers.size() - 1).blobDigest().hex());
        }
      }
    }
    if (settings.nestedIndex()) {
      byte[] nested = ImageDocuments.index(format.indexMediaType(), entries);
      Digest nestedDigest = HashingOutputStream.sha256(nested);
      items.add(new Document(BLOBS + nestedDigest.hex(), nested, BLOB_MODE));
      SampleImage first = images.get(0).image();
      entries =
          List.of(
              new IndexEntry(
                  new Descriptor(format.indexMediaType(), nestedDigest, nested.length),
                  null,
                  annotations(first, docker)));
    }
    items.add(
        Document.of(
            "index.json", ImageDocuments.index(ManifestFormat.OCI.indexMediaType(), entries)));
    items.add(new Document("oci-layout", ImageDocuments.OCI_LAYOUT.getBytes(), BLOB_MODE));
    if (docker) {
      items.add(Document.of("manifest.json", ImageDocuments.dockerManifest(dockerManifest)));
      if (!repositories.isEmpty()) {
        items.add(Document.of("repositories", ImageDocuments.repositories(repositories)));
      }
    }
    return new Assembly(items, true, written);
  }

  /** The names an index entry carries: the tag, and for docker also the full reference. */
  private static Map<String, String> annotations(SampleImage image, boolean docker) {
    Map<String, String> annotations = new LinkedHashMap<>();
    if (image.name().isEmpty()) return annotations;
    if (docker) annotations.put(ImageDocuments.CONTAINERD_NAME, fullyQualified(image));
    annotations.put(ImageDocuments.REF_NAME, image.tag());
    return annotations;
  }

  /**
   * {@code demo:latest} → {@code docker.io/library/demo:latest}, as the containerd store names it.
   */
  static String fullyQualified(SampleImage image) {
    String repo = image.repository();
    int slash = repo.indexOf('/');
    String first = slash < 0 ? "" : repo.substring(0, slash);
    boolean hasDomain = first.contains(".") || first.contains(":") || first.equals("localhost");
    if (!hasDomain) repo = "docker.io/" + (slash < 0 ? "library/" : "") + repo;
    return repo + ":" + image.tag();
  }
}
