package io.layerdive.source.oci;

import io.layerdive.image.Diagnostic;
import io.layerdive.image.Digest;
import io.layerdive.image.LayerReceiver;
import io.layerdive.source.ArchiveEntry;
import io.layerdive.source.ArchiveFiles;
import io.layerdive.source.Compression;
import io.layerdive.source.CountedInputStream;
import io.layerdive.source.DescriptorJson;
import io.layerdive.source.ImageAssembler;
import io.layerdive.source.ImageAssembler.LayerRef;
import io.layerdive.source.ImageConfigJson;
import io.layerdive.source.ImageReadException;
import io.layerdive.source.ImageSource;
import io.layerdive.source.LayerBlobReader;
import io.layerdive.source.LayerCache;
import io.layerdive.source.LayerReadResult;
import io.layerdive.source.LoadListener;
import io.layerdive.source.LoadedImage;
import io.layerdive.source.MediaTypes;
import io.layerdive.source.OciIndexJson;
import io.layerdive.source.OciManifestJson;
import io.layerdive.source.Platform;
import io.layerdive.source.Reopening;
import io.layerdive.source.SourceSpec;
import io.layerdive.source.WireJson;
import io.layerdive.source.extract.FileLayerOpener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An OCI image layout in a directory or a tar. The image is found through {@code index.json}
 * (following nested indexes and manifest lists); when it holds several platforms, the requested one
 * is taken, else this machine's, else the only one. Layers are read in the manifest's order,
 * several at once, each blob checked against its digest and its media type.
 *
 * <p>Layer ids are {@code blobs}, as dive shows them for layouts: the first component of the blob's
 * path. {@link io.layerdive.image.Layer#compressedSizeBytes()} is the stored blob size, for a blob
 * stored compressed.
 */
public final class OciLayoutSource implements ImageSource {
  private static final int MAX_JSON = 64 * 1024 * 1024;
  private static final int MAX_DEPTH = 8;
  private static final String REF_NAME = "org.opencontainers.image.ref.name";
  private static final String CONTAINERD_NAME = "io.containerd.image.name";
  private static final String REFERENCE_TYPE = "vnd.docker.reference.type";

  private final Path path;
  private final String name;
  private final Optional<Platform> platform;
  private final LayerBlobReader blobReader;

  private OciLayoutSource(
      Path path, String name, Optional<Platform> platform, LayerBlobReader blobReader) {
    this.path = path;
    this.name = name;
    this.platform = platform;
    this.blobReader = blobReader;
  }

  /**
   * @param name how messages and the image name it: what the user typed
   * @param platform the platform asked for with {@code --platform}, if any
   */
  public static OciLayoutSource of(Path path, String name, Optional<Platform> platform) {
    return new OciLayoutSource(path, name, platform, new LayerBlobReader());
  }

  public static OciLayoutSource of(
      Path path, String name, Optional<Platform> platform, int threads) {
    return new OciLayoutSource(path, name, platform, new LayerBlobReader(threads));
  }

  /**
   * As {@link #of(Path, String, Optional)}, replaying the layers {@code cache} holds instead of
   * reading them, and caching those it reads.
   */
  public static OciLayoutSource of(
      Path path, String name, Optional<Platform> platform, int threads, LayerCache cache) {
    return new OciLayoutSource(path, name, platform, new LayerBlobReader(threads, cache));
  }

  /** The layout's directory or tar. */
  public Path path() {
    return path;
  }

  /** A layer is read again from its blob in the layout. */
  @Override
  public Reopening reopening() {
    FileLayerOpener opener = new FileLayerOpener(path, name);
    return Reopening.by(
        (layer, listener) ->
            CountedInputStream.toListener(opener.openLayer(layer), layer.sizeBytes(), listener));
  }

  /** One image manifest the index leads to. */
  private record Candidate(DescriptorJson descriptor, Platform platform, Set<String> names) {}

  @Override
  public <T> LoadedImage<T> load(LayerReceiver<T> receiver, LoadListener listener)
      throws ImageReadException {
    if (!Files.exists(path)) throw new ImageReadException(name + ": no such file or directory");
    try {
      if (Files.isRegularFile(path) && Files.size(path) == 0) {
        throw new ImageReadException(
            name + ": the file is empty, not an OCI image layout; " + howToMake());
      }
    } catch (IOException e) {
      throw new ImageReadException(name + ": cannot read (" + e.getMessage() + ")", e);
    }
    listener.phase("Reading " + name);
    try (ArchiveFiles files = ArchiveFiles.open(path, name)) {
      return read(files, receiver, listener);
    } catch (IOException e) {
      throw new ImageReadException(name + ": cannot read (" + e.getMessage() + ")", e);
    }
  }

  private static String howToMake() {
    return "an OCI layout is what `skopeo copy docker://IMAGE oci:DIR` or"
        + " `docker buildx build --output type=oci,dest=FILE` writes";
  }

  private <T> LoadedImage<T> read(
      ArchiveFiles files, LayerReceiver<T> receiver, LoadListener listener)
      throws ImageReadException {
    List<Diagnostic> diagnostics = new ArrayList<>();
    ArchiveEntry indexEntry = files.find("index.json").orElseThrow(() -> notALayout(files));
    if (files.find("oci-layout").isEmpty()) {
      diagnostics.add(new Diagnostic(name, "no oci-layout file; read as an OCI layout anyway"));
    }
    OciIndexJson index =
        WireJson.read(
            files.readAll(indexEntry, MAX_JSON), OciIndexJson.class, name + ": index.json");
    List<Candidate> candidates = new ArrayList<>();
    collect(files, index.manifests(), null, Set.of(), candidates, 0);
    Candidate chosen = choose(files, candidates, diagnostics);

    OciManifestJson manifest =
        WireJson.read(
            blob(files, chosen.descriptor(), "the manifest"),
            OciManifestJson.class,
            name + ": manifest " + chosen.descriptor().digest());
    if (manifest.config() == null) {
      throw new ImageReadException(
          name
              + ": manifest "
              + chosen.descriptor().digest()
              + " names no config; the layout is damaged");
    }
    ImageConfigJson config =
        WireJson.read(
            blob(files, manifest.config(), "the config"),
            ImageConfigJson.class,
            name + ": config " + manifest.config().digest());

    List<LayerRef> refs = new ArrayList<>();
    List<Long> sizes = new ArrayList<>();
    Map<String, LayerBlobReader.Blob> blobs = new LinkedHashMap<>();
    for (int i = 0; i < manifest.layers().size(); i++) {
      DescriptorJson layer = manifest.layers().get(i);
      Digest digest = digest(layer, "layer " + i);
      String blobPath = "blobs/" + digest.algorithm() + "/" + digest.hex();
      String subject = name + ": layer " + i + " (" + digest + ")";
      Optional<ArchiveEntry> entry = files.find(blobPath);
      if (entry.isEmpty()) {
        String why =
            layer.urls().isEmpty()
                ? "is missing from the layout; the layout is incomplete: copy the image again"
                : "is a foreign layer kept at " + layer.urls().get(0) + ", not in the layout";
        throw new ImageReadException(subject + " " + why);
      }
      Compression announced = MediaTypes.layerCompression(layer.mediaType());
      if (announced == null) {
        diagnostics.add(
            new Diagnostic(
                subject,
                "unknown layer media type '"
                    + layer.mediaType()
                    + "'; compression told by the content"));
      }
      refs.add(new LayerRef("blobs", blobPath, digest));
      sizes.add(entry.get().size());
      ArchiveEntry e = entry.get();
      blobs.putIfAbsent(
          blobPath,
          new LayerBlobReader.Blob(blobPath, e.size(), subject, announced, () -> files.open(e)));
    }
    List<Digest> diffIds = ImageAssembler.diffIds(config, refs.size(), name, "the manifest");
    for (int i = refs.size() - 1; i >= 0; i--) {
      LayerRef ref = refs.get(i);
      LayerBlobReader.Blob b = blobs.get(ref.blobKey());
      blobs.put(
          ref.blobKey(),
          new LayerBlobReader.Blob(
              b.key(),
              b.size(),
              b.subject(),
              b.announced(),
              b.opener(),
              diffIds.get(i),
              ref.expectedBlobDigest()));
    }
    listener.layersKnown(ImageAssembler.preview(refs, diffIds, config, sizes));
    listener.phase("Reading " + blobs.size() + " layers of " + name);
    List<LayerBlobReader.Blob> toRead = new ArrayList<>(blobs.values());
    Map<String, LayerReadResult<T>> results =
        blobReader.known(toRead, diffIds, receiver, listener).orElse(null);
    if (results == null) results = blobReader.readAll(toRead, receiver, listener);
    for (int i = 0; i < manifest.layers().size(); i++) {
      DescriptorJson layer = manifest.layers().get(i);
      LayerReadResult<T> r = results.get(refs.get(i).blobKey());
      if (layer.size() > 0 && r.blobBytes() != layer.size()) {
        throw new ImageReadException(
            name
                + ": layer "
                + i
                + " ("
                + layer.digest()
                + ") is "
                + r.blobBytes()
                + " bytes but the manifest says "
                + layer.size()
                + "; the layout is damaged: copy the image again");
      }
    }
    return ImageAssembler.assemble(
        name, name, config, new ArrayList<>(chosen.names()), refs, diffIds, results, diagnostics);
  }

  private ImageReadException notALayout(ArchiveFiles files) {
    try {
      if (files.find("manifest.json").isPresent()) {
        return new ImageReadException(
            name
                + ": a docker archive, not an OCI layout; read it with "
                + SourceSpec.rewritten(name, SourceSpec.Kind.DOCKER_ARCHIVE));
      }
    } catch (ImageReadException e) {
      // fall through to the general message
    }
    return new ImageReadException(
        name + ": not an OCI image layout (no index.json); " + howToMake());
  }

  /** Walks the index down to image manifests, keeping the platform and names met on the way. */
  private void collect(
      ArchiveFiles files,
      List<DescriptorJson> descriptors,
      Platform inherited,
      Set<String> inheritedNames,
      List<Candidate> out,
      int depth)
      throws ImageReadException {
    if (depth > MAX_DEPTH) {
      throw new ImageReadException(name + ": image indexes nest deeper than " + MAX_DEPTH);
    }
    for (DescriptorJson d : descriptors) {
      if ("attestation-manifest".equals(d.annotation(REFERENCE_TYPE))) continue;
      Platform p = d.platform() == null ? inherited : d.platform().toPlatform();
      if (p != null && p.os().equals("unknown") && p.architecture().equals("unknown")) continue;
      Set<String> names = new LinkedHashSet<>(inheritedNames);
      if (d.annotation(CONTAINERD_NAME) != null) names.add(d.annotation(CONTAINERD_NAME));
      else if (d.annotation(REF_NAME) != null) names.add(d.annotation(REF_NAME));
      if (MediaTypes.isIndex(d.mediaType())) {
        OciIndexJson nested =
            WireJson.read(
                blob(files, d, "an index"), OciIndexJson.class, name + ": index " + d.digest());
        collect(files, nested.manifests(), p, names, out, depth + 1);
      } else if (MediaTypes.isManifest(d.mediaType()) || d.mediaType() == null) {
        out.add(new Candidate(d, p, names));
      }
    }
  }

  private Candidate choose(ArchiveFiles files, List<Candidate> all, List<Diagnostic> diagnostics)
      throws ImageReadException {
    if (all.isEmpty()) {
      throw new ImageReadException(name + ": index.json lists no image manifest");
    }
    List<Candidate> known = new ArrayList<>();
    for (Candidate c : all) {
      known.add(
          c.platform() != null
              ? c
              : new Candidate(c.descriptor(), platformOf(files, c), c.names()));
    }
    List<Candidate> matches = new ArrayList<>();
    if (platform.isPresent()) {
      for (Candidate c : known) if (platform.get().accepts(c.platform())) matches.add(c);
      if (matches.isEmpty()) {
        throw new ImageReadException(
            name
                + ": no image for platform "
                + platform.get()
                + "; the layout has "
                + platformList(known)
                + ": choose one of them with --platform");
      }
    } else if (known.size() == 1) {
      matches = known;
    } else {
      Platform here = Platform.current();
      for (Candidate c : known) if (here.accepts(c.platform())) matches.add(c);
      if (matches.isEmpty()) {
        throw new ImageReadException(
            name
                + ": the layout holds images for "
                + platformList(known)
                + " but not for this"
                + " machine ("
                + here
                + "): choose one with --platform");
      }
    }
    Candidate chosen = matches.get(0);
    if (matches.size() > 1) {
      diagnostics.add(
          new Diagnostic(
              name,
              matches.size()
                  + " images match "
                  + chosen.platform()
                  + "; showing the first ("
                  + chosen.descriptor().digest()
                  + ")"));
    }
    return chosen;
  }

  private static String platformList(List<Candidate> candidates) {
    Set<String> names = new LinkedHashSet<>();
    for (Candidate c : candidates) names.add(c.platform().toString());
    return String.join(", ", names);
  }

  /** A manifest without a platform in the index: its config tells. */
  private Platform platformOf(ArchiveFiles files, Candidate c) throws ImageReadException {
    OciManifestJson m =
        WireJson.read(
            blob(files, c.descriptor(), "the manifest"),
            OciManifestJson.class,
            name + ": manifest " + c.descriptor().digest());
    if (m.config() == null) return Platform.NONE;
    ImageConfigJson config =
        WireJson.read(
            blob(files, m.config(), "the config"),
            ImageConfigJson.class,
            name + ": config " + m.config().digest());
    return new Platform(config.os(), config.architecture(), config.variant());
  }

  private Digest digest(DescriptorJson d, String what) throws ImageReadException {
    try {
      return Digest.parse(d.digest());
    } catch (IllegalArgumentException e) {
      throw new ImageReadException(
          name + ": " + what + " has no valid digest ('" + d.digest() + "')", e);
    }
  }

  /** Reads a small blob and checks it against its digest. */
  private byte[] blob(ArchiveFiles files, DescriptorJson d, String what) throws ImageReadException {
    Digest digest = digest(d, what);
    String blobPath = "blobs/" + digest.algorithm() + "/" + digest.hex();
    ArchiveEntry entry =
        files
            .find(blobPath)
            .orElseThrow(
                () ->
                    new ImageReadException(
                        name
                            + ": "
                            + what
                            + " "
                            + digest
                            + " is missing from the layout; the layout is"
                            + " incomplete: copy the image again"));
    byte[] bytes = files.readAll(entry, MAX_JSON);
    String algorithm =
        switch (digest.algorithm()) {
          case "sha256" -> "SHA-256";
          case "sha512" -> "SHA-512";
          default -> null;
        };
    if (algorithm != null) {
      try {
        Digest actual =
            new Digest(digest.algorithm(), hex(MessageDigest.getInstance(algorithm).digest(bytes)));
        if (!actual.equals(digest)) {
          throw new ImageReadException(
              name
                  + ": "
                  + what
                  + " "
                  + digest
                  + " has digest "
                  + actual
                  + "; the layout is damaged: copy the image again");
        }
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
    return bytes;
  }

  private static String hex(byte[] bytes) {
    StringBuilder sb = new StringBuilder(bytes.length * 2);
    for (byte b : bytes) {
      sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
    }
    return sb.toString();
  }
}
