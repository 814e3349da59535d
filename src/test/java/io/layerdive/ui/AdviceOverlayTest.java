package io.layerdive.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.layerdive.analysis.Advice;
import io.layerdive.testing.Golden;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AdviceOverlayTest {
  private AppModel app;

  @BeforeEach
  void setUp() {
    app =
        new AppModel(
            SampleImage.analyzed(),
            KeyBindings.defaults(),
            new AppModel.Options(CompareMode.LAYER, true, List.of(), false, false));
  }

  private Frame render() {
    Frame frame = app.render(140, 40);
    AppModelTest.assertExactWidth(frame);
    return frame;
  }

  @Test
  void aOpensTheAdviceLargestFirstWithTheFirstItemSelected() {
    assertThat(app.advice().items()).isNotEmpty();
    app.press("a");

    Frame frame = render();

    Golden.assertMatches(AdviceOverlayTest.class, "overlay", frame.text());
    String first = app.advice().items().get(0).kind().name().toLowerCase().replace('_', ' ');
    int line = lineWith(frame, first);
    assertThat(styleOf(frame, line, first)).isEqualTo(Style.SELECTED);
  }

  @Test
  void itemsAreOrderedByBytesSaved() {
    List<Advice> items = app.advice().items();
    for (int i = 1; i < items.size(); i++) {
      assertThat(items.get(i).bytesSaved()).isLessThanOrEqualTo(items.get(i - 1).bytesSaved());
    }
  }

  @Test
  void enterSelectsTheItemsFirstLayerAndExamplePath() {
    Advice first = app.advice().items().get(0);
    app.press("a");
    app.press("enter");

    assertThat(render().text()).doesNotContain("Enter go");
    assertThat(app.layers().selected()).isEqualTo(first.layers().get(0));
    if (!first.examples().isEmpty()) {
      assertThat(app.focus()).isEqualTo(Focus.TREE);
      assertThat(app.tree().cursorNode()).isPositive();
      assertThat(render().text()).doesNotContain("is not shown");
    }
  }

  @Test
  void downThenEnterGoesToTheSecondItem() {
    List<Advice> items = app.advice().items();
    org.junit.jupiter.api.Assumptions.assumeTrue(items.size() > 1, "one advice item only");
    app.press("a");
    app.press("down");
    app.press("enter");

    assertThat(app.layers().selected()).isEqualTo(items.get(1).layers().get(0));
  }

  @Test
  void escClosesWithoutMoving() {
    int before = app.layers().selected();
    app.press("a");
    app.press("esc");

    assertThat(render().text()).doesNotContain("could be saved");
    assertThat(app.layers().selected()).isEqualTo(before);
  }

  @Test
  void helpAndStatusBarShowTheKey() {
    String status = app.render(220, 40).text().lines().reduce((a, b) -> b).orElseThrow();
    assertThat(status).contains("▏a Advice");
    app.press("?");
    assertThat(app.render(150, 60).text()).contains("List what to change and what it saves");
  }

  private static Style styleOf(Frame frame, int line, String text) {
    for (Span s : frame.lines().get(line)) {
      if (s.text().contains(text)) return s.style();
    }
    throw new AssertionError("no '" + text + "' on line " + line);
  }

  private static int lineWith(Frame frame, String text) {
    String[] lines = frame.text().split("\n");
    for (int i = 0; i < lines.length; i++) if (lines[i].contains(text)) return i;
    throw new AssertionError("no line with '" + text + "'");
  }
}
