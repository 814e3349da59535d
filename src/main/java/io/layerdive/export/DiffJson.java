package io.layerdive.export;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * {@code layerdive diff --json}: how two images differ. Within one {@link #SCHEMA_VERSION} keys are
 * only ever added.
 *
 * @param imageDeltaBytes after's image size minus before's
 * @param filesTruncated whether {@code files} holds fewer entries than the counts say
 * @param files files added, removed and changed, largest change first
 * @param directories directories (three levels deep at most) whose bytes changed most
 */
@JsonPropertyOrder({
  "schemaVersion",
  "before",
  "after",
  "imageDeltaBytes",
  "addedFiles",
  "removedFiles",
  "changedFiles",
  "filesTruncated",
  "files",
  "directories",
  "layers"
})
public record DiffJson(
    String schemaVersion,
    Side before,
    Side after,
    long imageDeltaBytes,
    int addedFiles,
    int removedFiles,
    int changedFiles,
    boolean filesTruncated,
    List<FileEntry> files,
    List<DirectoryEntry> directories,
    List<LayerEntry> layers) {

  public static final String SCHEMA_VERSION = "1";

  /** One image: its name, Σ layer sizes and the bytes of its final file system. */
  @JsonPropertyOrder({"name", "imageBytes", "fileSystemBytes"})
  public record Side(String name, long imageBytes, long fileSystemBytes) {}

  /** A file that differs; {@code kind} is ADDED, REMOVED or CHANGED. */
  @JsonPropertyOrder({"path", "kind", "beforeBytes", "afterBytes", "deltaBytes"})
  public record FileEntry(
      String path, String kind, long beforeBytes, long afterBytes, long deltaBytes) {}

  /** The bytes below one directory in both images. */
  @JsonPropertyOrder({"path", "beforeBytes", "afterBytes", "deltaBytes"})
  public record DirectoryEntry(String path, long beforeBytes, long afterBytes, long deltaBytes) {}

  /** The layers at one index; a side is null when that image has fewer layers. */
  @JsonPropertyOrder({"index", "shared", "before", "after"})
  public record LayerEntry(int index, boolean shared, LayerSide before, LayerSide after) {}

  /** One layer: its diff id, size and command. */
  @JsonPropertyOrder({"diffId", "sizeBytes", "command"})
  public record LayerSide(String diffId, long sizeBytes, String command) {}
}
