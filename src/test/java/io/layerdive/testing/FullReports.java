package io.layerdive.testing;

import io.layerdive.analysis.ImageAnalysis;
import io.layerdive.analysis.ImageAnalyzer;
import io.layerdive.export.GoJson;
import io.layerdive.export.JsonReports;
import io.layerdive.image.Diagnostic;
import io.layerdive.source.ImageReadException;
import io.layerdive.source.ImageSource;
import io.layerdive.source.LoadListener;
import io.layerdive.source.LoadedImage;
import io.layerdive.tree.FrozenImages;
import io.layerdive.tree.ImageFiles;
import io.layerdive.tree.LayerStack;
import io.layerdive.tree.RawLayer;
import io.layerdive.tree.TreeBuilder;
import java.util.ArrayList;
import java.util.List;

/** The whole analysis of an image as the full JSON report, loaded as the command line loads it. */
public final class FullReports {
  private FullReports() {}

  public static String of(ImageSource source) throws ImageReadException {
    return of(source, FrozenImages.NONE);
  }

  /** As {@link #of(ImageSource)}, taking and keeping frozen files in {@code frozen}. */
  public static String of(ImageSource source, FrozenImages frozen) throws ImageReadException {
    return of(source, new TreeBuilder(frozen));
  }

  /** As {@link #of(ImageSource)}, through {@code receiver} (which hands on to {@code builder}). */
  public static String of(ImageSource source, TreeBuilder builder) throws ImageReadException {
    return of(source, builder, builder);
  }

  public static String of(
      ImageSource source, io.layerdive.image.LayerReceiver<RawLayer> receiver, TreeBuilder builder)
      throws ImageReadException {
    LoadedImage<RawLayer> loaded = source.load(receiver, LoadListener.NONE);
    ImageFiles files =
        builder.freeze(
            loaded.layerContents(),
            loaded.image().layers().stream().map(io.layerdive.image.Layer::diffId).toList());
    LayerStack stack = new LayerStack(files);
    ImageAnalysis analysis = ImageAnalyzer.analyze(loaded.image(), files);
    List<Diagnostic> diagnostics = new ArrayList<>(loaded.image().diagnostics());
    diagnostics.addAll(stack.diagnostics());
    return GoJson.toString(JsonReports.full(loaded.image(), files, analysis, diagnostics));
  }
}
