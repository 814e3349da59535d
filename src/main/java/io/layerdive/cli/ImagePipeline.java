package io.layerdive.cli;

import io.layerdive.analysis.ImageAnalysis;
import io.layerdive.analysis.ImageAnalyzer;
import io.layerdive.image.Diagnostic;
import io.layerdive.image.Image;
import io.layerdive.image.Layer;
import io.layerdive.source.ImageReadException;
import io.layerdive.source.ImageSource;
import io.layerdive.source.LoadListener;
import io.layerdive.source.LoadedImage;
import io.layerdive.tree.FrozenImages;
import io.layerdive.tree.ImageFiles;
import io.layerdive.tree.LayerStack;
import io.layerdive.tree.RawLayer;
import io.layerdive.tree.TreeBuilder;
import io.layerdive.ui.AnalyzedImage;
import io.layerdive.ui.ImageLoader;
import io.layerdive.ui.LayerContents;
import io.layerdive.ui.LoadProgress;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one image and analyses it: the source streams the layers into a {@link TreeBuilder}, the
 * trees are frozen and stacked, the figures computed. Every front end loads through here.
 */
final class ImagePipeline implements ImageLoader {
  /** Progress for front ends that show none. */
  static final LoadProgress SILENT =
      new LoadProgress() {
        @Override
        public void phase(String description) {}

        @Override
        public void layersKnown(List<Layer> layers) {}

        @Override
        public void progress(long bytesDone, long bytesTotal, int layersDone, int layersTotal) {}
      };

  private final ImageSource source;
  private final boolean strict;
  private final LayerContents contents;
  private final FrozenImages frozen;

  /**
   * @param strict whether a diagnostic makes the image unreadable ({@code --strict})
   */
  ImagePipeline(ImageSource source, boolean strict) {
    this(source, strict, null, FrozenImages.NONE);
  }

  /**
   * @param contents how the explorer reads the layers again; null when it cannot
   */
  ImagePipeline(ImageSource source, boolean strict, LayerContents contents) {
    this(source, strict, contents, FrozenImages.NONE);
  }

  /**
   * @param contents how the explorer reads the layers again; null when it cannot
   * @param frozen where the frozen files of images opened before are kept (the layer cache)
   */
  ImagePipeline(
      ImageSource source, boolean strict, LayerContents contents, FrozenImages frozen) {
    this.source = source;
    this.strict = strict;
    this.contents = contents;
    this.frozen = frozen;
  }

  @Override
  public AnalyzedImage load(LoadProgress progress) throws ImageReadException {
    TreeBuilder builder = new TreeBuilder(frozen);
    LoadedImage<RawLayer> loaded = source.load(builder, new Listener(progress));
    Image image = loaded.image();
    progress.phase("Stacking layers");
    ImageFiles files =
        builder.freeze(
            loaded.layerContents(), image.layers().stream().map(Layer::diffId).toList());
    LayerStack stack = new LayerStack(files);
    progress.phase("Analyzing image");
    ImageAnalysis analysis = ImageAnalyzer.analyze(image, files);
    List<Diagnostic> diagnostics = new ArrayList<>(image.diagnostics());
    diagnostics.addAll(stack.diagnostics());
    if (strict && !diagnostics.isEmpty()) {
      throw new ImageReadException(strictMessage(image.name(), diagnostics));
    }
    return contents == null
        ? new AnalyzedImage(image, stack, analysis, diagnostics)
        : new AnalyzedImage(image, stack, analysis, diagnostics, contents);
  }

  private static String strictMessage(String name, List<Diagnostic> diagnostics) {
    String first = diagnostics.get(0).toString();
    int more = diagnostics.size() - 1;
    return name
        + ": "
        + first
        + (more > 0 ? " (and " + more + " more diagnostic" + (more > 1 ? "s" : "") + ")" : "")
        + "; --strict makes diagnostics fatal";
  }

  /** The source's progress, passed on to the front end's. */
  private static final class Listener implements LoadListener {
    private final LoadProgress progress;

    Listener(LoadProgress progress) {
      this.progress = progress;
    }

    @Override
    public void phase(String description) {
      progress.phase(description);
    }

    @Override
    public void layersKnown(List<Layer> layers) {
      progress.layersKnown(layers);
    }

    @Override
    public void progress(long bytesDone, long bytesTotal, int layersDone, int layersTotal) {
      progress.progress(bytesDone, bytesTotal, layersDone, layersTotal);
    }
  }
}
