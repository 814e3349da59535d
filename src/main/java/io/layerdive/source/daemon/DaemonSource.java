package io.layerdive.source.daemon;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.ImageHistory;
import io.layerdive.bytes.HumanBytes;
import io.layerdive.image.Digest;
import io.layerdive.image.Image;
import io.layerdive.image.Layer;
import io.layerdive.image.LayerReceiver;
import io.layerdive.source.ArchiveOpener;
import io.layerdive.source.CountedInputStream;
import io.layerdive.source.ImageReadException;
import io.layerdive.source.ImageReference;
import io.layerdive.source.ImageSource;
import io.layerdive.source.LayerCache;
import io.layerdive.source.LoadListener;
import io.layerdive.source.LoadedImage;
import io.layerdive.source.Reopening;
import io.layerdive.source.extract.ArchiveLayerOpener;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * An image held by a Docker daemon or a Podman service. Inspect and history first, so the layer
 * list shows at once; then the daemon's export ({@code docker save}) streamed straight into the
 * archive reader, without a temporary file. Pulls the image first when the daemon lacks it, unless
 * told not to.
 */
public final class DaemonSource implements ImageSource {
  private final DaemonEndpoint endpoint;
  private final String reference;
  private final boolean pullAllowed;
  private final ArchiveStreamReader reader;
  private final CredentialStore credentials;
  private final LongSupplier clock;
  private final LayerCache cache;
  private volatile String imageId;

  /**
   * @param reference {@code NAME[:TAG|@DIGEST]} or an image id, as the user typed it
   * @param pullAllowed whether an image the daemon lacks may be pulled ({@code --no-pull} says no)
   */
  public DaemonSource(
      DaemonEndpoint endpoint,
      String reference,
      boolean pullAllowed,
      ArchiveStreamReader reader,
      CredentialStore credentials) {
    this(endpoint, reference, pullAllowed, reader, credentials, System::nanoTime);
  }

  DaemonSource(
      DaemonEndpoint endpoint,
      String reference,
      boolean pullAllowed,
      ArchiveStreamReader reader,
      CredentialStore credentials,
      LongSupplier clock) {
    this(endpoint, reference, pullAllowed, reader, credentials, clock, LayerCache.NONE);
  }

  private DaemonSource(
      DaemonEndpoint endpoint,
      String reference,
      boolean pullAllowed,
      ArchiveStreamReader reader,
      CredentialStore credentials,
      LongSupplier clock,
      LayerCache cache) {
    this.endpoint = endpoint;
    this.reference = reference;
    this.pullAllowed = pullAllowed;
    this.reader = reader;
    this.credentials = credentials;
    this.clock = clock;
    this.cache = cache;
  }

  /**
   * This source opening an image from {@code cache}, without an export, when the cache holds every
   * layer and what the last export of the same image told; the reader is expected to fill the cache
   * with the layers it reads.
   */
  public DaemonSource withCache(LayerCache cache) {
    return new DaemonSource(endpoint, reference, pullAllowed, reader, credentials, clock, cache);
  }

  /** A source for {@code reference} on the daemon this machine's settings name. */
  public static DaemonSource of(
      Engine engine, String reference, boolean pullAllowed, ArchiveStreamReader reader)
      throws ImageReadException {
    return of(engine, reference, pullAllowed, reader, HostEnvironment.current());
  }

  /** A source for {@code reference} on the daemon {@code env}'s settings name. */
  public static DaemonSource of(
      Engine engine,
      String reference,
      boolean pullAllowed,
      ArchiveStreamReader reader,
      HostEnvironment env)
      throws ImageReadException {
    return new DaemonSource(
        new EndpointResolver(env).resolve(engine),
        reference,
        pullAllowed,
        reader,
        new CredentialStore(env));
  }

  public DaemonEndpoint endpoint() {
    return endpoint;
  }

  @Override
  public <T> LoadedImage<T> load(LayerReceiver<T> receiver, LoadListener listener)
      throws ImageReadException {
    // A malformed name is told as such before any request, not as a daemon error.
    Optional<ImageReference> name = parsedName();
    listener.phase("Connecting to " + endpoint.describe());
    try (DaemonConnection connection = new DaemonConnection(endpoint)) {
      InspectImageResponse image = inspectOrPull(connection, name, listener);
      imageId = image.getId();
      List<Digest> diffIds = diffIds(image);
      listener.layersKnown(HistoryLayers.match(diffIds, history(connection)));
      String key = endpoint.engine() + " " + endpoint.describe() + " " + imageId + " " + reference;
      Optional<LoadedImage<T>> cached = fromCache(key, diffIds, receiver, listener);
      if (cached.isPresent()) return cached.get();
      LoadedImage<T> loaded = export(connection, image, receiver, listener);
      List<Digest> exported = loaded.image().layers().stream().map(Layer::diffId).toList();
      if (!exported.equals(diffIds)) {
        throw new ImageReadException(
            reference
                + ": "
                + endpoint.describe()
                + " exported layers "
                + shortList(exported)
                + " but its inspect lists "
                + shortList(diffIds)
                + "; the export does not match the image");
      }
      if (cache.enabled()) cache.storeImage(key, CachedImage.encode(loaded.image()));
      return loaded;
    }
  }

