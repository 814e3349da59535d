package io.layerdive.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.layerdive.image.Layer;
import io.layerdive.testing.Golden;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/** The viewer and the extract action: their windows, their messages, and the background read. */
class FileActionsTest {
  private static final String TEXT =
      "first line\r\n"
          + "\tindented\tby tabs\n"
          + "日本語 is wide\n"
          + "bell \u0007 and escape \u001b[2J made visible\n"
          + "last line\n";

  /** A source whose answers the test chooses, recording what it is asked. */
  private static final class FakeContents implements LayerContents {
    Optional<String> unavailable = Optional.empty();
    FileText file = new FileText("/somefile.txt", 70_000, Optional.of(TEXT), 65_536);
    Exception failure;
    final List<String> asked = new ArrayList<>();
    List<Part> parts;
    String target;

    @Override
    public Optional<String> unavailable() {
      return unavailable;
    }

    @Override
    public FileText view(Layer layer, String path, LayerJob job) throws Exception {
      asked.add("view " + path + " from layer " + layer.index());
      if (failure != null) throw failure;
      return file;
    }

    @Override
    public Extracted extract(String path, List<Part> parts, String target, LayerJob job)
        throws Exception {
      asked.add("extract " + path + " into " + target);
      this.parts = parts;
      this.target = target;
      if (failure != null) throw failure;
      return new Extracted(target + path.substring(path.lastIndexOf('/')), 2, 1, 0, 650, List.of());
    }
  }

  private final FakeContents contents = new FakeContents();
  private final Deque<Runnable> queued = new ArrayDeque<>();
  private boolean inline = true;
  private final Executor executor =
      r -> {
        if (inline) r.run();
        else queued.add(r);
      };
  private AppModel app = open(contents);

  private AppModel open(LayerContents c) {
    AnalyzedImage sample = SampleImage.analyzed();
    return new AppModel(
        new AnalyzedImage(
            sample.image(), sample.stack(), sample.analysis(), sample.diagnostics(), c),
        KeyBindings.defaults(),
        new AppModel.Options(CompareMode.LAYER, true, List.of(), false, false),
        null,
        executor);
  }

  private Frame render() {
    Frame frame = app.render(110, 30);
    AppModelTest.assertExactWidth(frame);
    return frame;
  }

  private void golden(TestInfo info, Frame frame) {
    Golden.assertMatches(getClass(), info.getTestMethod().orElseThrow().getName(), frame.text());
  }

  private void press(String... keys) {
    for (String key : keys) app.press(key);
  }

  /** Selects layer {@code index}, then finds {@code name} in its tree. */
  private void select(int layer, String name) {
    for (int i = 0; i < layer; i++) press("j");
    press("f");
    for (char ch : name.toCharArray()) press(String.valueOf(ch));
    press("enter");
    assertThat(app.focus()).isEqualTo(Focus.TREE);
  }

  private static String statusLine(Frame frame) {
    String[] lines = frame.text().split("\n");
    return lines[lines.length - 1];
  }

  @Test
  void viewerShowsTheHeadOfATextFile(TestInfo info) {
    select(1, "somefile");
    press("v");
    assertThat(contents.asked).containsExactly("view /somefile.txt from layer 1");
    Frame frame = render();
    assertThat(frame.text())
        .contains("/somefile.txt · layer 1 · 70 kB")
        .contains("2         indented        by tabs")
        .contains("日本語 is wide")
        .contains("bell \\x07 and escape \\x1b[2J made visible")
        .contains("… truncated at 64 KiB of 70 kB")
        .doesNotContain("\r");
    golden(info, frame);
  }

  @Test
  void enterOnAFileViewsIt() {
    select(1, "somefile");
    press("enter");
    assertThat(render().text()).contains("somefile.txt · layer");
  }

  @Test
  void viewerScrollsAndClosesWithEsc() {
    StringBuilder many = new StringBuilder();
    for (int i = 1; i <= 200; i++) many.append("line ").append(i).append('\n');
    contents.file =
        new LayerContents.FileText("/somefile.txt", 1892, Optional.of(many.toString()), 1892);
    select(1, "somefile");
    press("v");
    assertThat(render().text()).contains("  1 line 1").doesNotContain("line 200");
    press("end");
    assertThat(render().text()).contains("200 line 200").doesNotContain("  1 line 1");
    press("home", "pgdn");
    assertThat(render().text()).doesNotContain("  1 line 1");
    press("esc");
    assertThat(render().text()).doesNotContain("line 200").doesNotContain("somefile.txt · layer");
  }

  @Test
  void binaryFileIsANoteNotBytes(TestInfo info) {
    contents.file = new LayerContents.FileText("/bin/busybox", 1_075_464, Optional.empty(), 65_536);
    select(0, "busybox");
    press("v");
    Frame frame = render();
    assertThat(frame.text()).contains("binary file (1075464 bytes)");
    golden(info, frame);
  }

  @Test
  void extractAsksWhereWithASensibleDefault(TestInfo info) {
    select(0, "etc");
    press("ctrl+e");
    assertThat(app.isEditingText()).isTrue();
    Frame frame = render();
    assertThat(frame.text())
        .contains("/etc  (layer 0)")
        .contains("Into directory: ./layerdive-extract");
    golden(info, frame);
  }

  @Test
  void enterExtractsAndTheResultIsOneLine(TestInfo info) {
    select(0, "etc");
    press("x", "enter");
    assertThat(contents.target).isEqualTo("./layerdive-extract");
    assertThat(contents.parts).extracting(p -> p.layer().index()).containsExactly(0);
    assertThat(contents.parts.get(0).only()).isEmpty();
    Frame frame = render();
    assertThat(statusLine(frame))
        .startsWith("▏Extracted /etc: 2 files, 1 directory, 650 B → ./layerdive-extract/etc ▏");
    golden(info, frame);
  }

