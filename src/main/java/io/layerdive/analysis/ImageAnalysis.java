package io.layerdive.analysis;

import java.util.List;

/**
 * The figures dive prints for an image, and ours beside them.
 *
 * @param sizeBytes Σ layer sizes
 * @param userSizeBytes Σ layer sizes except the first
 * @param efficiency dive's score: Σ smallest size per path / Σ cumulative size per path
 * @param wastedBytes dive's "potential wasted space": Σ cumulative bytes of the inefficiencies
 * @param inefficiencies largest first, in dive's order
 * @param reclaimableBytes what removing the waste would really save: Σ layer sizes minus the size
 *     of the final file system (the copy you keep is not counted)
 * @param fileCount Σ per-layer node counts, as dive's "files:" figure
 */
public record ImageAnalysis(
    long sizeBytes,
    long userSizeBytes,
    double efficiency,
    long wastedBytes,
    List<Inefficiency> inefficiencies,
    long reclaimableBytes,
    long fileCount) {

  public ImageAnalysis {
    inefficiencies = List.copyOf(inefficiencies);
  }

  /** dive's wasted bytes over user bytes; NaN when the user size is 0, as in dive. */
  public double userWastedRatio() {
    return (double) wastedBytes / (double) userSizeBytes;
  }
}
