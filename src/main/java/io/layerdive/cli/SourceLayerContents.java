package io.layerdive.cli;

import io.layerdive.image.Layer;
import io.layerdive.sample.DemoImage;
import io.layerdive.source.ArchiveOpener;
import io.layerdive.source.ImageReadException;
import io.layerdive.source.ImageSource;
import io.layerdive.source.LoadListener;
import io.layerdive.source.archive.DockerArchiveSource;
import io.layerdive.source.daemon.DaemonSource;
import io.layerdive.source.extract.ArchiveLayerOpener;
import io.layerdive.source.extract.BlobLayerOpener;
import io.layerdive.source.extract.DiffIdCheck;
import io.layerdive.source.extract.ExtractResult;
import io.layerdive.source.extract.FileLayerOpener;
import io.layerdive.source.extract.FilePreview;
import io.layerdive.source.extract.FilePreviewReader;
import io.layerdive.source.extract.LayerExtractor;
import io.layerdive.source.extract.LayerOpener;
import io.layerdive.source.oci.OciLayoutSource;
import io.layerdive.source.registry.RegistrySource;
import io.layerdive.ui.LayerContents;
import io.layerdive.ui.LayerJob;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The explorer's way back to a layer's contents, for the source the image came from: an archive or
 * layout on disk is read again at the layer's blob; a daemon exports the image again, streamed, and
 * the layer is picked out as it goes by; a registry serves the one blob again; the demo is
 * generated again. An archive read once from a pipe cannot be read again. Every stream is counted
 * for the progress line, closed when the user cancels, and, for extraction, checked against the
 * layer's diff id as it streams.
 */
final class SourceLayerContents implements LayerContents {
  private final ImageSource source;
  private final String name;
  private final CliEnvironment env;

  /**
   * @param name the image as the user named it, for messages
   */
  SourceLayerContents(ImageSource source, String name, CliEnvironment env) {
    this.source = source;
    this.name = name;
    this.env = env;
  }

  /** The source that was read: the daemon or the registry behind a fallback. */
  private ImageSource actual() {
    if (source instanceof DaemonOrRegistrySource fallback && fallback.chosen() != null) {
      return fallback.chosen();
    }
    return source;
  }

  @Override
  public Optional<String> unavailable() {
    ImageSource s = actual();
    if (s instanceof DockerArchiveSource archive) {
      if (archive.file().isEmpty()) {
        return Optional.of(
            name + " was read once from a stream; save it to a file to read it" + " again");
      }
      Path file = archive.file().get();
      if (!Files.isRegularFile(file) && !Files.isDirectory(file)) {
        return Optional.of(
            name + " was read once from a pipe; save it to a file to read it" + " again");
      }
      return Optional.empty();
    }
    if (s instanceof DemoSource
        || s instanceof OciLayoutSource
        || s instanceof DaemonSource
        || s instanceof RegistrySource) {
      return Optional.empty();
    }
    return Optional.of("this source cannot read a layer again");
  }

  @Override
  public FileText view(Layer layer, String path, LayerJob job) throws Exception {
    FilePreview preview =
        new FilePreviewReader(opener(job)).read(layer, path, FilePreviewReader.DEFAULT_LIMIT);
    return new FileText(
        preview.path(),
        preview.size(),
        preview.isBinary() ? Optional.empty() : Optional.of(preview.text()),
        preview.head().length);
  }

  @Override
  public Extracted extract(String path, List<Part> parts, String target, LayerJob job)
      throws Exception {
    Path dir = targetDirectory(target);
    List<LayerExtractor.Piece> pieces = new ArrayList<>();
    for (Part part : parts) {
      Predicate<String> include =
          part.only().<Predicate<String>>map(set -> set::contains).orElse(p -> true);
      pieces.add(new LayerExtractor.Piece(part.layer(), include));
    }
    ExtractResult r = new LayerExtractor(new DiffIdCheck(opener(job))).extract(pieces, path, dir);
    return new Extracted(
        shown(r.root()), r.files(), r.directories(), r.links(), r.bytes(), r.skipped());
  }

  /**
   * The directory the user typed: {@code ~/} is the home directory; relative to the working one.
   */
  private Path targetDirectory(String target) {
    String home = env.env().get("HOME");
    if (home != null && (target.equals("~") || target.startsWith("~/"))) {
      return Path.of(home).resolve(target.substring(Math.min(2, target.length())));
    }
    return env.resolve(target);
  }

  /** A written path as the user can find it: relative to the working directory when inside it. */
  private String shown(Path written) {
    try {
      Path cwd = env.workingDirectory().toRealPath();
      if (written.startsWith(cwd) && !written.equals(cwd)) {
        return "./" + cwd.relativize(written);
      }
    } catch (IOException e) {
      // shown whole
    }
    return written.toString();
  }

  /** The opener for the source, its streams counted for {@code job} and closed on its cancel. */
  private LayerOpener opener(LayerJob job) throws ImageReadException {
    ImageSource s = actual();
    if (s instanceof DemoSource) {
      return counted(new ArchiveLayerOpener(DemoImage::openArchive, name), job);
    }
    if (s instanceof DockerArchiveSource archive && archive.file().isPresent()) {
      return counted(new FileLayerOpener(archive.file().get(), name), job);
    }
    if (s instanceof OciLayoutSource oci) {
      return counted(new FileLayerOpener(oci.path(), name), job);
    }
    if (s instanceof DaemonSource daemon) {
      String engine = daemon.endpoint().engine().displayName();
      ArchiveOpener export = daemon.archiveOpener();
      return layer -> {
        job.phase("exporting the image from the " + engine);
        return new ArchiveLayerOpener(() -> tracked(export.open(), job, -1), name).openLayer(layer);
      };
    }
    if (s instanceof RegistrySource registry) {
      return new BlobLayerOpener(
          layer -> {
            job.phase("downloading its blob");
            LoadListener listener =
                new LoadListener() {
                  @Override
                  public void progress(long done, long total, int layersDone, int layersTotal) {
                    job.progress(done, total);
                  }
                };
            return tracked(registry.openLayerBlob(layer, listener), job, -2);
          });
    }
    throw new ImageReadException(name + ": " + unavailable().orElse("cannot be read again"));
  }

  private static LayerOpener counted(LayerOpener opener, LayerJob job) {
    return layer -> tracked(opener.openLayer(layer), job, layer.sizeBytes());
  }

  /**
   * A stream closed when the job is cancelled, its bytes counted against {@code total} ({@code -1}
   * unknown; {@code -2}: the stream's owner reports progress itself).
   */
  private static InputStream tracked(InputStream in, LayerJob job, long total) {
    job.onCancel(in);
    return new FilterInputStream(in) {
      private long done;

      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (job.isCancelled()) throw new InterruptedIOException("cancelled");
        int n = super.read(b, off, len);
        if (n > 0 && total != -2) {
          done += n;
          job.progress(done, total);
        }
        return n;
      }

      @Override
      public long skip(long n) throws IOException {
        if (job.isCancelled()) throw new InterruptedIOException("cancelled");
        long skipped = super.skip(n);
        if (skipped > 0 && total != -2) {
          done += skipped;
          job.progress(done, total);
        }
        return skipped;
      }
    };
  }
}
