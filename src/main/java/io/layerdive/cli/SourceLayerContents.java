package io.layerdive.cli;

import io.layerdive.image.Layer;
import io.layerdive.source.ImageReadException;
import io.layerdive.source.ImageSource;
import io.layerdive.source.LayerReopener;
import io.layerdive.source.LoadListener;
import io.layerdive.source.Reopening;
import io.layerdive.source.extract.DiffIdCheck;
import io.layerdive.source.extract.ExtractResult;
import io.layerdive.source.extract.FilePreview;
import io.layerdive.source.extract.FilePreviewReader;
import io.layerdive.source.extract.LayerExtractor;
import io.layerdive.source.extract.LayerOpener;
import io.layerdive.ui.LayerContents;
import io.layerdive.ui.LayerJob;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The explorer's way back to a layer's contents, through the source the image came from (each
 * source knows how it reads a layer again, see {@link ImageSource#reopening}). Every stream reports
 * to the job's progress line, is closed when the user cancels, and, for extraction, is checked
 * against the layer's diff id as it streams.
 */
final class SourceLayerContents implements LayerContents {
  private final ImageSource source;
  private final CliEnvironment env;

  SourceLayerContents(ImageSource source, CliEnvironment env) {
    this.source = source;
    this.env = env;
  }

  @Override
  public Optional<String> unavailable() {
    Reopening reopening = source.reopening();
    return reopening.reopener().isPresent() ? Optional.empty() : Optional.of(reopening.whyNot());
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

  /** The source's reopener, its streams reporting to {@code job} and closed on its cancel. */
  private LayerOpener opener(LayerJob job) throws ImageReadException {
    Reopening reopening = source.reopening();
    LayerReopener reopener =
        reopening.reopener().orElseThrow(() -> new ImageReadException(reopening.whyNot()));
    LoadListener listener =
        new LoadListener() {
          @Override
          public void phase(String description) {
            job.phase(description);
          }

          @Override
          public void progress(long done, long total, int layersDone, int layersTotal) {
            job.progress(done, total);
          }
        };
    return layer -> cancellable(reopener.open(layer, listener), job);
  }

  /**
   * A stream that stops at the next read once the job is cancelled, and is closed by the cancel.
   */
  private static InputStream cancellable(InputStream in, LayerJob job) {
    job.onCancel(in);
    return new FilterInputStream(in) {
      @Override
      public int read() throws IOException {
        if (job.isCancelled()) throw new InterruptedIOException("cancelled");
        return super.read();
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (job.isCancelled()) throw new InterruptedIOException("cancelled");
        return super.read(b, off, len);
      }

      @Override
      public long skip(long n) throws IOException {
        if (job.isCancelled()) throw new InterruptedIOException("cancelled");
        return super.skip(n);
      }
    };
  }
}
