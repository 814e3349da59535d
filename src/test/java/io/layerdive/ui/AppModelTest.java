package io.layerdive.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.layerdive.testing.Golden;
import io.layerdive.text.DisplayWidth;
import io.layerdive.tree.ChangeKind;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

class AppModelTest {
  private AppModel app;

  @BeforeEach
  void setUp() {
    app =
        new AppModel(
            SampleImage.analyzed(),
            KeyBindings.defaults(),
            new AppModel.Options(CompareMode.LAYER, true, List.of(), false, false));
  }

  private Frame render(int width, int height) {
    Frame frame = app.render(width, height);
    assertExactWidth(frame);
    return frame;
  }

  static void assertExactWidth(Frame frame) {
    for (int y = 0; y < frame.height(); y++) {
      int w = 0;
      for (Span s : frame.lines().get(y)) w += DisplayWidth.of(s.text());
      assertThat(w).as("width of line %d", y).isEqualTo(frame.width());
    }
  }

  private void golden(TestInfo info, Frame frame) {
    Golden.assertMatches(getClass(), info.getTestMethod().orElseThrow().getName(), frame.text());
  }

  private void press(String... keys) {
    for (String key : keys) app.press(key);
  }

  /** The style of the first cell of a text on a line. */
  private static Style styleOf(Frame frame, int line, String text) {
    for (Span s : frame.lines().get(line)) {
      if (s.text().contains(text)) return s.style();
    }
    throw new AssertionError("no '" + text + "' on line " + line + ": " + frame.lines().get(line));
  }

  private static int lineWith(Frame frame, String text) {
    String[] lines = frame.text().split("\n");
    for (int i = 0; i < lines.length; i++) if (lines[i].contains(text)) return i;
    throw new AssertionError("no line with '" + text + "'");
  }

  @Test
  void opensOnTheLayerListWithTheBaseLayerSelected(TestInfo info) {
    Frame frame = render(120, 32);
    assertThat(app.focus()).isEqualTo(Focus.LAYERS);
    assertThat(styleOf(frame, 0, "Layers")).isEqualTo(Style.TITLE_FOCUSED);
    assertThat(styleOf(frame, 0, "Current Layer Contents")).isEqualTo(Style.TITLE);
    assertThat(styleOf(frame, 2, "FROM")).isEqualTo(Style.SELECTED);
    assertThat(styleOf(frame, 31, "Show layer changes")).isEqualTo(Style.STATUS_TOGGLED);
    assertThat(styleOf(frame, 31, "Show aggregated changes")).isEqualTo(Style.STATUS_LABEL);
    golden(info, frame);
  }

  @Test
  void tabMovesTheKeysToTheTreeAndItsStatusItems(TestInfo info) {
    press("tab", "space", "j", "space");
    Frame frame = render(120, 32);
    assertThat(app.focus()).isEqualTo(Focus.TREE);
    assertThat(styleOf(frame, 0, "Current Layer Contents")).isEqualTo(Style.TITLE_FOCUSED);
    int etc = lineWith(frame, "├─⊕ etc");
    assertThat(styleOf(frame, etc, "etc")).isEqualTo(Style.SELECTED);
    assertThat(styleOf(frame, 31, "Added")).isEqualTo(Style.STATUS_TOGGLED);
    golden(info, frame);
  }

  @Test
  void hiddenKindsAndSortOrderShowInTheStatusBar() {
    press("tab", "ctrl+u", "ctrl+o");
    Frame frame = render(200, 32);
    assertThat(styleOf(frame, 31, "Unmodified")).isEqualTo(Style.STATUS_LABEL);
    assertThat(styleOf(frame, 31, "Sort by size")).isEqualTo(Style.STATUS_TOGGLED);
    press("ctrl+u");
    assertThat(styleOf(render(200, 32), 31, "Unmodified")).isEqualTo(Style.STATUS_TOGGLED);
  }

  @Test
  void aggregatedModeAtTheLastLayer(TestInfo info) {
    press("ctrl+a", "G");
    Frame frame = render(120, 32);
    assertThat(app.layers().selected()).isEqualTo(7);
    assertThat(frame.text()).contains("Aggregated Layer Contents");
    golden(info, frame);
  }

  @Test
  void narrowScreenShrinksTheLeftColumnToLayerNumbers(TestInfo info) {
    press("j", "j");
    golden(info, render(80, 24));
  }

