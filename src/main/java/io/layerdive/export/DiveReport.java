package io.layerdive.export;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;

/**
 * dive's JSON export, key for key and in dive's key order: what {@code --json-format dive} writes,
 * and the first two keys of every {@link JsonReport}.
 */
@JsonPropertyOrder({"layer", "image"})
public record DiveReport(List<Layer> layer, Image image) {

  /**
   * One layer.
   *
   * @param id the first path component of the layer's tar in the archive
   * @param digestId the layer's diff id
   * @param command the history command, {@code /bin/sh -c } stripped, newlines kept
   * @param fileList every node of the layer's own tree, children before parents, root excluded
   */
  @JsonPropertyOrder({"index", "id", "digestId", "sizeBytes", "command", "fileList"})
  public record Layer(
      int index,
      String id,
      String digestId,
      long sizeBytes,
      String command,
      List<FileInfo> fileList) {}

  /**
   * A node of a layer's tree as dive records it from the tar header. A directory the layer implies
   * without an entry of its own has every field empty, path included.
   *
   * @param path the tar path without a leading slash; whiteouts keep their {@code .wh.} name
   * @param typeFlag the tar type flag as a character code: 48 ({@code '0'}) for files and whiteouts
   * @param fileMode Go's {@code os.FileMode}: permission bits plus 1<<31 for directories, …
   */
  @JsonPropertyOrder({"path", "typeFlag", "linkName", "size", "fileMode", "uid", "gid", "isDir"})
  public record FileInfo(
      String path,
      int typeFlag,
      String linkName,
      long size,
      long fileMode,
      int uid,
      int gid,
      @JsonProperty("isDir") boolean isDir) {

    static final FileInfo EMPTY = new FileInfo("", 0, "", 0, 0, 0, 0, false);
  }

  /**
   * The image's figures.
   *
   * @param inefficientBytes dive's wasted bytes: every copy of every inefficient path
   * @param fileReference the inefficient paths, largest first
   */
  @JsonPropertyOrder({"sizeBytes", "inefficientBytes", "efficiencyScore", "fileReference"})
  public record Image(
      long sizeBytes,
      long inefficientBytes,
      @JsonSerialize(using = GoFloatSerializer.class) double efficiencyScore,
      List<FileReference> fileReference) {}

  /**
   * A path found in more than one layer.
   *
   * @param sizeBytes Σ of its size over those layers
   * @param file the absolute path
   */
  @JsonPropertyOrder({"count", "sizeBytes", "file"})
  public record FileReference(int count, long sizeBytes, String file) {}
}
