package io.layerdive.source.daemon;

import io.layerdive.image.Digest;
import io.layerdive.image.Layer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The layer list a daemon gives before any export: diff ids from inspect, commands and sizes from
 * history. The history endpoint does not say which steps made a layer (the config's {@code
 * empty_layer} is not exposed), so steps are matched to layers the way builders write them.
 */
final class HistoryLayers {
  /** Instructions that only change the config; a classic builder marks them {@code #(nop)}. */
  private static final Pattern METADATA =
      Pattern.compile(
          "^(?:/bin/sh -c #\\(nop\\)\\s+(?!ADD |COPY )"
              + "|(?:ENV|CMD|LABEL|EXPOSE|ENTRYPOINT|USER|VOLUME|STOPSIGNAL|HEALTHCHECK|SHELL"
              + "|ONBUILD|ARG|MAINTAINER)\\b)");

  private HistoryLayers() {}

  /**
   * @param diffIds the image's layers, base first
   * @param history the history, oldest step first
   */
  static List<Layer> match(List<Digest> diffIds, List<HistoryEntry> history) {
    List<HistoryEntry> sized = new ArrayList<>();
    List<HistoryEntry> sizedOrMaybe = new ArrayList<>();
    for (HistoryEntry entry : history) {
      if (entry.sizeBytes() > 0) {
        sized.add(entry);
        sizedOrMaybe.add(entry);
      } else if (!METADATA.matcher(entry.createdBy()).find()) {
        sizedOrMaybe.add(entry);
      }
    }
    List<HistoryEntry> steps;
    if (sizedOrMaybe.size() == diffIds.size()) {
      steps = sizedOrMaybe;
    } else if (sized.size() == diffIds.size()) {
      steps = sized;
    } else {
      steps = null;
    }
    List<Layer> layers = new ArrayList<>(diffIds.size());
    for (int i = 0; i < diffIds.size(); i++) {
      HistoryEntry step = steps == null ? new HistoryEntry("", 0) : steps.get(i);
      layers.add(
          new Layer(i, "", diffIds.get(i), Optional.empty(), step.createdBy(), step.sizeBytes(), -1));
    }
    return layers;
  }
}