  @Test
  void theTargetIsEditableAndRemembered() {
    select(0, "etc");
    press("ctrl+e");
    for (int i = 0; i < "./layerdive-extract".length(); i++) press("backspace");
    for (char ch : "/tmp/out dir".toCharArray()) press(ch == ' ' ? "space" : String.valueOf(ch));
    press("enter");
    assertThat(contents.target).isEqualTo("/tmp/out dir");
    press("ctrl+e");
    assertThat(render().text()).contains("Into directory: /tmp/out dir");
    press("esc");
    assertThat(app.isEditingText()).isFalse();
    assertThat(contents.asked).hasSize(1);
  }

  @Test
  void aFileComesFromTheLayerThatLastPutIt() {
    // Layer 7 only changes /root/saved.txt's mode; /somefile.txt still comes from layer 1.
    select(7, "somefile");
    press("ctrl+e", "enter");
    assertThat(contents.parts).extracting(p -> p.layer().index()).containsExactly(1);
  }

  @Test
  void inLayerModeADirectoryTheLayerLeftAloneIsNotExported() {
    select(1, "etc");
    press("ctrl+e");
    assertThat(app.isEditingText()).isFalse();
    assertThat(statusLine(render()))
        .startsWith(
            "▏/etc: layer 1 put nothing here; select the layer that did, or ^A to extract it as"
                + " stacked ▏");
    assertThat(contents.asked).isEmpty();
  }

  @Test
  void aggregatedDirectoryTakesEachPathFromTheLayerThatLastPutIt() {
    press("end", "ctrl+a");
    select(0, "root");
    press("ctrl+e", "enter");
    assertThat(contents.parts).extracting(p -> p.layer().index()).containsExactly(7);
    assertThat(contents.parts.get(0).only()).contains(java.util.Set.of("root", "root/saved.txt"));
  }

  @Test
  void readingShowsProgressKeysStillWorkAndEscCancels(TestInfo info) {
    inline = false;
    select(1, "somefile");
    press("v");
    assertThat(app.isReadingLayer()).isTrue();
    LayerJob job = app.layerJob().orElseThrow();
    job.phase("exporting the image from the Docker daemon");
    job.progress(12_000_000, 45_000_000);
    assertThat(app.refresh()).isTrue();
    Frame frame = render();
    assertThat(statusLine(frame))
        .startsWith(
            "▏Reading layer 1… exporting the image from the Docker daemon 12 MB of 45 MB · Esc"
                + " cancels ▏");
    golden(info, frame);
    int row = app.tree().cursorRow();
    press("k");
    assertThat(app.tree().cursorRow()).isEqualTo(row - 1);
    press("v");
    assertThat(statusLine(render())).startsWith("▏Still reading layer 1; Esc cancels it ▏");
    press("esc");
    assertThat(job.isCancelled()).isTrue();
    assertThat(app.isReadingLayer()).isFalse();
    assertThat(statusLine(render())).startsWith("▏Cancelled reading layer 1 ▏");
    // The cancelled read ends later; its result is dropped.
    queued.poll().run();
    app.refresh();
    assertThat(render().text()).doesNotContain("somefile.txt · layer");
  }

  @Test
  void removedFilesCannotBeViewedOrExtracted() {
    select(5, "somefile1");
    press("v");
    assertThat(statusLine(render()))
        .startsWith(
            "▏/root/example/somefile1.txt is removed here (a whiteout): select a lower layer to"
                + " view it ▏");
    press("ctrl+e");
    assertThat(app.isEditingText()).isFalse();
    assertThat(statusLine(render())).contains("select a lower layer to extract it");
    assertThat(contents.asked).isEmpty();
  }

  @Test
  void directoriesAndSymlinksAreNotViewed() {
    select(0, "usr");
    press("v");
    assertThat(statusLine(render()))
        .startsWith("▏/usr is a directory: the viewer shows files; ^E extracts it ▏");
    press("f", "e", "n", "v", "enter", "v");
    assertThat(statusLine(render()))
        .startsWith("▏/usr/bin/env is a symlink to /bin/busybox: select its target to view it ▏");
    assertThat(contents.asked).isEmpty();
  }

  @Test
  void aSourceThatCannotBeReadAgainSaysSoInOneLine(TestInfo info) {
    app =
        open(
            LayerContents.unavailable(
                "app.tar was read once from a stream; save it to a file to read it again"));
    select(1, "somefile");
    press("v");
    Frame frame = render();
    assertThat(statusLine(frame))
        .startsWith(
            "▏Cannot view: app.tar was read once from a stream; save it to a file to read it"
                + " again ▏");
    golden(info, frame);
  }

  @Test
  void aFailureIsOneLineWithoutTheClassName() {
    contents.failure =
        new java.io.IOException("layer 1: /somefile.txt: cannot read (Connection reset)\nmore");
    select(1, "somefile");
    press("v");
    assertThat(statusLine(render()))
        .startsWith("▏layer 1: /somefile.txt: cannot read (Connection reset) ▏");
  }

  @Test
  void theKeysCanBeChanged() {
    KeyBindings keys =
        KeyBindings.parse("extract-file: F3\nview-file: ctrl+v, enter\nopen: o\n", "keys");
    assertThat(keys.action(Focus.TREE, "f3")).contains(Command.EXTRACT_FILE);
    assertThat(keys.action(Focus.TREE, "ctrl+e")).isEmpty();
    assertThat(keys.action(Focus.TREE, "enter")).contains(Command.VIEW_FILE);
    assertThat(HelpText.lines(keys).toString()).contains("F3").contains("^V, Enter");
  }
}
