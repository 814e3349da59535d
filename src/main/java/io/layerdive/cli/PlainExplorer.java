package io.layerdive.cli;

import io.layerdive.export.PlainSummary;
import io.layerdive.ui.AnalyzedImage;
import io.layerdive.ui.ImageLoader;

/** Stands in for the terminal explorer where there is none: prints the plain summary. */
final class PlainExplorer implements Explorer {
  private final CliEnvironment env;

  PlainExplorer(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public void explore(ImageLoader loader, Settings settings) throws Exception {
    AnalyzedImage analyzed = loader.load(ImagePipeline.SILENT);
    env.out()
        .print(PlainSummary.render(analyzed.image(), analyzed.analysis(), analyzed.diagnostics()));
    env.out().flush();
  }
}
