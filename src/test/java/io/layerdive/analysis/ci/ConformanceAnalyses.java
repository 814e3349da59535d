package io.layerdive.analysis.ci;

import io.layerdive.analysis.ImageAnalysis;
import io.layerdive.analysis.Inefficiency;
import java.util.List;

/** The figures dive gives for its own test images (shared/conformance/dive/README.md). */
final class ConformanceAnalyses {
  private ConformanceAnalyses() {}

  /**
   * test-docker-image.tar (§1a, §1b). Reclaimable bytes are ours, derived: the five 6405-byte
   * copies that no longer show in the final file system.
   */
  static ImageAnalysis testDockerImage() {
    return new ImageAnalysis(
        1_220_598,
        66_237,
        0.9844212134184309,
        32_025,
        List.of(
            new Inefficiency("/root/saved.txt", 2, 12_810, 6_405),
            new Inefficiency("/root/example/somefile1.txt", 2, 12_810, 6_405),
            new Inefficiency("/root/example/somefile3.txt", 2, 6_405, 0)),
        32_025,
        451);
  }

  /**
   * The image dive builds from image-multi-layer-dockerfile (§2): 131 wasted of 182 user bytes. The
   * efficiency is derived (Σ smallest 4,277,979 / Σ cumulative 4,278,076); dive shows it only as
   * "100.00 %".
   */
  static ImageAnalysis buildTestImage() {
    return new ImageAnalysis(
        4_278_076,
        182,
        4_277_979.0 / 4_278_076.0,
        131,
        List.of(
            new Inefficiency("/root/saved.txt", 3, 80, 17),
            new Inefficiency("/root/example/somefile1.txt", 2, 34, 17),
            new Inefficiency("/root/example/somefile3.txt", 2, 17, 0),
            new Inefficiency("/root", 2, 0, 0),
            new Inefficiency("/etc", 10, 0, 0)),
        97,
        0);
  }

  /** busybox:1.37.0, one layer (§3): nothing wasted, no user bytes. */
  static ImageAnalysis busybox() {
    return new ImageAnalysis(4_277_894, 0, 1.0, 0, List.of(), 0, 441);
  }
}