  @Test
  void narrowTreePaneHidesTheAttributeColumns(TestInfo info) {
    Frame frame = render(100, 24);
    assertThat(app.tree().drawsAttributes()).isFalse();
    assertThat(app.tree().showsAttributes()).isTrue();
    golden(info, frame);
    render(140, 24);
    assertThat(app.tree().drawsAttributes()).isTrue();
  }

  @Test
  void tooSmallTerminalSaysSo(TestInfo info) {
    Frame frame = render(39, 12);
    assertThat(frame.text().lines().findFirst().orElseThrow())
        .as("one line")
        .isEqualTo("Enlarge the window to 40x10 (now 39x12)");
    golden(info, frame);
    assertThat(render(40, 9).text()).startsWith("Enlarge the window to 40x10 (now 40x9)");
    assertThat(render(12, 3).text()).startsWith("Enlarge");
  }

  @Test
  void helpListsEveryBindingFromTheKeyBindings(TestInfo info) {
    press("?");
    Frame frame = render(150, 60);
    String text = frame.text();
    for (Command c : Command.values()) {
      if (c.configName() != null)
        assertThat(text).as(c.configName()).contains("(" + c.configName() + ")");
    }
    golden(info, frame);
    assertThat(render(150, 80).text())
        .as("the mouse and where keys are changed")
        .contains("click ")
        .contains("wheel ")
        .contains("keys.yaml, in $XDG_CONFIG_HOME/layerdive (else ~/.config/layerdive)");
    render(80, 24);
    press("end");
    assertThat(render(80, 24).text())
        .as("the mouse and keys lines fit an 80-column screen unwrapped")
        .contains("click      Select a layer or a row; on the selected directory, fold it")
        .contains("  one line per action, its name from the brackets above, a colon and its ");
    press("home");
    press("esc");
    assertThat(render(150, 60).text()).doesNotContain("(quit)");
  }

  @Test
  void helpFollowsReboundKeys() {
    app =
        new AppModel(
            SampleImage.analyzed(),
            KeyBindings.parse("quit: ctrl+q", "keys.yaml"),
            AppModel.Options.defaults());
    press("?");
    String text = render(150, 60).text();
    assertThat(text).contains("^Q").doesNotContain("^C, q");
  }

  @Test
  void layersOfAPathExplainWhatEachLayerDid(TestInfo info) {
    press("G", "tab");
    assertThat(app.tree().find("saved", true)).isTrue();
    press("i");
    golden(info, render(120, 32));
  }

  @Test
  void filterLineFiltersAsYouType(TestInfo info) {
    press("tab", "/", "p", "a", "s", "s");
    assertThat(app.isEditingText()).isTrue();
    Frame frame = render(120, 24);
    assertThat(frame.text()).contains("Path Filter: pass");
    assertThat(app.tree().rowCount()).isEqualTo(2);
    golden(info, frame);
    press("enter");
    assertThat(app.isEditingText()).isFalse();
    assertThat(app.tree().rowCount()).as("the filter stays after Enter").isEqualTo(2);
    press("esc");
    assertThat(render(120, 24).text()).doesNotContain("Path Filter:");
    assertThat(app.tree().rowCount()).isGreaterThan(2);
  }

  @Test
  void keysOfTheTreeStillWorkWhileTyping() {
    press("tab", "/", "e", "t", "c");
    press("q");
    assertThat(app.quitRequested()).as("q is typed, not quit").isFalse();
    assertThat(app.tree().filterText()).isEqualTo("etcq");
    press("backspace", "ctrl+b");
    assertThat(app.tree().showsAttributes()).isFalse();
    press("ctrl+c");
    assertThat(app.quitRequested()).isTrue();
  }

  @Test
  void invalidFilterSaysWhyAndKeepsTheRows(TestInfo info) {
    press("tab", "/", "e", "t", "c", "(");
    Frame frame = render(120, 24);
    assertThat(frame.text()).contains("(invalid: Unclosed group)");
    golden(info, frame);
  }

  @Test
  void findJumpsAsYouTypeAndNFindsTheNext() {
    press("G", "f", "s", "a", "v");
    assertThat(app.focus()).isEqualTo(Focus.TREE);
    assertThat(cursorPath()).isEqualTo("/root/saved.txt");
    press("enter", "f", "s", "h");
    assertThat(render(120, 32).text()).contains("Find: sh");
    assertThat(cursorPath()).as("from where the find started").isEqualTo("/usr/share");
    press("enter", "n");
    assertThat(cursorPath()).as("wraps around").isEqualTo("/etc/shadow");
    press("N");
    assertThat(cursorPath()).isEqualTo("/usr/share");
  }

