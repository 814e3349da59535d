package io.layerdive.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.layerdive.source.LoadListener;
import io.layerdive.source.LoadedImage;
import io.layerdive.source.archive.DockerArchiveSource;
import io.layerdive.testing.Conformance;
import io.layerdive.tree.ChangeKind;
import io.layerdive.tree.CompareKey;
import io.layerdive.tree.LayerStack;
import io.layerdive.tree.RawLayer;
import io.layerdive.tree.TreeBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * dive's view-model snapshots of {@code test-docker-image.tar} ({@code viewmodel/*.txt}, the
 * conformance README §1e), compared byte for byte with the file tree model's rows. Each test does
 * what dive's test of the same name does; dive renders rows {@code top} to {@code top + h}
 * inclusive, where {@code h} is the pane height less the attribute header, then an empty line.
 */
class DiveViewModelConformanceTest {
  private static final int WIDTH = 100;
  private static LayerStack stack;

  @BeforeAll
  static void load() throws Exception {
    Path tar = Conformance.file("images/test-docker-image.tar");
    TreeBuilder builder = new TreeBuilder();
    LoadedImage<RawLayer> loaded =
        DockerArchiveSource.file(tar, "test-docker-image.tar").load(builder, LoadListener.NONE);
    stack = new LayerStack(builder.freeze(loaded.layerContents()));
  }

  /** dive's initializeTestViewModel: layer 0, attributes as given, a pane of this height. */
  private static FileTreeModel model(int height, boolean attributes) {
    FileTreeModel model = new FileTreeModel(null);
    model.setWastedMarker(false);
    model.showTree(stack.layerChanges(0));
    if (!attributes) model.toggleAttributes();
    model.setViewport(attributes ? height - 1 : height, WIDTH);
    return model;
  }

  private static String rendered(FileTreeModel model) {
    boolean attributes = model.showsAttributes();
    StringBuilder sb = new StringBuilder();
    int last = model.top() + model.viewportHeight();
    for (int row = model.top(); row <= last && row < model.rowCount(); row++) {
      for (Span s : model.row(row, attributes)) sb.append(s.text());
      sb.append('\n');
    }
    return sb.append('\n').toString();
  }

  private static void assertMatchesDive(TestInfo info, FileTreeModel model) throws Exception {
    String name = info.getTestMethod().orElseThrow().getName();
    Path fixture = Conformance.file("viewmodel/" + name + ".txt");
    assertThat(rendered(model))
        .as("dive's %s", fixture.getFileName())
        .isEqualTo(Files.readString(fixture, StandardCharsets.UTF_8));
  }

  private static String cursorPath(FileTreeModel model) {
    return model.tree().trie().path(model.cursorNode());
  }

  @Test
  void TestFileTreeGoCase(TestInfo info) throws Exception {
    assertMatchesDive(info, model(1000, true));
  }

  @Test
  void TestFileTreeNoAttributes(TestInfo info) throws Exception {
    assertMatchesDive(info, model(1000, false));
  }

  @Test
  void TestFileTreeRestrictedHeight(TestInfo info) throws Exception {
    assertMatchesDive(info, model(20, false));
  }

  @Test
  void TestFileTreeDirCollapse(TestInfo info) throws Exception {
    FileTreeModel model = model(100, true);
    model.toggleCollapse();
    model.cursorDown();
    assertThat(cursorPath(model)).isEqualTo("/dev");
    model.cursorDown();
    assertThat(cursorPath(model)).isEqualTo("/etc");
    model.toggleCollapse();
    assertMatchesDive(info, model);
  }

  @Test
  void TestFileTreeDirCollapseAll(TestInfo info) throws Exception {
    FileTreeModel model = model(100, true);
    model.toggleCollapseAll();
    assertMatchesDive(info, model);
  }

  @Test
  void TestFileTreeSelectLayer(TestInfo info) throws Exception {
    FileTreeModel model = model(100, true);
    model.toggleCollapse();
    model.showTree(stack.compared(new CompareKey(0, 0, 1, 1)));
    assertMatchesDive(info, model);
  }

  @Test
  void TestFileShowAggregateChanges(TestInfo info) throws Exception {
    FileTreeModel model = model(100, true);
    model.toggleCollapse();
    model.showTree(stack.compared(new CompareKey(0, 0, 1, 13)));
    assertMatchesDive(info, model);
  }

  @Test
  void TestFileTreePageDown(TestInfo info) throws Exception {
    FileTreeModel model = model(10, true);
    model.pageDown();
    model.pageDown();
    model.pageDown();
    assertMatchesDive(info, model);
  }

  @Test
  void TestFileTreePageUp(TestInfo info) throws Exception {
    FileTreeModel model = model(10, true);
    model.pageDown();
    model.pageDown();
    model.pageUp();
    assertMatchesDive(info, model);
  }

  @Test
  void TestFileTreeDirCursorRight(TestInfo info) throws Exception {
    FileTreeModel model = model(100, true);
    model.toggleCollapse();
    model.cursorDown();
    model.cursorDown();
    model.toggleCollapse();
    model.cursorRight();
    assertMatchesDive(info, model);
  }

  @Test
  void TestFileTreeFilterTree(TestInfo info) throws Exception {
    FileTreeModel model = model(1000, true);
    model.setFilter("network");
    assertMatchesDive(info, model);
  }

  @Test
  void TestFileTreeHideAddedRemovedModified(TestInfo info) throws Exception {
    FileTreeModel model = model(100, true);
    model.toggleCollapse();
    model.showTree(stack.compared(new CompareKey(0, 0, 1, 7)));
    model.toggleHidden(ChangeKind.ADDED);
    model.toggleHidden(ChangeKind.MODIFIED);
    model.toggleHidden(ChangeKind.REMOVED);
    assertMatchesDive(info, model);
  }

  @Test
  void TestFileTreeHideUnmodified(TestInfo info) throws Exception {
    FileTreeModel model = model(100, true);
    model.toggleCollapse();
    model.showTree(stack.compared(new CompareKey(0, 0, 1, 7)));
    model.toggleHidden(ChangeKind.UNMODIFIED);
    assertMatchesDive(info, model);
  }

  @Test
  void TestFileTreeHideTypeWithFilter(TestInfo info) throws Exception {
    FileTreeModel model = model(100, true);
    model.toggleCollapse();
    model.showTree(stack.compared(new CompareKey(0, 0, 1, 7)));
    model.toggleHidden(ChangeKind.ADDED);
    model.setFilter("saved");
    assertMatchesDive(info, model);
  }
}
