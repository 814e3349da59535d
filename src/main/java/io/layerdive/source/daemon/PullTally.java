package io.layerdive.source.daemon;

import io.layerdive.bytes.HumanBytes;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sums the per-layer messages of a pull into one line: layers done of all, bytes downloaded of all
 * known. The daemon reports each layer separately ("Downloading", "Extracting", "Pull complete").
 */
final class PullTally {
  private final String subject;
  private final Map<String, LayerState> layers = new LinkedHashMap<>();
  private String lastStatus = "";

  private static final class LayerState {
    long downloaded;
    long total;
    boolean done;
  }

  /** @param subject "Pulling app:1 into the Docker daemon" */
  PullTally(String subject) {
    this.subject = subject;
  }

  /** One message of the pull stream; {@code id} is a layer's short id, or the tag for overall ones. */
  void accept(String id, String status, Long current, Long total) {
    String s = status == null ? "" : status;
    if (id == null || id.isEmpty() || s.startsWith("Pulling from") || s.startsWith("Digest:")
        || s.startsWith("Status:")) {
      if (!s.isEmpty()) {
        lastStatus = s;
      }
      return;
    }
    LayerState layer = layers.computeIfAbsent(id, k -> new LayerState());
    switch (s) {
      case "Downloading" -> {
        if (total != null && total > 0) {
          layer.total = total;
        }
        if (current != null) {
          layer.downloaded = current;
        }
      }
      case "Download complete", "Verifying Checksum" -> layer.downloaded = layer.total;
      case "Pull complete", "Already exists" -> {
        layer.downloaded = layer.total;
        layer.done = true;
      }
      default -> {}
    }
  }

  String describe() {
    if (layers.isEmpty()) {
      return lastStatus.isEmpty() ? subject : subject + ": " + lastStatus;
    }
    int done = 0;
    long downloaded = 0;
    long total = 0;
    for (LayerState layer : layers.values()) {
      if (layer.done) {
        done++;
      }
      downloaded += layer.downloaded;
      total += layer.total;
    }
    StringBuilder sb = new StringBuilder(subject).append(": ")
        .append(done).append(" of ").append(layers.size()).append(" layers");
    if (total > 0) {
      sb.append(", ").append(HumanBytes.format(downloaded)).append(" of ")
          .append(HumanBytes.format(total)).append(" downloaded");
    }
    return sb.toString();
  }
}
