package io.layerdive.ui;

import io.layerdive.image.FileType;
import io.layerdive.text.DisplayWidth;
import io.layerdive.tree.ChangeKind;
import io.layerdive.tree.FileTree;
import io.layerdive.tree.PathTrie;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The file tree pane: the tree of the selected layer and compare mode, which of its nodes are rows
 * (collapsed directories, hidden change kinds, path filter), the sort order, the cursor and the
 * viewport. Confined to the UI thread, except that a filter over a large image is matched on a
 * background {@link Executor} while the previous rows stay on screen.
 *
 * <p>View state is kept by trie node, and trie nodes are the image's paths: collapsing {@code /usr}
 * holds in every layer. Rows are a flat array rebuilt in O(nodes) only when what is shown changes
 * (see {@link TreeRows}); cursor moves and scrolling touch the visible rows only.
 */
public final class FileTreeModel {
  /** Below this many paths a filter is matched at once, on the calling thread. */
  static final int ASYNC_FILTER_FROM_NODES = 200_000;

  private static final String ATTRIBUTE_HEADER =
      String.format("%s%s %11s %10s  %s", "P", "ermission", "UID:GID", "Size", "Filetree");
  private static final int MIN_ATTRIBUTE_WIDTH = 60;
  private static final int FILTER_CACHE = 16;

  private final BitSet collapsed = new BitSet();
  private final boolean[] hiddenKinds = new boolean[ChangeKind.values().length];
  private final BitSet wasted = new BitSet();
  private final Executor filterExecutor;
  private Runnable onFilterReady = () -> {};

  private boolean allCollapsed;
  private TreeRows.Order order = TreeRows.Order.BY_NAME;
  private boolean attributes = true;
  private boolean constrained;
  private boolean wrap;
  private boolean wastedMarker = true;

