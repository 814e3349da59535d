package io.layerdive.export;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;

/**
 * The full JSON report: dive's two keys first, so that a consumer of dive's export reads it
 * unchanged, then ours. Within one {@link #SCHEMA_VERSION} keys are only ever added, never renamed,
 * removed or given another meaning.
 */
@JsonPropertyOrder({"layer", "image", "schemaVersion", "analysis"})
public record JsonReport(
    List<DiveReport.Layer> layer, DiveReport.Image image, String schemaVersion, Analysis analysis) {

  public static final String SCHEMA_VERSION = "1";

  /**
   * What dive does not export.
   *
   * @param imageName what the user asked for (a path, a reference)
   * @param userSizeBytes Σ layer sizes except the first
   * @param userWastedRatio dive's wasted bytes over user bytes (its "userWastedPercent" as a
   *     ratio); null when there are no user bytes
   * @param reclaimableBytes what removing the waste would really save: Σ layer sizes minus the
   *     final file system (unlike dive's wasted bytes, the copy you keep is not counted)
   * @param fileCount Σ per-layer node counts (dive's "files:" figure)
   * @param diagnostics oddities met reading and stacking the layers, in the order found
   * @param advice what to change in the Dockerfile, and what it saves
   */
  @JsonPropertyOrder({
    "imageName",
    "userSizeBytes",
    "userWastedRatio",
    "reclaimableBytes",
    "fileCount",
    "layers",
    "diagnostics",
    "advice"
  })
  public record Analysis(
      String imageName,
      long userSizeBytes,
      @JsonSerialize(using = GoFloatSerializer.class) Double userWastedRatio,
      long reclaimableBytes,
      long fileCount,
      List<LayerFacts> layers,
      List<DiagnosticEntry> diagnostics,
      AdviceSection advice) {}

  /**
   * The advice: items largest first, and the layer merges worth making.
   *
   * @param totalBytesSaved Σ of the items' {@code bytesSaved}; merges save the same bytes another
   *     way and are not added to it
   */
  @JsonPropertyOrder({"totalBytesSaved", "items", "layerMerges"})
  public record AdviceSection(
      long totalBytesSaved, List<AdviceItem> items, List<LayerMergeEntry> layerMerges) {}

  /**
   * One thing to change.
   *
   * @param kind the advice kind, e.g. {@code REMOVED_LATER}
   * @param exact whether {@code bytesSaved} is exact arithmetic or an estimate
   * @param layers the layer indexes involved, lowest first
   * @param files how many files the item covers
   * @param examples the largest paths involved, largest first (at most five)
   */
  @JsonPropertyOrder({
    "kind",
    "problem",
    "change",
    "bytesSaved",
    "exact",
    "layers",
    "files",
    "examples"
  })
  public record AdviceItem(
      String kind,
      String problem,
      String change,
      long bytesSaved,
      boolean exact,
      List<Integer> layers,
      int files,
      List<String> examples) {}

  /** Merging layers {@code from..to} into one RUN: their bytes now, merged, and the difference. */
  @JsonPropertyOrder({"from", "to", "currentBytes", "mergedBytes", "savedBytes"})
  public record LayerMergeEntry(
      int from, int to, long currentBytes, long mergedBytes, long savedBytes) {}

  /**
   * Per-layer facts beside dive's.
   *
   * @param diffId digest of the uncompressed layer tar
   * @param blobDigest digest of the layer as stored; null when the source does not know it
   * @param compressedSizeBytes size of the stored blob; null when the source does not know it
   * @param fileCount nodes of the layer's own tree, implied directories included
   */
  @JsonPropertyOrder({"index", "diffId", "blobDigest", "compressedSizeBytes", "fileCount"})
  public record LayerFacts(
      int index, String diffId, String blobDigest, Long compressedSizeBytes, int fileCount) {}

  /** One oddity: what it is about, and what is odd. */
  @JsonPropertyOrder({"subject", "message"})
  public record DiagnosticEntry(String subject, String message) {}
}
