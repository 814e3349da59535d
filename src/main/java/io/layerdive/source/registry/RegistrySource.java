package io.layerdive.source.registry;

import io.layerdive.bytes.HumanBytes;
import io.layerdive.image.Diagnostic;
import io.layerdive.image.Digest;
import io.layerdive.image.Image;
import io.layerdive.image.ImageConfig;
import io.layerdive.image.Layer;
import io.layerdive.image.LayerReceiver;
import io.layerdive.source.DescriptorJson;
import io.layerdive.source.ImageConfigJson;
import io.layerdive.source.ImageReadException;
import io.layerdive.source.ImageReference;
import io.layerdive.source.ImageSource;
import io.layerdive.source.LoadListener;
import io.layerdive.source.LoadedImage;
import io.layerdive.source.MediaTypes;
import io.layerdive.source.Platform;
import io.layerdive.source.WireJson;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An image read straight from a registry, without a daemon: manifest (the platform's, from an
 * index), config, then the layer blobs, several at a time, each read as it downloads. Nothing is
 * written to disk.
 *
 * <p>Layers carry the blob's size from the manifest as {@code compressedSizeBytes} (what a pull
 * costs) and the blob digest's hex as their id. While loading, {@link LoadListener#progress} counts
 * compressed bytes downloaded against the manifest's total.
 */
public final class RegistrySource implements ImageSource {
  private static final int CONFIG_LIMIT = 32 * 1024 * 1024;

  private final ImageReference reference;
  private final RegistryOptions options;
  private final LayerStreamReader reader;
  private final Platform machine;

  public RegistrySource(
      ImageReference reference, RegistryOptions options, LayerStreamReader reader) {
    this(reference, options, reader, Platform.current());
  }

  RegistrySource(
      ImageReference reference,
      RegistryOptions options,
      LayerStreamReader reader,
      Platform machine) {
    this.reference = reference;
    this.options = options;
    this.reader = reader;
    this.machine = machine;
  }

  public ImageReference reference() {
    return reference;
  }

  /**
   * Downloads one layer's blob again, as stored (compressed or not), for extracting or viewing its
   * files: with the same authentication, TLS settings and resumes as the first download, the
   * digest checked at the blob's end. Closing the stream ends the download.
   *
   * @param listener told of the compressed bytes downloaded against the blob's size
   */
  public InputStream openLayerBlob(Layer layer, LoadListener listener)
      throws ImageReadException {
    Digest blob =
        layer
            .blobDigest()
            .orElseThrow(
                () ->
                    new ImageReadException(
                        reference.familiar() + ": layer " + layer.index() + " has no blob digest"));
    RegistryClient client = new RegistryClient(reference, options);
    try {
      // As on the first download: the ping finds the scheme (an insecure registry may be plain
      // HTTP) and the authentication the registry asks for.
      client.ping();
      long size = layer.compressedSizeBytes();
      BlobStream stream =
          BlobStream.open(
              client,
              blob,
              size,
              "layer " + layer.index(),
              reference.familiar(),
              new DownloadProgress(listener, size, 1),
              options.blobResumes());
      return new FilterInputStream(stream) {
        @Override
        public void close() {
          stream.cancel();
          client.close();
        }
      };
    } catch (ImageReadException | RuntimeException e) {
      client.close();
      throw e;
    }
  }

  @Override
  public <T> LoadedImage<T> load(LayerReceiver<T> receiver, LoadListener listener)
      throws ImageReadException {
    RegistryClient client = new RegistryClient(reference, options);
    try {
      return load(client, receiver, listener);
    } finally {
      client.close();
    }
  }