  private String filterText = "";
  private long[] filterMatch;
  private long largerThan;
  private String filterError;
  private volatile int filterGeneration;
  private volatile FilterResult pendingFilter;
  private boolean filterPending;
  private final Map<String, long[]> filterCache =
      new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, long[]> eldest) {
          return size() > FILTER_CACHE;
        }
      };

  private FileTree tree;
  private TreeRows rows = TreeRows.empty();
  private int cursorNode = -1;
  private int cursorRow;
  private int top;
  private int viewportHeight = 20;
  private int width = 120;

  private record FilterResult(int generation, String text, long[] match) {}

  /**
   * @param filterExecutor where large filters are matched, or null to match every filter at once
   */
  public FileTreeModel(Executor filterExecutor) {
    this.filterExecutor = filterExecutor;
  }

  /** Called on the background thread when a filter result is ready to {@link #adoptFilter}. */
  void onFilterReady(Runnable callback) {
    this.onFilterReady = callback;
  }

  /** Shows another tree (layer or compare mode), keeping collapsed paths, hidden kinds, filter. */
  public void showTree(FileTree next) {
    this.tree = next;
    rebuild();
  }

  public FileTree tree() {
    return tree;
  }

  /** Paths dive counts as wasted space, marked in the rows. */
  void markWasted(BitSet nodes) {
    wasted.clear();
    wasted.or(nodes);
  }

  // ---- what is shown

  public int rowCount() {
    return rows.count();
  }

  /** The trie node of a row. */
  public int nodeAt(int row) {
    return rows.node(row);
  }

  public int cursorRow() {
    return cursorRow;
  }

  /** The node under the cursor, or -1 when the tree shows no rows. */
  public int cursorNode() {
    return rows.count() == 0 ? -1 : cursorNode;
  }

  /** The first row in the viewport. */
  public int top() {
    return top;
  }

  public int viewportHeight() {
    return viewportHeight;
  }

  public boolean isHidden(ChangeKind kind) {
    return hiddenKinds[kind.ordinal()];
  }

  public boolean sortsBySize() {
    return order == TreeRows.Order.BY_SIZE;
  }

  /** Whether the attribute columns are on (as the user set them, whatever the width). */
  public boolean showsAttributes() {
    return attributes;
  }

  /** Whether the attribute columns are drawn: on, and the pane is wide enough. */
  public boolean drawsAttributes() {
    return attributes && !constrained;
  }

  public boolean wraps() {
    return wrap;
  }

  public void setWastedMarker(boolean on) {
    this.wastedMarker = on;
  }

  // ---- the viewport

  /** Sets the pane's size: the rows it shows and its width in columns. */
  public void setViewport(int rowsShown, int columns) {
    this.viewportHeight = Math.max(1, rowsShown);
    this.width = Math.max(1, columns);
    keepCursorVisible();
  }

  /** Narrow panes hide the attribute columns, as dive does below 60 columns. */
  void setPaneWidth(int columns) {
    constrained = columns < MIN_ATTRIBUTE_WIDTH;
  }

  // ---- cursor

  public void cursorDown() {
    moveCursorTo(cursorRow + 1);
  }

  public void cursorUp() {
    moveCursorTo(cursorRow - 1);
  }

  public void cursorBy(int delta) {
    moveCursorTo(cursorRow + delta);
  }

  public void first() {
    moveCursorTo(0);
  }

  public void last() {
    moveCursorTo(rows.count() - 1);
  }

  /** Moves the viewport a page down and the cursor with it. */
  public void pageDown() {
    int count = rows.count();
    if (count == 0) return;
    top = Math.max(0, Math.min(top + viewportHeight, count - viewportHeight));
    cursorRow = Math.min(cursorRow + viewportHeight, count - 1);
    cursorNode = rows.node(cursorRow);
    keepCursorVisible();
  }

  public void pageUp() {
    int count = rows.count();
    if (count == 0) return;
    top = Math.max(0, top - viewportHeight);
    cursorRow = Math.max(0, cursorRow - viewportHeight);
    cursorNode = rows.node(cursorRow);
    keepCursorVisible();
  }

  /** Moves the cursor to a row, clamped; scrolls as needed. */
  public void moveCursorTo(int row) {
    int count = rows.count();
    if (count == 0) return;
    cursorRow = Math.max(0, Math.min(row, count - 1));
    cursorNode = rows.node(cursorRow);
    keepCursorVisible();
  }

  /** Left: to the parent directory's row. */
  public void cursorLeft() {
    if (rows.count() == 0) return;
    int parent = tree.trie().parent(cursorNode);
    if (parent <= PathTrie.ROOT) return;
    int row = rows.rowOfNearest(parent);
    if (row >= 0) moveCursorTo(row);
  }

  /** Right: opens the directory under the cursor and steps into it. */
  public void cursorRight() {
    if (rows.count() == 0 || !isDirectory(cursorNode) || !rows.hasVisibleChild(cursorNode)) return;
    if (collapsed.get(cursorNode)) {
      collapsed.clear(cursorNode);
      rebuild();
    }
    moveCursorTo(cursorRow + 1);
  }

  private boolean isDirectory(int node) {
    return tree != null && tree.type(node) == FileType.DIRECTORY;
  }

  // ---- what to show

  public void toggleCollapse() {
    if (rows.count() == 0 || !isDirectory(cursorNode)) return;
    collapsed.flip(cursorNode);
    rebuild();
  }

  /** Collapses every directory (cursor back to the top, as dive), or expands them all again. */
  public void toggleCollapseAll() {
    allCollapsed = !allCollapsed;
    if (allCollapsed) {
      PathTrie trie = tree == null ? null : tree.trie();
      if (trie != null) {
        for (int n = 1; n < trie.size(); n++) {
          if (trie.end(n) > n + 1) collapsed.set(n);
        }
      }
      cursorNode = -1;
      cursorRow = 0;
      top = 0;
    } else {
      collapsed.clear();
    }
    rebuild();
  }

  public void toggleHidden(ChangeKind kind) {
    hiddenKinds[kind.ordinal()] = !hiddenKinds[kind.ordinal()];
    rebuild();
  }

  public void toggleAttributes() {
    if (constrained) return;
    attributes = !attributes;
  }

  public void toggleSortOrder() {
    order = order == TreeRows.Order.BY_NAME ? TreeRows.Order.BY_SIZE : TreeRows.Order.BY_NAME;
    rebuild();
  }

  public void toggleWrap() {
    wrap = !wrap;
  }

  // ---- the path filter

  public String filterText() {
    return filterText;
  }

  /** Why the filter text is not a valid pattern, or null. */
  public String filterError() {
    return filterError;
  }

  /** Whether a filter is being matched in the background; the rows are the previous filter's. */
  public boolean filterPending() {
    return filterPending;
  }

  /**
   * Sets the filter as typed. Blank clears it; an invalid pattern keeps the rows of the last valid
   * one. Small images are matched at once; large ones in the background ({@link #adoptFilter}).
   */
  public void setFilter(String text) {
    filterText = text;
    int generation = ++filterGeneration;
    filterPending = false;
    FilterText parsed;
    try {
      parsed = FilterText.parse(text);
    } catch (IllegalArgumentException e) {
      filterError = e.getMessage();
      return;
    }
    String pattern = parsed.pattern();
    if (pattern.isEmpty()) {
      filterError = null;
      largerThan = parsed.largerThan();
      applyFilter(null);
      return;
    }
    Pattern compiled;
    try {
      compiled = Pattern.compile(pattern);
    } catch (PatternSyntaxException e) {
      filterError = e.getDescription();
      return;
    }
    filterError = null;
    largerThan = parsed.largerThan();
    if (tree == null) return;
    long[] cached = filterCache.get(pattern);
    if (cached != null) {
      applyFilter(cached);
      return;
    }
    PathTrie trie = tree.trie();
    if (filterExecutor == null || trie.size() < ASYNC_FILTER_FROM_NODES) {
      long[] match = PathFilter.match(trie, compiled, () -> false);
      filterCache.put(pattern, match);
      applyFilter(match);
      return;
    }
    filterPending = true;
    filterExecutor.execute(
        () -> {
          long[] match = PathFilter.match(trie, compiled, () -> filterGeneration != generation);
          if (match != null && filterGeneration == generation) {
            pendingFilter = new FilterResult(generation, pattern, match);
            onFilterReady.run();
          }
        });
  }

  /** Takes over a background filter result if it is still wanted; true when the rows changed. */
  public boolean adoptFilter() {
    FilterResult result = pendingFilter;
    if (result == null) return false;
    pendingFilter = null;
    if (result.generation() != filterGeneration) return false;
    filterPending = false;
    filterCache.put(result.text(), result.match());
    applyFilter(result.match());
    return true;
  }

  /** Forgets the matches of earlier filters (for measurements). */
  void clearFilterCache() {
    filterCache.clear();
  }

  private void applyFilter(long[] match) {
    filterMatch = match;
    rebuild();
  }

  // ---- jumps

  /**
   * Moves the cursor to {@code node}, opening collapsed directories above it; false when the node
   * is not in this tree or is hidden by the filter or a hidden change kind.
   */
  public boolean reveal(int node) {
    if (tree == null || node <= 0 || !rows.isVisible(node)) return false;
    PathTrie trie = tree.trie();
    boolean changed = false;
    for (int a = trie.parent(node); a > 0; a = trie.parent(a)) {
      if (collapsed.get(a)) {
        collapsed.clear(a);
        changed = true;
      }
    }
    if (changed) rebuild();
    int row = rows.rowOfNearest(node);
    if (row < 0) return false;
    moveCursorTo(row);
    return true;
  }

  /**
   * Jumps to the next (or previous) shown node after the cursor whose name contains {@code text}
   * (ignoring case unless the text has capitals), in path order, wrapping around, opening collapsed
   * directories; false when none does.
   */
  public boolean find(String text, boolean forward) {
    return findFrom(text, cursorNode(), forward, false);
  }

  /**
   * {@link #find} starting at {@code fromNode}, which is itself a candidate when {@code
   * includeFrom}.
   */
  public boolean findFrom(String text, int fromNode, boolean forward, boolean includeFrom) {
    if (tree == null || text.isEmpty()) return false;
    PathTrie trie = tree.trie();
    int n = trie.size();
    boolean ignoreCase = text.equals(text.toLowerCase(Locale.ROOT));
    int start = Math.max(fromNode, 0);
    int found;
    if (forward) {
      found = scanForward(trie, text, ignoreCase, includeFrom ? start : start + 1, n);
      if (found < 0) found = scanForward(trie, text, ignoreCase, 1, Math.min(start + 1, n));
    } else {
      found = scanBackward(trie, text, ignoreCase, includeFrom ? start : start - 1, 1);
      if (found < 0) found = scanBackward(trie, text, ignoreCase, n - 1, start);
    }
    return found > 0 && reveal(found);
  }

  /** Nodes {@code from} to {@code to - 1} in path order, skipping subtrees that do not show. */
  private int scanForward(PathTrie trie, String text, boolean ignoreCase, int from, int to) {
    for (int node = Math.max(from, 1); node < to; ) {
      if (!rows.isVisible(node)) {
        node = trie.end(node);
        continue;
      }
      if (contains(trie.name(node), text, ignoreCase)) return node;
      node++;
    }
    return -1;
  }

  private int scanBackward(PathTrie trie, String text, boolean ignoreCase, int from, int downTo) {
    for (int node = from; node >= Math.max(downTo, 1); node--) {
      if (rows.isVisible(node) && contains(trie.name(node), text, ignoreCase)) return node;
    }
    return -1;
  }

  private static boolean contains(String name, String text, boolean ignoreCase) {
    if (!ignoreCase) return name.contains(text);
    // Most names do not hold the first character at all: look for it before comparing more.
    char first = text.charAt(0);
    char upper = Character.toUpperCase(first);
    int max = name.length() - text.length();
    for (int i = 0; i <= max; i++) {
      char c = name.charAt(i);
      if ((c == first || c == upper || Character.toLowerCase(c) == first)
          && name.regionMatches(true, i, text, 0, text.length())) {
        return true;
      }
    }
    return false;
  }

  /** Jumps to the next wasted path after the cursor that this tree shows; false when none. */
  public boolean nextWasted() {
    if (tree == null || wasted.isEmpty()) return false;
    int start = Math.max(cursorNode, 0);
    for (int node = wasted.nextSetBit(start + 1); node >= 0; node = wasted.nextSetBit(node + 1)) {
      if (rows.isVisible(node)) return reveal(node);
    }
    for (int node = wasted.nextSetBit(0);
        node >= 0 && node <= start;
        node = wasted.nextSetBit(node + 1)) {
      if (rows.isVisible(node)) return reveal(node);
    }
    return false;
  }

  // ---- rows

  private void rebuild() {
    if (tree == null) {
      rows = TreeRows.empty();
    } else {
      rows =
          TreeRows.build(
              tree,
              new TreeRows.Settings(collapsed, hiddenKinds.clone(), filterMatch, largerThan, order),
              rows);
    }
    int count = rows.count();
    if (count == 0) {
      cursorRow = 0;
      top = 0;
      return;
    }
    int row = cursorNode > 0 ? rows.rowOfNearest(cursorNode) : -1;
    if (row < 0) row = Math.min(cursorRow, count - 1);
    cursorRow = row;
    cursorNode = rows.node(row);
    keepCursorVisible();
  }

  private void keepCursorVisible() {
    int count = rows.count();
    if (cursorRow < top) top = cursorRow;
    if (cursorRow >= top + viewportHeight) top = cursorRow - viewportHeight + 1;
    if (top > 0 && count - top < viewportHeight) top = Math.max(0, count - viewportHeight);
    if (top > cursorRow) top = cursorRow;
    if (top < 0) top = 0;
  }

  /**
   * One row as dive renders it: attribute columns {@code %s%s %11s %10s } and a space when {@code
   * withAttributes}, then the tree prefix and the name ({@code → target} for links). Styles: the
   * change kind on attributes and name, {@link Style#WASTED} on the size of wasted paths.
   */
  public List<Span> row(int row, boolean withAttributes) {
    int node = rows.node(row);
    PathTrie trie = tree.trie();
    Style kind = styleOf(tree.kind(node));
    List<Span> spans = new ArrayList<>(6);
    boolean isWasted = wasted.get(node);
    if (withAttributes) {
      String owner = tree.uid(node) + ":" + tree.gid(node);
      spans.add(
          new Span(
              String.format(
                  "%s%s %11s ",
                  tree.isDirectoryEntry(node) ? "d" : "-", tree.permissions(node), owner),
              kind));
      spans.add(
          new Span(
              String.format("%10s", io.layerdive.bytes.HumanBytes.format(rows.size(node))),
              isWasted ? Style.WASTED : kind));
      spans.add(new Span(" ", kind));
      spans.add(new Span(" ", Style.NORMAL));
    }
    spans.add(new Span(prefix(trie, node), Style.NORMAL));
    String name = DisplayWidth.sanitize(trie.name(node));
    FileType type = tree.type(node);
    if (type == FileType.SYMLINK || type == FileType.HARDLINK) {
      name = name + " → " + DisplayWidth.sanitize(tree.linkTarget(node));
    }
    spans.add(new Span(name, kind));
    if (isWasted && wastedMarker) spans.add(new Span(" ▲", Style.WASTED));
    return spans;
  }

  private String prefix(PathTrie trie, int node) {
    int depth = trie.depth(node);
    char[] out = new char[(depth - 1) * 4 + 4];
    int a = trie.parent(node);
    for (int d = depth - 1; d >= 1; d--, a = trie.parent(a)) {
      int at = (d - 1) * 4;
      out[at] = rows.isLast(a) ? ' ' : '│';
      out[at + 1] = ' ';
      out[at + 2] = ' ';
      out[at + 3] = ' ';
    }
    int at = (depth - 1) * 4;
    out[at] = rows.isLast(node) ? '└' : '├';
    out[at + 1] = '─';
    boolean showsCollapsed = collapsed.get(node) && rows.hasVisibleChild(node);
    out[at + 2] = showsCollapsed ? '⊕' : '─';
    out[at + 3] = ' ';
    return new String(out);
  }

  static Style styleOf(ChangeKind kind) {
    return switch (kind) {
      case ADDED -> Style.ADDED;
      case REMOVED -> Style.REMOVED;
      case MODIFIED -> Style.MODIFIED;
      case UNMODIFIED -> Style.NORMAL;
    };
  }

  // ---- drawing

  /** Draws the pane: title, attribute header when drawn, rows. */
  void draw(Canvas c, Rect pane, String title, boolean focused, boolean cursorFocused) {
    // dive decides on the attribute columns by the pane's width; the text goes right of the gutter.
    setPaneWidth(pane.width());
    PaneTitle.draw(c, pane.x(), pane.y(), pane.width(), title, focused);
    Rect area = Layout.treeBody(pane);
    int y = area.y() + 1;
    boolean attrs = drawsAttributes();
    if (attrs && area.height() > 1) {
      c.put(area.x(), y, area.width(), ATTRIBUTE_HEADER, Style.HEADER);
      y++;
    }
    int available = area.y() + area.height() - y;
    setViewport(available, area.width());
    if (rows.count() == 0) {
      if (available > 0 && tree != null) {
        String why =
            filterMatch != null || largerThan > 0
                ? "(no path matches the filter)"
                : "(nothing to show)";
        c.put(area.x(), y, area.width(), why, Style.DIM);
      }
      return;
    }
    if (wrap) keepCursorVisibleWrapped(available, area.width(), attrs);
    int line = 0;
    Style selected = cursorFocused ? Style.SELECTED : Style.SELECTED_UNFOCUSED;
    for (int row = top; row < rows.count() && line < available; row++) {
      List<Span> spans = row(row, attrs);
      int used;
      if (wrap) {
        used = putWrapped(c, area.x(), y + line, area.width(), available - line, spans);
      } else {
        int col = area.x();
        for (Span s : spans)
          col += c.put(col, y + line, area.x() + area.width() - col, s.text(), s.style());
        used = 1;
      }
      if (row == cursorRow) {
        for (int l = 0; l < used; l++) c.restyle(area.x(), y + line + l, area.width(), selected);
      }
      line += used;
    }
  }

  private void keepCursorVisibleWrapped(int available, int columns, boolean attrs) {
    while (top < cursorRow) {
      int lines = 0;
      for (int row = top; row <= cursorRow; row++) lines += wrappedLines(row(row, attrs), columns);
      if (lines <= available) break;
      top++;
    }
  }

  static int wrappedLines(List<Span> spans, int columns) {
    int lines = 1;
    int col = 0;
    for (Span s : spans) {
      String t = s.text();
      for (int i = 0; i < t.length(); ) {
        int cp = t.codePointAt(i);
        i += Character.charCount(cp);
        int w = Math.max(0, DisplayWidth.of(cp));
        if (col + w > columns) {
          lines++;
          col = 0;
        }
        col += w;
      }
    }
    return lines;
  }

  private static int putWrapped(
      Canvas c, int x, int y, int columns, int maxLines, List<Span> spans) {
    int line = 0;
    int col = 0;
    for (Span s : spans) {
      String t = s.text();
      for (int i = 0; i < t.length(); ) {
        int cp = t.codePointAt(i);
        int n = Character.charCount(cp);
        int w = Math.max(0, DisplayWidth.of(cp));
        if (col + w > columns) {
          line++;
          col = 0;
          if (line >= maxLines) return line;
        }
        col += c.put(x + col, y + line, columns - col, t.substring(i, i + n), s.style());
        i += n;
      }
    }
    return line + 1;
  }
}
