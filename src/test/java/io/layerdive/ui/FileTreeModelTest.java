package io.layerdive.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.layerdive.testing.Golden;
import io.layerdive.tree.ChangeKind;
import io.layerdive.tree.LayerStack;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

class FileTreeModelTest {
  private AnalyzedImage image;
  private LayerStack stack;
  private FileTreeModel model;

  @BeforeEach
  void setUp() {
    image = SampleImage.analyzed();
    stack = image.stack();
    model = new FileTreeModel(null);
    model.markWasted(wastedNodes());
    model.setWastedMarker(false);
    model.showTree(stack.layerChanges(0));
    model.setViewport(100, 200);
  }

  private java.util.BitSet wastedNodes() {
    java.util.BitSet bits = new java.util.BitSet();
    for (var i : image.analysis().inefficiencies()) bits.set(stack.files().trie().find(i.path()));
    return bits;
  }

  /** Every row, as dive's view model renders them, with the cursor row marked. */
  private String rows(boolean attributes) {
    StringBuilder sb = new StringBuilder();
    for (int r = 0; r < model.rowCount(); r++) {
      sb.append(r == model.cursorRow() ? "> " : "  ");
      for (Span s : model.row(r, attributes)) sb.append(s.text());
      sb.append('\n');
    }
    return sb.toString();
  }

  private void golden(TestInfo info, String text) {
    Golden.assertMatches(getClass(), info.getTestMethod().orElseThrow().getName(), text);
  }

  private String cursorPath() {
    return model.tree().trie().path(model.cursorNode());
  }

  @Test
  void baseLayerWithAttributes(TestInfo info) {
    golden(info, rows(true));
  }

  @Test
  void baseLayerWithoutAttributes(TestInfo info) {
    golden(info, rows(false));
  }

  @Test
  void collapseKeepsTheCursorAndDrawsTheCollapsedMark(TestInfo info) {
    model.toggleCollapse(); // /bin
    model.cursorDown();
    assertThat(cursorPath()).isEqualTo("/etc");
    model.toggleCollapse();
    assertThat(cursorPath()).isEqualTo("/etc");
    golden(info, rows(true));
  }

  @Test
  void collapseAllThenExpandAll(TestInfo info) {
    model.cursorDown();
    model.cursorDown();
    model.toggleCollapseAll();
    assertThat(model.cursorRow()).as("collapsing all returns to the top, as dive").isZero();
    String collapsed = rows(true);
    model.toggleCollapseAll();
    assertThat(model.rowCount()).isEqualTo(new FileTreeModelTest().freshRowCount());
    golden(info, collapsed);
  }

  private int freshRowCount() {
    AnalyzedImage fresh = SampleImage.analyzed();
    FileTreeModel m = new FileTreeModel(null);
    m.showTree(fresh.stack().layerChanges(0));
    return m.rowCount();
  }

  @Test
  void collapsedPathsHoldAcrossLayers(TestInfo info) {
    model.toggleCollapse(); // /bin
    model.showTree(stack.layerChanges(1));
    golden(info, rows(true));
  }

  @Test
  void singleLayerChangesOfTheMove(TestInfo info) {
    model.toggleCollapse();
    model.showTree(stack.layerChanges(5));
    golden(info, rows(true));
  }

  @Test
  void aggregatedChangesKeepRemovedNodesAndCountTheirSizeOnlyInRemovedDirectories(TestInfo info) {
    model.toggleCollapse();
    model.showTree(stack.aggregated(6));
    golden(info, rows(true));
  }

  @Test
  void hidingUnmodifiedLeavesTheChangesAndTheirDirectories(TestInfo info) {
    model.showTree(stack.aggregated(5));
    model.toggleHidden(ChangeKind.UNMODIFIED);
    golden(info, rows(true));
  }

  @Test
  void hidingAddedRemovedModifiedLeavesTheBase(TestInfo info) {
    model.toggleCollapse();
    model.showTree(stack.aggregated(5));
    model.toggleHidden(ChangeKind.ADDED);
    model.toggleHidden(ChangeKind.REMOVED);
    model.toggleHidden(ChangeKind.MODIFIED);
    golden(info, rows(true));
  }

  @Test
  void filterKeepsAncestorsOfMatchesAndSizesCountOnlyWhatShows(TestInfo info) {
    model.setFilter("pass|shad");
    golden(info, rows(true));
  }

  @Test
  void invalidFilterKeepsThePreviousRows() {
    model.setFilter("etc");
    String before = rows(true);
    model.setFilter("etc(");
    assertThat(model.filterError()).isNotNull();
    assertThat(rows(true)).isEqualTo(before);
    model.setFilter("");
    assertThat(model.filterError()).isNull();
    assertThat(model.rowCount()).isEqualTo(freshRowCount());
  }

