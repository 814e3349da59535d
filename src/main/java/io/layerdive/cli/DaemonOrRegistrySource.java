package io.layerdive.cli;

import io.layerdive.image.Layer;
import io.layerdive.image.LayerReceiver;
import io.layerdive.source.ImageReadException;
import io.layerdive.source.ImageSource;
import io.layerdive.source.LoadListener;
import io.layerdive.source.LoadedImage;
import io.layerdive.source.Reopening;
import io.layerdive.source.daemon.DaemonProbe;
import io.layerdive.source.daemon.DaemonSource;
import java.util.List;
import java.util.function.Consumer;

/**
 * A bare name that also names a registry host ({@code ghcr.io/org/app:1}): the Docker daemon when
 * one answers, as dive does, else the registry, so that a machine without Docker still reads it.
 * Only a missing socket or a refused connection falls back; a daemon that answers and fails says so
 * itself.
 */
final class DaemonOrRegistrySource implements ImageSource {

  /** Makes the registry source only when needed: its set-up reads certificates and credentials. */
  @FunctionalInterface
  interface RegistryOpener {
    ImageSource open() throws ImageReadException;
  }

  private final String name;
  private final DaemonSource daemon;
  private final RegistryOpener registry;
  private final Consumer<String> notice;
  private volatile ImageSource chosen;

  /**
   * @param notice receives the one-line notice that the registry is read instead
   */
  DaemonOrRegistrySource(
      String name, DaemonSource daemon, RegistryOpener registry, Consumer<String> notice) {
    this.name = name;
    this.daemon = daemon;
    this.registry = registry;
    this.notice = notice;
  }

  @Override
  public <T> LoadedImage<T> load(LayerReceiver<T> receiver, LoadListener listener)
      throws ImageReadException {
    if (DaemonProbe.answers(daemon.endpoint())) {
      chosen = daemon;
      return daemon.load(receiver, listener);
    }
    String message = "no Docker daemon answers; reading " + name + " from the registry";
    notice.accept(message);
    listener.phase("No Docker daemon answers; reading " + name + " from the registry");
    ImageSource fromRegistry = registry.open();
    chosen = fromRegistry;
    return fromRegistry.load(receiver, new SayingWhy(listener));
  }

  /**
   * The registry's phases with the reason they come from a registry: each phase replaces the one
   * before on the progress view, so the notice alone would be seen for an instant. The reason goes
   * first, where a narrow terminal does not cut it off.
   */
  private record SayingWhy(LoadListener listener) implements LoadListener {
    @Override
    public void phase(String description) {
      listener.phase("No Docker daemon answers · " + description);
    }

    @Override
    public void layersKnown(List<Layer> layers) {
      listener.layersKnown(layers);
    }

    @Override
    public void progress(long bytesDone, long bytesTotal, int layersDone, int layersTotal) {
      listener.progress(bytesDone, bytesTotal, layersDone, layersTotal);
    }
  }

  /** Whichever was read reads the layer again. */
  @Override
  public Reopening reopening() {
    ImageSource read = chosen;
    return read == null ? Reopening.impossible(name + " has not been read yet") : read.reopening();
  }
}