  /**
   * The image from the cache: only when the last export of this very image (same id, same
   * reference, same daemon) was cached and every one of its layers still is.
   */
  private <T> Optional<LoadedImage<T>> fromCache(
      String key, List<Digest> diffIds, LayerReceiver<T> receiver, LoadListener listener) {
    if (!cache.enabled()) return Optional.empty();
    Optional<Image> exported = cache.image(key).flatMap(CachedImage::decode);
    if (exported.isEmpty()) return Optional.empty();
    Image image = exported.get();
    if (!image.layers().stream().map(Layer::diffId).toList().equals(diffIds)) {
      return Optional.empty();
    }
    Optional<List<T>> known = receiver.known(diffIds);
    if (known.isPresent()) {
      listener.phase("Opening " + reference + " from the cache");
      return Optional.of(new LoadedImage<>(image, known.get()));
    }
    if (!diffIds.stream().allMatch(cache::contains)) return Optional.empty();
    listener.phase("Replaying " + diffIds.size() + " layers of " + reference + " from the cache");
    Map<Digest, T> replayed = new HashMap<>();
    List<T> contents = new ArrayList<>();
    for (Digest diffId : diffIds) {
      T layer = replayed.get(diffId);
      if (layer == null) {
        Optional<LayerCache.Replayed<T>> hit = cache.replay(diffId, receiver.begin());
        // An entry found damaged now: the export reads the layers again, the same paths.
        if (hit.isEmpty()) return Optional.empty();
        layer = hit.get().contents();
        replayed.put(diffId, layer);
      }
      contents.add(layer);
      listener.progress(0, -1, contents.size(), diffIds.size());
    }
    return Optional.of(new LoadedImage<>(image, contents));
  }

  /**
   * The image is exported again, streamed, and the layer picked out as it goes by: a daemon has no
   * call that serves one layer.
   */
  @Override
  public Reopening reopening() {
    ArchiveOpener export = archiveOpener();
    String engine = endpoint.engine().displayName();
    return Reopening.by(
        (layer, listener) -> {
          listener.phase("exporting the image from the " + engine);
          return new ArchiveLayerOpener(
                  () -> CountedInputStream.toListener(export.open(), -1, listener), reference)
              .openLayer(layer);
        });
  }

  /**
   * Opens a fresh export of the image this source loaded (by id, so a tag moved meanwhile does not
   * change what is read), for extracting or viewing files.
   */
  public ArchiveOpener archiveOpener() {
    return () -> {
      String id = imageId == null ? reference : imageId;
      DaemonConnection connection = new DaemonConnection(endpoint);
      try {
        InputStream in = connection.client().saveImageCmd(id).exec();
        return new FilterInputStream(in) {
          @Override
          public void close() throws IOException {
            // Closing the connection first aborts the export; closing the response first would
            // read the rest of it to keep the connection for reuse.
            connection.close();
            try {
              super.close();
            } catch (IOException | RuntimeException e) {
              // already aborted
            }
          }
        };
      } catch (RuntimeException e) {
        connection.close();
        throw DaemonErrors.translate(e, endpoint, "exporting " + reference);
      } catch (ImageReadException e) {
        connection.close();
        throw e;
      }
    };
  }

  /**
   * The reference as the docker CLI normalises it; empty for an image id, which is never pulled.
   */
  private Optional<ImageReference> parsedName() throws ImageReadException {
    if (ImageReference.looksLikeImageId(reference)) return Optional.empty();
    try {
      return Optional.of(ImageReference.parse(reference));
    } catch (IllegalArgumentException e) {
      throw new ImageReadException(e.getMessage(), e);
    }
  }