  private <T> LoadedImage<T> load(
      RegistryClient client, LayerReceiver<T> receiver, LoadListener listener)
      throws ImageReadException {
    String subject = reference.familiar();
    listener.phase("Fetching manifest from " + reference.registry());
    client.ping();
    ManifestResolver.Resolved resolved =
        new ManifestResolver(client, reference, options.platform(), machine).resolve();
    ManifestJson manifest = resolved.manifest();

    listener.phase("Fetching image config from " + reference.registry());
    DescriptorJson configRef = manifest.config();
    if (configRef == null || configRef.digest() == null) {
      throw new ImageReadException(subject + ": the manifest names no config");
    }
    if (!MediaTypes.isImageConfig(configRef.mediaType())) {
      throw new ImageReadException(
          subject
              + ": not a container image (its config is "
              + configRef.mediaType()
              + "); an artifact such as a Helm chart or signature?");
    }
    Digest configDigest = digest(configRef.digest(), subject, "config");
    byte[] configBytes =
        client.fetchSmallBlob(configDigest, configRef.size(), CONFIG_LIMIT, "image config");
    ImageConfigJson config;
    try {
      config = WireJson.parse(configBytes, ImageConfigJson.class);
    } catch (IOException e) {
      throw new ImageReadException(
          subject + ": the image config is not valid JSON (" + NetworkErrors.detail(e) + ")", e);
    }
    checkPlatform(resolved, config, subject);

    List<Planned> plan = plan(manifest, config, subject);
    List<Layer> known = new ArrayList<>();
    long total = 0;
    for (Planned p : plan) {
      known.add(layer(p, -1));
      total += p.size();
    }
    listener.layersKnown(known);
    listener.phase(
        "Downloading "
            + plan.size()
            + (plan.size() == 1 ? " layer (" : " layers (")
            + HumanBytes.format(total)
            + ") from "
            + reference.registry());

    Map<Digest, LayerDownloads.Job> jobs = new LinkedHashMap<>();
    for (Planned p : plan) {
      jobs.merge(
          p.blob(),
          new LayerDownloads.Job(p.blob(), p.size(), p.diffId(), "layer " + p.index(), 1),
          (a, b) -> {
            if (!a.diffId().equals(b.diffId())) {
              // Same bytes, different diff ids: one of them must fail the check.
              return a;
            }
            return new LayerDownloads.Job(
                a.blob(), a.size(), a.diffId(), a.what() + "+" + p.index(), a.positions() + 1);
          });
    }
    long distinctTotal = jobs.values().stream().mapToLong(LayerDownloads.Job::size).sum();
    DownloadProgress progress = new DownloadProgress(listener, distinctTotal, plan.size());
    progress.start();
    Map<Digest, LayerResult<T>> results =
        new LayerDownloads(client, options, reader, subject)
            .run(List.copyOf(jobs.values()), receiver, progress);

    List<Layer> layers = new ArrayList<>();
    List<T> contents = new ArrayList<>();
    List<Diagnostic> diagnostics = new ArrayList<>(resolved.diagnostics());
    for (Planned p : plan) {
      LayerResult<T> r = results.get(p.blob());
      if (!r.diffId().equals(p.diffId())) {
        throw new ImageReadException(
            subject
                + ": layer "
                + p.index()
                + " and another layer share blob "
                + p.blob().shortHex(12)
                + " but the config gives them different diff_ids; the image is broken");
      }
      layers.add(layer(p, r.sizeBytes()));
      contents.add(r.contents());
    }
    for (LayerResult<T> r : results.values()) diagnostics.addAll(r.diagnostics());
    String os = config.os() == null ? "" : config.os();
    String arch = config.architecture() == null ? "" : config.architecture();
    Image image =
        new Image(subject, new ImageConfig(os, arch, List.of(subject)), layers, diagnostics);
    return new LoadedImage<>(image, contents);
  }

  /** One manifest position: its blob and what the config says of it. */
  private record Planned(int index, Digest blob, long size, Digest diffId, String createdBy) {}

  private static List<Planned> plan(ManifestJson manifest, ImageConfigJson config, String subject)
      throws ImageReadException {
    List<String> diffIds = config.rootfs().diffIds();
    List<DescriptorJson> blobs = manifest.layers();
    if (diffIds.size() != blobs.size()) {
      throw new ImageReadException(
          subject
              + ": the manifest lists "
              + blobs.size()
              + " layers but the config has "
              + diffIds.size()
              + " diff_ids; the image is broken");
    }
    List<String> commands = config.layerCommands(blobs.size());
    List<Planned> plan = new ArrayList<>();
    for (int i = 0; i < blobs.size(); i++) {
      DescriptorJson d = blobs.get(i);
      if (MediaTypes.DOCKER_FOREIGN_LAYER.equals(d.mediaType()) || !d.urls().isEmpty()) {
        throw new ImageReadException(
            subject
                + ": layer "
                + i
                + " is a foreign layer served from "
                + (d.urls().isEmpty() ? "elsewhere" : d.urls().get(0))
                + " (a Windows base layer); these are not supported");
      }
      if (!MediaTypes.isLayer(d.mediaType())) {
        throw new ImageReadException(
            subject + ": layer " + i + " has media type " + d.mediaType() + ", not a layer tar");
      }
      if (d.size() < 0) {
        throw new ImageReadException(
            subject + ": layer " + i + " has a negative size in the manifest");
      }
      plan.add(
          new Planned(
              i,
              digest(d.digest(), subject, "layer " + i),
              d.size(),
              digest(diffIds.get(i), subject, "diff_id " + i),
              commands.get(i)));
    }
    return plan;
  }

  private void checkPlatform(
      ManifestResolver.Resolved resolved, ImageConfigJson config, String subject)
      throws ImageReadException {
    if (resolved.chosenPlatform().isPresent() || options.platform().isEmpty()) return;
    Platform actual = new Platform(config.os(), config.architecture(), config.variant());
    if (!options.platform().get().accepts(actual)) {
      throw new ImageReadException(
          subject
              + ": the image is for "
              + actual
              + " only (no index to choose from), not "
              + options.platform().get()
              + "; drop --platform to see it");
    }
  }

  private static Layer layer(Planned p, long sizeBytes) {
    return new Layer(
        p.index(),
        p.blob().hex(),
        p.diffId(),
        Optional.of(p.blob()),
        p.createdBy(),
        sizeBytes,
        p.size());
  }

  private static Digest digest(String text, String subject, String what) throws ImageReadException {
    try {
      return Digest.parse(text);
    } catch (IllegalArgumentException e) {
      throw new ImageReadException(
          subject + ": the " + what + " digest '" + text + "' is not a digest");
    }
  }
}
