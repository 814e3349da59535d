package io.layerdive.source.registry;

import io.layerdive.bytes.HumanBytes;
import io.layerdive.image.Diagnostic;
import io.layerdive.image.Digest;
import io.layerdive.image.Image;
import io.layerdive.image.ImageConfig;
import io.layerdive.image.Layer;
import io.layerdive.image.LayerReceiver;
import io.layerdive.source.BaseImageLayers;
import io.layerdive.source.CachedLayers;
import io.layerdive.source.DescriptorJson;
import io.layerdive.source.ImageConfigJson;
import io.layerdive.source.ImageReadException;
import io.layerdive.source.ImageReference;
import io.layerdive.source.ImageSource;
import io.layerdive.source.LayerCache;
import io.layerdive.source.LoadListener;
import io.layerdive.source.LoadedImage;
import io.layerdive.source.MediaTypes;
import io.layerdive.source.Platform;
import io.layerdive.source.Reopening;
import io.layerdive.source.WireJson;
import io.layerdive.source.extract.BlobLayerOpener;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
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
  private final LayerCache cache;

  public RegistrySource(
      ImageReference reference, RegistryOptions options, LayerStreamReader reader) {
    this(reference, options, reader, Platform.current());
  }

  RegistrySource(
      ImageReference reference,
      RegistryOptions options,
      LayerStreamReader reader,
      Platform machine) {
    this(reference, options, reader, machine, LayerCache.NONE);
  }

  private RegistrySource(
      ImageReference reference,
      RegistryOptions options,
      LayerStreamReader reader,
      Platform machine,
      LayerCache cache) {
    this.reference = reference;
    this.options = options;
    this.reader = reader;
    this.machine = machine;
    this.cache = cache;
  }

  /**
   * This source replaying the layers {@code cache} holds instead of downloading them; the reader is
   * expected to fill the cache with those it reads.
   */
  public RegistrySource withCache(LayerCache cache) {
    return new RegistrySource(reference, options, reader, machine, cache);
  }

  public ImageReference reference() {
    return reference;
  }

  /** The one blob is downloaded again, with the same authentication and TLS as the first time. */
  @Override
  public Reopening reopening() {
    return Reopening.by(
        (layer, listener) -> {
          listener.phase("downloading its blob");
          return new BlobLayerOpener(l -> openLayerBlob(l, listener)).openLayer(layer);
        });
  }

  /**
   * Downloads one layer's blob again, as stored (compressed or not), for extracting or viewing its
   * files: with the same authentication, TLS settings and resumes as the first download, the digest
   * checked at the blob's end. Closing the stream ends the download.
   *
   * @param listener told of the compressed bytes downloaded against the blob's size
   */
  public InputStream openLayerBlob(Layer layer, LoadListener listener) throws ImageReadException {
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
    for (Planned p : plan) known.add(layer(p, -1));
    listener.layersKnown(known);

    Map<Digest, LayerResult<T>> results = fromKnown(plan, receiver, listener).orElse(null);
    if (results == null) results = fetch(client, plan, receiver, listener, subject);

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
        new Image(
            subject,
            new ImageConfig(
                os, arch, List.of(subject), BaseImageLayers.count(config.history(), layers.size())),
            layers,
            diagnostics);
    return new LoadedImage<>(image, contents);
  }

  /** The layers from the cache, replayed, and from the registry, downloaded as they are read. */
  private <T> Map<Digest, LayerResult<T>> fetch(
      RegistryClient client,
      List<Planned> plan,
      LayerReceiver<T> receiver,
      LoadListener listener,
      String subject)
      throws ImageReadException {
    Map<Digest, LayerResult<T>> results = new LinkedHashMap<>();
    Map<Digest, LayerDownloads.Job> jobs = new LinkedHashMap<>();
    int cached = 0;
    long downloadTotal = 0;
    for (Planned p : plan) {
      if (results.containsKey(p.blob())) {
        cached++;
        continue;
      }
      if (!jobs.containsKey(p.blob())) {
        Optional<LayerResult<T>> hit = fromCache(p, receiver);
        if (hit.isPresent()) {
          results.put(p.blob(), hit.get());
          cached++;
          continue;
        }
      }
      downloadTotal += p.size();
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
    int toDownload = plan.size() - cached;
    listener.phase(
        (toDownload == 0
                ? "Replaying " + plan.size() + (plan.size() == 1 ? " layer" : " layers")
                : "Downloading "
                    + toDownload
                    + (toDownload == 1 ? " layer (" : " layers (")
                    + HumanBytes.format(downloadTotal)
                    + ")")
            + (cached > 0 && toDownload > 0 ? ", " + cached + " cached," : "")
            + (toDownload == 0 ? " from the cache" : " from " + reference.registry()));
    DownloadProgress progress = new DownloadProgress(listener, distinctTotal, plan.size());
    progress.start();
    if (cached > 0) progress.layersDone(cached);
    results.putAll(
        new LayerDownloads(client, options, reader, subject)
            .run(List.copyOf(jobs.values()), receiver, progress));
    cache.trim();
    return results;
  }

  /**
   * Every layer's result without a download or a replay, when the receiver {@linkplain
   * LayerReceiver#known knows} the image's layers and the cache holds every layer's facts.
   */
  private <T> Optional<Map<Digest, LayerResult<T>>> fromKnown(
      List<Planned> plan, LayerReceiver<T> receiver, LoadListener listener) {
    if (!cache.enabled()) return Optional.empty();
    Map<Digest, LayerCache.Facts> facts = new HashMap<>();
    for (Planned p : plan) {
      if (facts.containsKey(p.diffId())) continue;
      Optional<LayerCache.Facts> f = cache.facts(p.diffId());
      if (f.isEmpty()) return Optional.empty();
      facts.put(p.diffId(), f.get());
    }
    Optional<List<T>> known = receiver.known(plan.stream().map(Planned::diffId).toList());
    if (known.isEmpty()) return Optional.empty();
    listener.phase("Replaying " + plan.size() + " layers from the cache");
    Map<Digest, LayerResult<T>> results = new LinkedHashMap<>();
    for (int i = 0; i < plan.size(); i++) {
      Planned p = plan.get(i);
      LayerCache.Facts f = facts.get(p.diffId());
      List<Diagnostic> diagnostics = new ArrayList<>();
      for (String message : f.diagnostics()) {
        diagnostics.add(new Diagnostic(LayerStreamReader.SUBJECT, message));
      }
      results.putIfAbsent(
          p.blob(), new LayerResult<>(known.get().get(i), p.diffId(), f.sizeBytes(), diagnostics));
    }
    return Optional.of(results);
  }

  /** The layer replayed from the cache by its diff_id, or empty to download it. */
  private <T> Optional<LayerResult<T>> fromCache(Planned p, LayerReceiver<T> receiver) {
    return CachedLayers.replay(
            cache, receiver, p.diffId(), p.blob(), null, null, p.size(), LayerStreamReader.SUBJECT)
        .map(r -> new LayerResult<>(r.contents(), r.diffId(), r.sizeBytes(), r.diagnostics()));
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
