package io.layerdive.source;

import java.util.ArrayList;
import java.util.List;

/** The parts of an image config (OCI or Docker) a source needs. */
public record ImageConfigJson(
    String architecture, String os, String variant, List<HistoryJson> history, RootFsJson rootfs) {

  /** What dive shows for a layer the history does not describe. */
  public static final String MISSING_COMMAND = "(missing)";

  public ImageConfigJson {
    history = history == null ? List.of() : List.copyOf(history);
    rootfs = rootfs == null ? new RootFsJson(null, List.of()) : rootfs;
  }

  /** True when this looks like an image config rather than some other JSON. */
  public boolean hasLayers() {
    return "layers".equals(rootfs.type());
  }

  /**
   * The command of each of {@code layerCount} layers, as dive pairs them: history entries marked
   * {@code empty_layer} are skipped, the others go to the layers in order, and layers left over get
   * {@value #MISSING_COMMAND}. A history entry without {@code created_by} gives "".
   */
  public List<String> layerCommands(int layerCount) {
    List<String> commands = new ArrayList<>(layerCount);
    int next = 0;
    for (int layer = 0; layer < layerCount; layer++) {
      while (next < history.size() && history.get(next).emptyLayer()) next++;
      if (next < history.size()) {
        String cmd = history.get(next).createdBy();
        commands.add(cmd == null ? "" : cmd);
        next++;
      } else {
        commands.add(MISSING_COMMAND);
      }
    }
    return commands;
  }
}
