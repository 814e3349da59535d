package io.layerdive.source.daemon;

import io.layerdive.image.LayerReceiver;
import io.layerdive.source.ImageReadException;
import io.layerdive.source.LoadListener;
import io.layerdive.source.LoadedImage;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * A process that loads one image from the daemon and reads its export slowly, for the tests that
 * stop a process midway (Ctrl+C) or run as another user. Prints what happens, one line each.
 */
public final class ExportProbe {
  private ExportProbe() {}

  public static void main(String[] args) throws Exception {
    String reference = args[0];
    boolean slow = args.length > 1 && args[1].equals("slow");
    DaemonSource source =
        new DaemonSource(
            new EndpointResolver(HostEnvironment.current()).resolve(Engine.DOCKER),
            reference,
            false,
            slow ? new SlowReader() : new SaveStreamReader(),
            new CredentialStore(HostEnvironment.current()));
    LoadListener listener =
        new LoadListener() {
          @Override
          public void layersKnown(List<io.layerdive.image.Layer> layers) {
            long sinceStart =
                System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            System.out.println("layers " + layers.size() + " after " + sinceStart + " ms");
            System.out.flush();
          }
        };
    try {
      LoadedImage<String> loaded = source.load(DaemonSourceIT.RECEIVER, listener);
      System.out.println("loaded " + loaded.image().layers().size());
    } catch (ImageReadException e) {
      System.out.println("error: " + e.getMessage());
      System.exit(3);
    }
  }

  /** Reads a little, says so, then crawls, so that the process is stopped while reading. */
  static final class SlowReader implements ArchiveStreamReader {
    @Override
    public <T> LoadedImage<T> read(
        String name, InputStream in, LayerReceiver<T> receiver, LoadListener listener)
        throws ImageReadException {
      byte[] buffer = new byte[64 * 1024];
      long total = 0;
      boolean told = false;
      try {
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
          total += n;
          if (!told && total > 1_000_000) {
            System.out.println("reading");
            System.out.flush();
            told = true;
          }
          if (told) {
            Thread.sleep(50);
          }
        }
      } catch (IOException e) {
        throw new ImageReadException(name + ": cannot read (" + e.getMessage() + ")", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ImageReadException(name + ": interrupted");
      }
      throw new ImageReadException(name + ": read to the end, which a slow probe never should");
    }
  }
}
