package io.layerdive.ui.lanterna;

import static io.layerdive.ui.Style.ADDED;
import static io.layerdive.ui.Style.COMPARE_BOTTOM;
import static io.layerdive.ui.Style.NORMAL;
import static io.layerdive.ui.Style.REMOVED;
import static io.layerdive.ui.Style.SELECTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScreenshotToolTest {
  private static final TerminalCapabilities COLOUR =
      TerminalCapabilities.fullScreen(ColorDepth.COLORS_256, StandardCharsets.UTF_8);

  private static String svg(Frames frames, int columns, int rows, TerminalCapabilities caps) {
    return ScreenshotTool.svg(columns, rows, caps, (c, r) -> frames.build());
  }

  @Test
  void drawsOneTextPerRunOfEquallyStyledCellsWithItsColours() {
    Frames f = new Frames(20, 2).line("ab", ADDED, "cd", REMOVED, " <&> ", NORMAL);

    String svg = svg(f, 20, 2, COLOUR);

    assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"");
    assertThat(svg).contains("x=\"0.0\" y=\"14\" textLength=\"16.8\"").contains("fill=\"#0dbc79\"");
    assertThat(svg).contains(">ab</text>").contains(">cd</text>");
    assertThat(svg).contains("fill=\"#cd3131\"");
    assertThat(svg).contains("\"> &lt;&amp;&gt;</text>");
  }

  @Test
  void backgroundsAreRectanglesAndReverseVideoSwapsTheColours() {
    Frames f = new Frames(10, 2).line("  ", COMPARE_BOTTOM).line("sel   ", SELECTED);

    String svg = svg(f, 10, 2, COLOUR);

    assertThat(svg).contains("<rect x=\"0.0\" y=\"0\" width=\"16.8\" height=\"18\" fill=\"#0dbc79\"/>");
    assertThat(svg).contains("<rect x=\"0.0\" y=\"18\" width=\"50.4\" height=\"18\" fill=\"#d0d0d0\"/>");
    assertThat(svg).contains("fill=\"#1c1c1c\" font-weight=\"bold\" xml:space=\"preserve\">sel</text>");
  }

  @Test
  void aWideGlyphIsItsOwnTextTwoCellsWide() {
    Frames f = new Frames(10, 1).line("a設b", NORMAL);

    String svg = svg(f, 10, 1, COLOUR);

    assertThat(svg).contains("x=\"8.4\" y=\"14\" textLength=\"16.8\"").contains(">設</text>");
    assertThat(svg).contains("x=\"25.2\" y=\"14\" textLength=\"8.4\"").contains(">b</text>");
  }

  @Test
  void withoutColourAttributesStillShow() {
    Frames f = new Frames(10, 1).line("gone", REMOVED);
    TerminalCapabilities none =
        TerminalCapabilities.fullScreen(ColorDepth.NONE, StandardCharsets.UTF_8);

    String svg = svg(f, 10, 1, none);

    assertThat(svg).contains("text-decoration=\"line-through\"").contains(">gone</text>");
  }

  @Test
  void mainWritesTheProgressViewIntoTheDirectory(@TempDir Path directory) throws Exception {
    ScreenshotTool.main(new String[] {directory.toString()});

    String svg = Files.readString(directory.resolve("loading.svg"));
    assertThat(svg).contains("Reading layers").contains("layer 3 of 5");
  }
}