  private String cursorPath() {
    return app.tree().tree().trie().path(app.tree().cursorNode());
  }

  @Test
  void findThatMatchesNothingSaysSo(TestInfo info) {
    press("f", "z", "z", "z");
    Frame frame = render(120, 24);
    assertThat(frame.text()).contains("Find: zzz").contains("(no match)");
    golden(info, frame);
  }

  @Test
  void nextWastedMovesToTheTreeAndExplainsWhenThereIsNone() {
    press("w");
    Frame frame = render(120, 32);
    assertThat(app.focus()).isEqualTo(Focus.TREE);
    assertThat(frame.text()).contains("No wasted path shows in this layer's tree");
    press("tab", "G", "w");
    assertThat(app.tree().tree().trie().path(app.tree().cursorNode())).isEqualTo("/root/saved.txt");
  }

  @Test
  void detailsPanesShowOnlyTheKeysThatWorkEverywhere() {
    press("l");
    String status = render(200, 24).text().split("\n")[23];
    assertThat(status.strip()).isEqualTo("▏^C Quit ▏Tab Switch view ▏^F Filter ▏? Help ▏");
  }

  @Test
  void messagesShowInAWindowUntilAKeyClosesIt() {
    app.showMessage("Extract", "not supported\nfor archives");
    assertThat(render(120, 24).text())
        .contains("┌─ Extract ")
        .contains("not supported")
        .contains("for archives");
    press("esc");
    assertThat(render(120, 24).text()).doesNotContain("Extract");
  }

  @Test
  void wastedPathsAreMarkedInTheApp() {
    app = AppModel.open(SampleImage.analyzed());
    press("G", "w");
    Frame frame = render(120, 32);
    int line = lineWith(frame, "saved.txt ▲");
    assertThat(styleOf(frame, line, "▲")).as("the cursor row").isEqualTo(Style.SELECTED);
    press("j");
    assertThat(styleOf(render(120, 32), line, "▲")).isEqualTo(Style.WASTED);
    app.close();
  }

  @Test
  void anImageWithoutLayersStillRenders() {
    app = AppModel.open(io.layerdive.testing.AnalyzedImages.of("scratch", List.of()));
    press("tab", "j", "space", "w", "i", "/", "x", "esc", "tab", "j", "ctrl+a", "?", "esc");
    Frame frame = render(100, 20);
    assertThat(frame.text()).contains("Layers").contains("Image efficiency score: 100 %");
    app.close();
  }

  @Test
  void leftAndRightCycleTheLeftColumnPanes() {
    press("l");
    assertThat(app.focus()).isEqualTo(Focus.LAYER_DETAILS);
    press("l");
    assertThat(app.focus()).isEqualTo(Focus.IMAGE_DETAILS);
    press("l");
    assertThat(app.focus()).isEqualTo(Focus.LAYERS);
    press("h");
    assertThat(app.focus()).isEqualTo(Focus.IMAGE_DETAILS);
    press("tab");
    assertThat(app.focus())
        .as("Tab from a details pane goes to the layers")
        .isEqualTo(Focus.LAYERS);
  }

  @Test
  void detailsPanesScrollAndWrapTheCommand(TestInfo info) {
    press("G", "l");
    String before = render(96, 24).text();
    press("j");
    Frame frame = render(96, 24);
    assertThat(frame.text()).isNotEqualTo(before).doesNotContain("Tags:");
    assertThat(styleOf(frame, lineWith(frame, "Layer Details"), "Layer Details"))
        .isEqualTo(Style.TITLE_FOCUSED);
    golden(info, frame);
  }

