package io.layerdive.source.registry;

import io.layerdive.analysis.ImageAnalysis;
import io.layerdive.analysis.ImageAnalyzer;
import io.layerdive.image.Layer;
import io.layerdive.source.ImageReadException;
import io.layerdive.source.ImageReference;
import io.layerdive.source.LoadListener;
import io.layerdive.source.LoadedImage;
import io.layerdive.source.Platform;
import io.layerdive.tree.ImageFiles;
import io.layerdive.tree.RawLayer;
import io.layerdive.tree.TreeBuilder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Loads an image through the registry source into trees and figures, recording the progress. */
final class Loads {
  static final Platform MACHINE = Platform.parse("linux/amd64");

  private Loads() {}

  record Loaded(LoadedImage<RawLayer> image, ImageAnalysis analysis, Recorder recorder) {}

  record Progress(long bytesDone, long bytesTotal, int layersDone, int layersTotal) {}

  /** What the source told while loading. */
  static final class Recorder implements LoadListener {
    final List<String> phases = Collections.synchronizedList(new ArrayList<>());
    final List<Layer> known = Collections.synchronizedList(new ArrayList<>());
    final List<Progress> progress = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void phase(String description) {
      phases.add(description);
    }

    @Override
    public void layersKnown(List<Layer> layers) {
      known.addAll(layers);
    }

    @Override
    public synchronized void progress(
        long bytesDone, long bytesTotal, int layersDone, int layersTotal) {
      progress.add(new Progress(bytesDone, bytesTotal, layersDone, layersTotal));
    }
  }

  static Loaded load(String reference, RegistryOptions options) throws ImageReadException {
    return load(reference, options, new Recorder());
  }

  static Loaded load(String reference, RegistryOptions options, Recorder recorder)
      throws ImageReadException {
    return load(reference, options, recorder, new TestLayerReader());
  }

  static Loaded load(
      String reference, RegistryOptions options, Recorder recorder, LayerStreamReader reader)
      throws ImageReadException {
    TreeBuilder builder = new TreeBuilder();
    RegistrySource source =
        new RegistrySource(ImageReference.parse(reference), options, reader, MACHINE);
    LoadedImage<RawLayer> image = source.load(builder, recorder);
    ImageFiles files = builder.freeze(image.layerContents());
    return new Loaded(image, ImageAnalyzer.analyze(image.image(), files), recorder);
  }
}