  @Test
  void sizeFilterKeepsFilesLargerThanItAndTheirDirectories(TestInfo info) {
    model.setFilter(">300B");
    assertThat(model.filterError()).isNull();
    golden(info, rows(true));
  }

  @Test
  void sizeFilterCombinesWithThePattern() {
    model.setFilter("etc >200");
    String both = rows(true);
    assertThat(both).contains("passwd").contains("shadow");
    model.setFilter("shad >200");
    assertThat(rows(true)).contains("shadow").doesNotContain("passwd");
    model.setFilter("etc >250");
    assertThat(rows(true)).contains("passwd").doesNotContain("shadow");
  }

  @Test
  void aSizeFilterBeingTypedSaysWhatItNeeds() {
    model.setFilter("etc");
    String before = rows(true);
    model.setFilter("etc >");
    assertThat(model.filterError()).isEqualTo("a size after '>', e.g. >1MB");
    assertThat(rows(true)).isEqualTo(before);
    model.setFilter("etc >3 parsecs");
    assertThat(model.filterError()).startsWith("size \"3 parsecs\": unknown unit");
    model.setFilter("etc >1 kB");
    assertThat(model.filterError()).isNull();
    assertThat(rows(true)).doesNotContain("passwd");
    model.setFilter("etc >3XB");
    assertThat(model.filterError()).startsWith("size \"3XB\": unknown unit");
    model.setFilter("etc >1TB");
    assertThat(model.filterError()).isNull();
    assertThat(model.rowCount()).isZero();
  }

  @Test
  void filterThatHidesEverythingShowsNoRows() {
    model.setFilter("no-such-path");
    assertThat(model.rowCount()).isZero();
    assertThat(model.cursorNode()).isEqualTo(-1);
  }

  @Test
  void sortBySizeLargestFirstTiesByName(TestInfo info) {
    model.showTree(stack.aggregated(7));
    model.toggleSortOrder();
    golden(info, rows(true));
  }

  @Test
  void cursorMovesAndPages() {
    model.setViewport(4, 200);
    model.pageDown();
    assertThat(model.top()).isEqualTo(4);
    assertThat(model.cursorRow()).isEqualTo(4);
    model.pageDown();
    model.pageUp();
    assertThat(model.top()).isEqualTo(4);
    model.last();
    assertThat(model.cursorRow()).isEqualTo(model.rowCount() - 1);
    assertThat(model.top()).isEqualTo(model.rowCount() - 4);
    model.first();
    assertThat(model.top()).isZero();
    model.cursorUp();
    assertThat(model.cursorRow()).isZero();
  }

  @Test
  void leftGoesToTheParentRightOpensAndStepsIn() {
    model.toggleCollapse(); // /bin collapsed, cursor on it
    model.cursorRight();
    assertThat(cursorPath()).isEqualTo("/bin/busybox");
    model.cursorLeft();
    assertThat(cursorPath()).isEqualTo("/bin");
    model.cursorLeft();
    assertThat(cursorPath()).as("top level stays").isEqualTo("/bin");
  }

  @Test
  void findOpensCollapsedDirectoriesAndWraps() {
    model.toggleCollapseAll();
    assertThat(model.find("PASS", true)).as("capitals make the search exact").isFalse();
    assertThat(model.find("pass", true)).isTrue();
    assertThat(cursorPath()).isEqualTo("/etc/passwd");
    assertThat(model.find("bus", true)).as("wraps around").isTrue();
    assertThat(cursorPath()).isEqualTo("/bin/busybox");
    assertThat(model.find("bus", false)).isTrue();
    assertThat(cursorPath()).isEqualTo("/bin/busybox");
  }

  @Test
  void nextWastedJumpsBetweenPathsSeveralLayersWrote() {
    model.showTree(stack.aggregated(5));
    List<String> seen = new java.util.ArrayList<>();
    for (int i = 0; i < 3; i++) {
      assertThat(model.nextWasted()).isTrue();
      seen.add(cursorPath());
    }
    assertThat(seen)
        .containsExactly(
            "/root/example/somefile1.txt", "/root/saved.txt", "/root/example/somefile1.txt");
  }

  @Test
  void wastedSizesAreStyledAndMarked() {
    model.setWastedMarker(true);
    model.showTree(stack.aggregated(7));
    assertThat(model.reveal(stack.files().trie().find("/root/saved.txt"))).isTrue();
    List<Span> spans = model.row(model.cursorRow(), true);
    assertThat(spans).contains(new Span(" ▲", Style.WASTED));
    assertThat(spans.get(1)).isEqualTo(new Span("    6.4 kB", Style.WASTED));
  }

  @Test
  void namesAreSanitizedAndLinksShowTheirTarget() {
    String text = rows(false);
    assertThat(text)
        .contains("bad\\x1b[2Jname")
        .contains("env → /bin/busybox")
        .contains("ls → bin/busybox");
    assertThat(text).doesNotContain("\u001b");
  }
}