  private InspectImageResponse inspectOrPull(
      DaemonConnection connection, Optional<ImageReference> name, LoadListener listener)
      throws ImageReadException {
    try {
      return inspect(connection);
    } catch (NotFoundException absent) {
      if (!pullAllowed) {
        throw new ImageReadException(
            reference
                + ": not in "
                + endpoint.describe()
                + ", and --no-pull forbids pulling it; pull it first ("
                + command()
                + " pull "
                + reference
                + ") or drop --no-pull");
      }
      if (name.isEmpty()) {
        throw new ImageReadException(
            reference
                + ": no image with this id in "
                + endpoint.describe()
                + " (an id cannot be pulled; `docker images` lists them)");
      }
      new ImagePull(connection, credentials, clock).pull(name.get(), listener);
      try {
        return inspect(connection);
      } catch (NotFoundException e) {
        throw new ImageReadException(
            reference
                + ": pulled, but "
                + endpoint.describe()
                + " still does not know it ("
                + DaemonErrors.daemonMessage(e)
                + ")");
      }
    }
  }

  private InspectImageResponse inspect(DaemonConnection connection) throws ImageReadException {
    DockerClient client = connection.client();
    try {
      return client.inspectImageCmd(reference).exec();
    } catch (NotFoundException e) {
      throw e;
    } catch (RuntimeException e) {
      throw DaemonErrors.translate(e, endpoint, "inspecting " + reference);
    }
  }

  private List<HistoryEntry> history(DaemonConnection connection) throws ImageReadException {
    try {
      List<ImageHistory> steps = connection.client().imageHistoryCmd(imageId).exec();
      List<HistoryEntry> entries = new ArrayList<>(steps.size());
      for (ImageHistory step : steps) {
        entries.add(
            new HistoryEntry(step.getCreatedBy(), step.getSize() == null ? 0 : step.getSize()));
      }
      Collections.reverse(entries);
      return entries;
    } catch (RuntimeException e) {
      throw DaemonErrors.translate(e, endpoint, "reading the history of " + reference);
    }
  }

  private List<Digest> diffIds(InspectImageResponse image) throws ImageReadException {
    List<String> layers =
        image.getRootFS() == null || image.getRootFS().getLayers() == null
            ? List.of()
            : image.getRootFS().getLayers();
    List<Digest> digests = new ArrayList<>(layers.size());
    for (String layer : layers) {
      try {
        digests.add(Digest.parse(layer));
      } catch (IllegalArgumentException e) {
        throw new ImageReadException(
            reference
                + ": "
                + endpoint.describe()
                + " lists a layer that is not a digest ('"
                + layer
                + "')");
      }
    }
    return digests;
  }

  private <T> LoadedImage<T> export(
      DaemonConnection connection,
      InspectImageResponse image,
      LayerReceiver<T> receiver,
      LoadListener listener)
      throws ImageReadException {
    String what = "exporting " + reference;
    // By the name the user gave, so the archive carries it as a tag; an id export carries none.
    String exportName = reference;
    long expected = image.getSize() == null ? -1 : image.getSize();
    try (ExportMonitor monitor =
        new ExportMonitor(
            "Exporting " + reference + " from the " + endpoint.engine().displayName(),
            expected,
            listener,
            clock)) {
      monitor.start(Thread.currentThread(), connection::close);
      InputStream raw;
      try {
        raw = connection.client().saveImageCmd(exportName).exec();
      } catch (RuntimeException e) {
        throw DaemonErrors.translate(e, endpoint, what);
      }
      try (InputStream in = monitor.wrap(raw)) {
        return reader.read(reference, in, receiver, listener);
      } catch (ImageReadException | IOException | RuntimeException e) {
        throw exportFailure(e, monitor, what);
      }
    }
  }

  private ImageReadException exportFailure(Throwable e, ExportMonitor monitor, String what) {
    if (DaemonErrors.isInterruption(e)
        || monitor.failure().map(DaemonErrors::isInterruption).orElse(false)) {
      return DaemonErrors.cancelled(what);
    }
    if (monitor.failure().isPresent()) {
      return new ImageReadException(
          reference
              + ": the export from "
              + endpoint.describe()
              + " was cut off after "
              + HumanBytes.format(monitor.bytes())
              + " ("
              + DaemonErrors.describe(monitor.failure().get())
              + "); try again, and see the daemon's log if it happens again",
          e);
    }
    if (e instanceof ImageReadException read) {
      return new ImageReadException(
          reference
              + ": "
              + endpoint.describe()
              + " sent an export in a layout layerdive cannot read: "
              + read.getMessage(),
          e);
    }
    return new ImageReadException(
        reference
            + ": reading the export from "
            + endpoint.describe()
            + " failed ("
            + DaemonErrors.describe(e)
            + ")",
        e);
  }

  private String command() {
    return endpoint.engine() == Engine.DOCKER ? "docker" : "podman";
  }

  private static String shortList(List<Digest> digests) {
    return digests.stream().map(d -> d.shortHex(12)).toList().toString();
  }
}
