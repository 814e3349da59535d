package io.layerdive.source.daemon;

/**
 * One step of an image's history as the daemon's history endpoint reports it.
 *
 * @param sizeBytes what the daemon counts for the step's layer (file contents, not tar bytes)
 */
public record HistoryEntry(String createdBy, long sizeBytes) {
  public HistoryEntry {
    createdBy = createdBy == null ? "" : createdBy;
  }
}
