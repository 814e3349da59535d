package io.layerdive.ui.lanterna;

import io.layerdive.image.Digest;
import io.layerdive.image.Layer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Runs the explorer on this terminal with a fake loader and model: for trying it by hand. */
final class ManualExplorer {
  public static void main(String[] args) {
    TerminalCapabilities capabilities = TerminalDetector.detect(false);
    if (!capabilities.canShowFullScreen()) {
      System.out.println(capabilities.refusal().get());
      return;
    }
    long loadMillis = args.length > 0 ? Long.parseLong(args[0]) : 2000;
    ExplorerResult result =
        new Explorer(capabilities, true)
            .run(
                "docker://example:latest",
                progress -> {
                  progress.phase("Exporting image");
                  List<Layer> layers = new ArrayList<>();
                  for (int i = 0; i < 4; i++) {
                    layers.add(
                        new Layer(i, "l" + i, Digest.parse("sha256:" + String.valueOf((char) ('a' + i)).repeat(64)),
                            Optional.empty(), "/bin/sh -c step " + i, 1_000_000L * (i + 1), -1));
                  }
                  progress.layersKnown(layers);
                  long total = 10_000_000;
                  for (int step = 0; step <= 20; step++) {
                    progress.progress(total * step / 20, total, step / 5, 4);
                    Thread.sleep(loadMillis / 20);
                  }
                  System.err.println("a stray warning from a library");
                  if (args.length > 1) throw new IllegalStateException("example: loading failed (on purpose)");
                  return null;
                },
                image -> new FakeModel());
    System.out.println("ending: " + result.ending());
    result.failure().ifPresent(f -> System.out.println("failure: " + f.getMessage()));
    System.out.print("stray: " + result.strayOutput());
  }
}
