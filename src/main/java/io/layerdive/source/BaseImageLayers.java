package io.layerdive.source;

import java.util.List;
import java.util.regex.Pattern;

/**
 * How many of an image's leading layers its base image (the final stage's {@code FROM}) gave, told
 * from the config's history.
 *
 * <p>The heuristic: a base image almost always ends with {@code CMD} or {@code ENTRYPOINT}, a step
 * that only changes the config ({@code empty_layer}). The last such step that is followed by a
 * step creating a layer marks where the base ends; the layers created before it are the base's.
 * Requiring a layer after it keeps a user Dockerfile's own closing {@code CMD} from counting. When
 * no step marks the end, the base is layer 0 alone.
 *
 * <p>Limits: a base without {@code CMD}/{@code ENTRYPOINT} (a {@code FROM scratch} base, some
 * minimal images) counts as layer 0 alone, so more of it may be treated as the user's; a
 * Dockerfile that sets {@code CMD} or {@code ENTRYPOINT} before its last {@code RUN}/{@code COPY}
 * makes the steps before that count as base; history squashed or rewritten by a tool cannot be
 * told apart at all.
 */
public final class BaseImageLayers {
  /** {@code CMD}/{@code ENTRYPOINT} as the classic builder ({@code #(nop)}) and BuildKit write it. */
  private static final Pattern END_OF_BASE =
      Pattern.compile("^(?:/bin/sh -c #\\(nop\\)\\s+)?(?:CMD|ENTRYPOINT)\\b");

  private BaseImageLayers() {}

  /**
   * @param history the config's history, oldest step first
   * @param layerCount the image's layers
   * @return between 1 and {@code layerCount} (0 only for an image without layers)
   */
  public static int count(List<HistoryJson> history, int layerCount) {
    if (layerCount <= 0) return 0;
    int lastLayerStep = -1;
    for (int i = 0; i < history.size(); i++) {
      if (!history.get(i).emptyLayer()) lastLayerStep = i;
    }
    int end = -1;
    for (int i = lastLayerStep - 1; i >= 0; i--) {
      HistoryJson step = history.get(i);
      if (step.emptyLayer() && isEndOfBase(step.createdBy())) {
        end = i;
        break;
      }
    }
    int layers = 0;
    for (int i = 0; i < end; i++) {
      if (!history.get(i).emptyLayer()) layers++;
    }
    return Math.max(1, Math.min(layers, layerCount));
  }

  /** True for a {@code CMD} or {@code ENTRYPOINT} step's {@code created_by}. */
  public static boolean isEndOfBase(String createdBy) {
    return createdBy != null && END_OF_BASE.matcher(createdBy.strip()).find();
  }
}