  @Test
  void mouseSelectsLayersAndTreeRows() {
    render(120, 32);
    app.apply(new Action.MouseClick(5, 2 + 3));
    assertThat(app.layers().selected()).isEqualTo(3);
    assertThat(app.focus()).isEqualTo(Focus.LAYERS);
    app.apply(new Action.MouseClick(70, 2 + 4));
    assertThat(app.focus()).isEqualTo(Focus.TREE);
    assertThat(app.tree().cursorRow()).isEqualTo(4);
    int rows = app.tree().rowCount();
    app.apply(new Action.MouseClick(70, 2 + 4));
    assertThat(app.tree().rowCount())
        .as("clicking the cursor row folds the directory")
        .isLessThan(rows);
    app.apply(new Action.MouseWheel(70, 10, 2));
    assertThat(app.tree().cursorRow()).isEqualTo(6);
    app.apply(new Action.MouseWheel(5, 3, 1));
    assertThat(app.layers().selected()).isEqualTo(4);
  }

  @Test
  void everyFrameLineIsExactlyTheWidth() {
    List<int[]> sizes =
        List.of(new int[] {40, 10}, new int[] {89, 20}, new int[] {90, 20}, new int[] {121, 37});
    List<String[]> keySequences =
        List.of(
            new String[] {},
            new String[] {"tab", "ctrl+p"},
            new String[] {"?"},
            new String[] {"G", "tab", "i"},
            new String[] {"tab", "/", "日", "本"},
            new String[] {"f", "x"});
    for (String[] keys : keySequences) {
      setUp();
      press(keys);
      for (int[] size : sizes) render(size[0], size[1]);
    }
  }

  @Test
  void everyDefaultKeyOfTheTreeDoesItsJob() {
    render(160, 45);
    press("tab");
    for (String key : List.of("ctrl+a", "ctrl+r", "ctrl+k", "ctrl+m", "ctrl+u")) {
      ChangeKind kind =
          switch (key) {
            case "ctrl+a" -> ChangeKind.ADDED;
            case "ctrl+r" -> ChangeKind.REMOVED;
            case "ctrl+u" -> ChangeKind.UNMODIFIED;
            default -> ChangeKind.MODIFIED;
          };
      press(key);
      assertThat(app.tree().isHidden(kind)).as("%s hides %s", key, kind).isTrue();
      press(key);
      assertThat(app.tree().isHidden(kind)).as("%s shows %s again", key, kind).isFalse();
    }
    press("ctrl+b");
    assertThat(app.tree().showsAttributes()).as("ctrl+b").isFalse();
    press("ctrl+b", "ctrl+o");
    assertThat(app.tree().showsAttributes()).isTrue();
    assertThat(app.tree().sortsBySize()).as("ctrl+o").isTrue();
    press("ctrl+o", "ctrl+p");
    assertThat(app.tree().sortsBySize()).isFalse();
    assertThat(app.tree().wraps()).as("ctrl+p").isTrue();
    press("ctrl+p");

    int rows = app.tree().rowCount();
    press("ctrl+space");
    assertThat(app.tree().rowCount()).as("ctrl+space collapses all").isLessThan(rows);
    press("ctrl+space");
    assertThat(app.tree().rowCount()).as("ctrl+space again expands all").isEqualTo(rows);
    press("space");
    assertThat(app.tree().rowCount()).as("space collapses the first directory").isLessThan(rows);
    press("space");
    press("enter");
    assertThat(app.tree().rowCount()).as("enter collapses a directory too").isLessThan(rows);
    press("enter");
    assertThat(app.tree().rowCount()).isEqualTo(rows);

    render(160, 12);
    assertMoves(() -> app.tree().cursorRow(), "j", 1);
    assertMoves(() -> app.tree().cursorRow(), "down", 1);
    assertMoves(() -> app.tree().cursorRow(), "k", -1);
    assertMoves(() -> app.tree().cursorRow(), "up", -1);
    assertMoves(() -> app.tree().cursorRow(), "end", rows - 1 - app.tree().cursorRow());
    assertMoves(() -> app.tree().cursorRow(), "home", -app.tree().cursorRow());
    assertMoves(() -> app.tree().cursorRow(), "G", rows - 1);
    assertMoves(() -> app.tree().cursorRow(), "g", -(rows - 1));
    for (String key : List.of("pgdn", "d")) {
      press("g", key);
      assertThat(app.tree().cursorRow()).as(key).isGreaterThan(1);
    }
    for (String key : List.of("pgup", "u")) {
      press("G");
      press(key);
      assertThat(app.tree().cursorRow()).as(key).isLessThan(rows - 2);
    }
  }

