package io.layerdive.ui;

import static io.layerdive.ui.Focus.IMAGE_DETAILS;
import static io.layerdive.ui.Focus.LAYERS;
import static io.layerdive.ui.Focus.LAYER_DETAILS;
import static io.layerdive.ui.Focus.TREE;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The explorer's commands, with dive's configuration names where dive has the command, the label
 * the status bar shows (none for plain navigation), the sentence the help window shows, the panes
 * where the command's keys work, and its default keys (dive's first, then ours).
 */
public enum Command implements Action {
  QUIT("quit", "Quit", "Quit", everywhere(), "ctrl+c", "q"),
  TOGGLE_VIEW(
      "toggle-view",
      "Switch view",
      "Switch between the layer list and the file tree",
      everywhere(),
      "tab"),
  FILTER_FILES(
      "filter-files",
      "Filter",
      "Filter paths by a regular expression (>10MB at its end: larger files only); again closes it",
      everywhere(),
      "ctrl+f",
      "ctrl+slash",
      "/"),
  CLOSE(
      "close-filter-files",
      null,
      "Close the filter (clearing it), the find line or a window",
      everywhere(),
      "esc"),
  HELP("help", "Help", "Show this list of keys", everywhere(), "?"),
  UP("up", null, "Move up", everywhere(), "up", "k"),
  DOWN("down", null, "Move down", everywhere(), "down", "j"),
  LEFT(
      "left",
      null,
      "File tree: go to the parent directory; left column: previous pane",
      everywhere(),
      "left",
      "h"),
  RIGHT(
      "right",
      null,
      "File tree: open the directory and step into it; left column: next pane",
      everywhere(),
      "right",
      "l"),
  PAGE_UP("page-up", null, "Page up", everywhere(), "pgup", "u"),
  PAGE_DOWN("page-down", null, "Page down", everywhere(), "pgdn", "d"),
  FIRST("first", null, "Go to the first row", everywhere(), "home", "g"),
  LAST("last", null, "Go to the last row", everywhere(), "end", "G"),
  COMPARE_LAYER(
      "compare-layer",
      "Show layer changes",
      "Colour the changes the selected layer makes",
      EnumSet.of(LAYERS),
      "ctrl+l"),
  COMPARE_ALL(
      "compare-all",
      "Show aggregated changes",
      "Colour every change since the base layer, up to the selected layer",
      EnumSet.of(LAYERS),
      "ctrl+a"),
  TOGGLE_ADDED_FILES(
      "toggle-added-files", "Added", "Show or hide added files", EnumSet.of(TREE), "ctrl+a"),
  TOGGLE_REMOVED_FILES(
      "toggle-removed-files", "Removed", "Show or hide removed files", EnumSet.of(TREE), "ctrl+r"),
  // Terminals send Ctrl+M as Enter, so dive's key rarely arrives: Ctrl+K comes first.
  TOGGLE_MODIFIED_FILES(
      "toggle-modified-files",
      "Modified",
      "Show or hide modified files",
      EnumSet.of(TREE),
      "ctrl+k",
      "ctrl+m"),
  TOGGLE_UNMODIFIED_FILES(
      "toggle-unmodified-files",
      "Unmodified",
      "Show or hide unmodified files",
      EnumSet.of(TREE),
      "ctrl+u"),
  TOGGLE_FILETREE_ATTRIBUTES(
      "toggle-filetree-attributes",
      "Attributes",
      "Show or hide the permission, owner and size columns",
      EnumSet.of(TREE),
      "ctrl+b"),
  TOGGLE_SORT_ORDER(
      "toggle-sort-order",
      "Sort by size",
      "Sort each directory by size (largest first) or by name",
      EnumSet.of(TREE),
      "ctrl+o"),
  TOGGLE_WRAP_TREE(
      "toggle-wrap-tree", "Wrap", "Wrap long rows of the file tree", EnumSet.of(TREE), "ctrl+p"),
  TOGGLE_COLLAPSE_DIR(
      "toggle-collapse-dir",
      "Collapse dir",
      "Collapse or expand the selected directory",
      EnumSet.of(TREE),
      "space"),
  TOGGLE_COLLAPSE_ALL_DIR(
      "toggle-collapse-all-dir",
      "Collapse all dir",
      "Collapse or expand every directory",
      EnumSet.of(TREE),
      "ctrl+space"),
  FIND_FILE(
      "find-file",
      "Find",
      "Find a file whose name contains the typed text, opening directories",
      EnumSet.of(TREE, LAYERS),
      "f"),
  FIND_NEXT("find-next", null, "Next file matching the find text", EnumSet.of(TREE, LAYERS), "n"),
  FIND_PREVIOUS(
      "find-previous", null, "Previous file matching the find text", EnumSet.of(TREE, LAYERS), "N"),
  NEXT_WASTED_FILE(
      "next-wasted-file",
      "Next wasted",
      "Jump to the next path that several layers wrote (wasted space)",
      EnumSet.of(TREE, LAYERS),
      "w"),
  PATH_HISTORY(
      "path-history",
      "Path layers",
      "List the layers that added, changed or removed the selected path",
      EnumSet.of(TREE, LAYERS),
      "i"),
  ADVICE(
      "advice",
      "Advice",
      "List what to change and what it saves; Enter goes to the item's layer and path",
      EnumSet.of(TREE, LAYERS),
      "a"),
  EXTRACT_FILE(
      "extract-file",
      null,
      "Extract the selected file or directory into a directory you name (as the tree shows it)",
      EnumSet.of(TREE, LAYERS),
      "ctrl+e",
      "x"),
  VIEW_FILE(
      "view-file",
      null,
      "View the selected text file (its first 64 KiB)",
      EnumSet.of(TREE, LAYERS),
      "v"),
  OPEN(
      "open",
      null,
      "Collapse or expand the selected directory; view the selected file",
      EnumSet.of(TREE),
      "enter"),
  COPY_PATH(
      "copy-path",
      null,
      "Copy the selected path to the clipboard (OSC 52: over SSH too)",
      EnumSet.of(TREE),
      "y"),
  /**
   * Enter in the filter or find line: keep it and return to the tree; in a window with a selection:
   * go where the selected line leads. Not configurable.
   */
  INPUT_ACCEPT(null, null, "Keep the filter or find text and return to the tree", Set.of()),
  /** Backspace in the filter or find line. Not configurable. */
  INPUT_BACKSPACE(null, null, "Delete the last character of the filter or find text", Set.of());

  private final String configName;
  private final String label;
  private final String description;
  private final Set<Focus> panes;
  private final List<String> defaultKeys;

  Command(String configName, String label, String description, Set<Focus> panes, String... keys) {
    this.configName = configName;
    this.label = label;
    this.description = description;
    this.panes = panes.isEmpty() ? Set.of() : EnumSet.copyOf(panes);
    this.defaultKeys = List.of(keys);
  }

  private static Set<Focus> everywhere() {
    return EnumSet.of(LAYERS, LAYER_DETAILS, IMAGE_DETAILS, TREE);
  }

  /** The name in a key binding file (dive's where dive has it), or null when not configurable. */
  public String configName() {
    return configName;
  }

  /** What the status bar calls it, or null when it is not shown there. */
  public String label() {
    return label;
  }

  public String description() {
    return description;
  }

  /** The panes where its keys work. */
  public Set<Focus> panes() {
    return panes;
  }

  /** Works in every pane. */
  public boolean isGlobal() {
    return panes.size() == Focus.values().length;
  }

  /** Canonical key names, the one the status bar shows first. */
  public List<String> defaultKeys() {
    return defaultKeys;
  }
}
