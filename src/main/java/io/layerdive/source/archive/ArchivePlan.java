package io.layerdive.source.archive;

import io.layerdive.image.Diagnostic;
import io.layerdive.image.Digest;
import io.layerdive.source.ArchiveManifestJson;
import io.layerdive.source.Compression;
import io.layerdive.source.DescriptorJson;
import io.layerdive.source.ImageAssembler;
import io.layerdive.source.ImageAssembler.LayerRef;
import io.layerdive.source.ImageConfigJson;
import io.layerdive.source.ImageReadException;
import io.layerdive.source.MediaTypes;
import io.layerdive.source.OciIndexJson;
import io.layerdive.source.OciManifestJson;
import io.layerdive.source.SourceSpec;
import io.layerdive.source.WireJson;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an archive's {@code manifest.json} and config say: the layers in order, where their blobs
 * are, and what to check them against. Only the first image of a multi-image archive is taken, as
 * dive does.
 *
 * @param layerPaths the layer paths as the manifest writes them
 * @param announced the compression each layer's media type announces (Docker ≥ 25), or null
 */
record ArchivePlan(
    ImageConfigJson config,
    List<String> tags,
    List<String> layerPaths,
    List<LayerRef> refs,
    List<Digest> diffIds,
    List<Compression> announced,
    List<Diagnostic> diagnostics) {

  static final String MANIFEST = "manifest.json";
  private static final int MAX_JSON = 64 * 1024 * 1024;

  /** Where the plan finds the archive's files. */
  interface Lookup {
    /** The key of the file at {@code path} after following links, or empty. */
    Optional<String> resolve(String path) throws ImageReadException;

    /** The bytes of a resolved JSON file. */
    byte[] read(String key, int max) throws ImageReadException;
  }

  static ArchivePlan of(String subject, Lookup files) throws ImageReadException {
    List<Diagnostic> diagnostics = new ArrayList<>();
    String manifestKey = files.resolve(MANIFEST).orElseThrow(() -> noManifest(subject, files));
    ArchiveManifestJson[] manifests =
        WireJson.read(
            files.read(manifestKey, MAX_JSON),
            ArchiveManifestJson[].class,
            subject + ": " + MANIFEST);
    if (manifests.length == 0) {
      throw new ImageReadException(
          subject + ": " + MANIFEST + " lists no image; export the image again");
    }
    ArchiveManifestJson manifest = manifests[0];
    if (manifests.length > 1) {
      diagnostics.add(
          new Diagnostic(
              subject,
              "the archive holds "
                  + manifests.length
                  + " images; showing the first "
                  + manifest.repoTags()));
    }
    if (manifest.config() == null || manifest.config().isEmpty()) {
      throw new ImageReadException(subject + ": " + MANIFEST + " names no config");
    }
    String configKey =
        files
            .resolve(manifest.config())
            .orElseThrow(
                () ->
                    new ImageReadException(
                        subject
                            + ": the config "
                            + manifest.config()
                            + " named by "
                            + MANIFEST
                            + " is not in the archive; the image is incomplete: export it again"));
    ImageConfigJson config =
        WireJson.read(
            files.read(configKey, MAX_JSON),
            ImageConfigJson.class,
            subject + ": " + manifest.config());

    Map<String, Compression> mediaTypes = announcedCompressions(subject, files, diagnostics);
    List<LayerRef> refs = new ArrayList<>();
    List<Compression> announced = new ArrayList<>();
    for (int i = 0; i < manifest.layers().size(); i++) {
      String path = manifest.layers().get(i);
      Optional<String> key = files.resolve(path);
      if (key.isEmpty()) {
        throw new ImageReadException(
            subject
                + ": layer "
                + i
                + " ("
                + path
                + ") named by "
                + MANIFEST
                + " is missing from the archive; the image is incomplete: export it again");
      }
      refs.add(new LayerRef(firstComponent(path), key.get(), blobDigest(path)));
      announced.add(mediaTypes.get(key.get()));
    }
    List<Digest> diffIds = ImageAssembler.diffIds(config, refs.size(), subject, MANIFEST);
    return new ArchivePlan(
        config, manifest.repoTags(), manifest.layers(), refs, diffIds, announced, diagnostics);
  }

  /** dive's layer id: the first component of the layer's path as the manifest writes it. */
  static String firstComponent(String path) {
    int slash = path.indexOf('/');
    return slash < 0 ? path : path.substring(0, slash);
  }

  /** Blobs of an OCI layout inside the archive are named by their digest: check it. */
  private static Digest blobDigest(String path) {
    String[] parts = path.split("/");
    if (parts.length == 3 && parts[0].equals("blobs") && parts[1].equals("sha256")) {
      try {
        return new Digest("sha256", parts[2]);
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    return null;
  }

  /**
   * Docker 25 and later also write an OCI layout whose manifests give each layer's media type; blob
   * key → announced compression. Unreadable parts only cost the check.
   */
  private static Map<String, Compression> announcedCompressions(
      String subject, Lookup files, List<Diagnostic> diagnostics) {
    Map<String, Compression> out = new HashMap<>();
    try {
      Optional<String> index = files.resolve("index.json");
      if (index.isEmpty()) return out;
      OciIndexJson json =
          WireJson.read(
              files.read(index.get(), MAX_JSON), OciIndexJson.class, subject + ": index.json");
      collect(json.manifests(), files, out, subject, 0);
    } catch (ImageReadException e) {
      diagnostics.add(
          new Diagnostic(
              subject, "index.json not used to check layer media types (" + e.getMessage() + ")"));
    }
    return out;
  }

  private static void collect(
      List<DescriptorJson> descriptors,
      Lookup files,
      Map<String, Compression> out,
      String subject,
      int depth)
      throws ImageReadException {
    if (depth > 4) return;
    for (DescriptorJson d : descriptors) {
      if (d.digest() == null) continue;
      Optional<String> key = files.resolve("blobs/" + d.digest().replace(':', '/'));
      if (key.isEmpty()) continue;
      if (MediaTypes.isIndex(d.mediaType())) {
        OciIndexJson nested =
            WireJson.read(
                files.read(key.get(), MAX_JSON), OciIndexJson.class, subject + ": " + key.get());
        collect(nested.manifests(), files, out, subject, depth + 1);
      } else if (MediaTypes.isManifest(d.mediaType())) {
        OciManifestJson m =
            WireJson.read(
                files.read(key.get(), MAX_JSON), OciManifestJson.class, subject + ": " + key.get());
        for (DescriptorJson layer : m.layers()) {
          if (layer.digest() == null) continue;
          Compression c = MediaTypes.layerCompression(layer.mediaType());
          Optional<String> layerKey = files.resolve("blobs/" + layer.digest().replace(':', '/'));
          if (c != null && layerKey.isPresent()) out.put(layerKey.get(), c);
        }
      }
    }
  }

  private static ImageReadException noManifest(String subject, Lookup files) {
    boolean oci;
    try {
      oci = files.resolve("index.json").isPresent() || files.resolve("oci-layout").isPresent();
    } catch (ImageReadException e) {
      oci = false;
    }
    if (oci) {
      return new ImageReadException(
          subject
              + ": an OCI image layout without "
              + MANIFEST
              + ", not a docker archive; read it with "
              + SourceSpec.rewritten(subject, SourceSpec.Kind.OCI));
    }
    return new ImageReadException(
        subject
            + ": a plain file-system tar with no "
            + MANIFEST
            + " or image config, not an"
            + " image archive; make an image archive with `docker save IMAGE -o FILE`");
  }
}