  @Test
  void everyDefaultKeyOfTheLayerListDoesItsJob() {
    render(160, 45);
    press("ctrl+a");
    assertThat(app.layers().mode()).as("ctrl+a").isEqualTo(CompareMode.AGGREGATED);
    press("ctrl+l");
    assertThat(app.layers().mode()).as("ctrl+l").isEqualTo(CompareMode.LAYER);
    int last = app.layers().size() - 1;
    assertMoves(() -> app.layers().selected(), "j", 1);
    assertMoves(() -> app.layers().selected(), "down", 1);
    assertMoves(() -> app.layers().selected(), "k", -1);
    assertMoves(() -> app.layers().selected(), "up", -1);
    assertMoves(() -> app.layers().selected(), "G", last);
    assertMoves(() -> app.layers().selected(), "g", -last);
    assertMoves(() -> app.layers().selected(), "end", last);
    assertMoves(() -> app.layers().selected(), "home", -last);
    for (String key : List.of("pgdn", "d")) {
      press("g", key);
      assertThat(app.layers().selected()).as(key).isGreaterThan(0);
    }
    for (String key : List.of("pgup", "u")) {
      press("G", key);
      assertThat(app.layers().selected()).as(key).isLessThan(last);
    }
    press("q");
    assertThat(app.quitRequested()).as("q").isTrue();
  }

  private void assertMoves(java.util.function.IntSupplier position, String key, int by) {
    int before = position.getAsInt();
    press(key);
    assertThat(position.getAsInt()).as("%s moves by %d", key, by).isEqualTo(before + by);
  }

  @Test
  void theTreeKeepsABlankColumnAfterTheLeftPanes() {
    for (int width : List.of(80, 120, 160)) {
      setUp();
      Frame frame = render(width, 30);
      int gutter = width < 90 ? 8 : width / 2;
      String[] lines = frame.text().split("\n");
      // Below the title line, down to the status bar.
      for (int y = 1; y < 29; y++) {
        assertThat(lines[y].charAt(gutter))
            .as("width %d, line %d: %s", width, y, lines[y])
            .isEqualTo(' ');
      }
    }
  }

  @Test
  void theStatusBarShowsWholeItemsOnly() {
    press("tab");
    for (int width = 40; width < 200; width++) {
      String status = render(width, 20).text().split("\n")[19];
      assertThat(status.stripTrailing()).as("width %d: %s", width, status).endsWith("▏");
      for (String item : status.split("▏")) {
        if (item.isBlank()) continue;
        assertThat(item).as("width %d: %s", width, status).endsWith(" ");
      }
    }
  }

  @Test
  void wrapShowsLongRowsWhole(TestInfo info) {
    press("tab", "ctrl+p");
    golden(info, render(120, 24));
  }

  @Test
  void backgroundFilterKeepsThePreviousRowsUntilReady() {
    List<Runnable> queued = new ArrayList<>();
    AtomicInteger notified = new AtomicInteger();
    FileTreeModel model = new FileTreeModel(queued::add);
    model.onFilterReady(notified::incrementAndGet);
    model.showTree(BigImage.stack(FileTreeModel.ASYNC_FILTER_FROM_NODES).layerChanges(0));
    int all = model.rowCount();
    model.setFilter("f1");
    assertThat(model.filterPending()).isTrue();
    assertThat(model.rowCount()).as("previous rows stay").isEqualTo(all);
    model.setFilter("f12");
    queued.get(0).run();
    assertThat(model.adoptFilter()).as("an outdated result is dropped").isFalse();
    queued.get(1).run();
    assertThat(notified.get()).isEqualTo(1);
    assertThat(model.adoptFilter()).isTrue();
    assertThat(model.filterPending()).isFalse();
    assertThat(model.rowCount()).isLessThan(all).isGreaterThan(0);
    int filtered = model.rowCount();
    model.setFilter("f1");
    model.setFilter("f12");
    assertThat(model.filterPending()).as("a filter seen before comes from the cache").isFalse();
    assertThat(model.rowCount()).isEqualTo(filtered);
  }

  @Test
  void yCopiesTheSelectedPathOnce() {
    render(160, 45);
    press("G", "tab");
    assertThat(app.takeClipboard()).isEmpty();
    press("f", "s", "a", "v", "e", "d", "enter");

    press("y");

    assertThat(app.takeClipboard()).contains("/root/saved.txt");
    assertThat(app.takeClipboard()).as("handed over once").isEmpty();
    assertThat(render(160, 45).text()).contains("Sent /root/saved.txt to the terminal's clipboard");
  }
}
