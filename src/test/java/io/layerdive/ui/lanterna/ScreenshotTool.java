package io.layerdive.ui.lanterna;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import io.layerdive.image.Digest;
import io.layerdive.image.Layer;
import io.layerdive.testing.Conformance;
import io.layerdive.ui.Frame;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Renders real screens to SVG: a frame goes through the real {@link Painter} onto Lanterna's
 * virtual terminal, and the SVG is drawn from the terminal's cells (glyph, colours, attributes), so
 * a screenshot shows exactly what a terminal would, never a drawing of it.
 *
 * <p>Run after {@code mvn test-compile}: {@code java -cp target/test-classes:target/classes:<deps>
 * io.layerdive.ui.lanterna.ScreenshotTool [directory]} writes {@code loading.svg} (the progress
 * view) into the directory, {@code screenshots} by default. Other screens: call {@link #write} with
 * a {@link FrameSource}, e.g. a model's {@code render} after driving it with keys.
 */
public final class ScreenshotTool {
  /** Anything that can draw a whole screen at a size: a model's {@code render}. */
  @FunctionalInterface
  public interface FrameSource {
    Frame render(int columns, int rows);
  }

  private static final double CELL_WIDTH = 8.4;
  private static final int CELL_HEIGHT = 18;
  private static final int FONT_SIZE = 14;
  private static final int BASELINE = 14;
  private static final String DEFAULT_FG = "#d0d0d0";
  private static final String DEFAULT_BG = "#1c1c1c";

  /** The 16 ANSI colours as a dark terminal theme shows them. */
  private static final String[] PALETTE = {
    "#000000", "#cd3131", "#0dbc79", "#e5e510", "#2472c8", "#bc3fbc", "#11a8cd", "#e5e5e5",
    "#666666", "#f14c4c", "#23d18b", "#f5f543", "#3b8eea", "#d670d6", "#29b8db", "#ffffff"
  };

  private ScreenshotTool() {}

  public static void main(String[] args) throws IOException {
    Path directory = Path.of(args.length > 0 ? args[0] : "screenshots");
    Files.createDirectories(directory);
    TerminalCapabilities capabilities =
        TerminalCapabilities.fullScreen(ColorDepth.COLORS_256, StandardCharsets.UTF_8);
    write(directory.resolve("loading.svg"), 100, 24, capabilities, loadingExample());
    io.layerdive.ui.AnalyzedImage demo =
        analyze(
            io.layerdive.source.archive.DockerArchiveSource.stream(
                io.layerdive.sample.DemoImage::openArchive, io.layerdive.sample.DemoImage.NAME));
    screen(
        directory, "main", 160, 45, capabilities, demo, "j", "j", "j", "j", "j", "tab", "j", "j");
    screen(directory, "aggregated", 160, 45, capabilities, demo, "G", "ctrl+a", "tab", "ctrl+u");
    screen(directory, "filter", 160, 45, capabilities, demo, "tab", "/", "d", "i", "s", "t");
    screen(directory, "help", 160, 45, capabilities, demo, "?");
    screen(directory, "narrow", 80, 30, capabilities, demo, "j", "j");
    screen(directory, "too-small", 39, 12, capabilities, demo);
    screen(directory, "advice", 160, 45, capabilities, demo, "a");
    io.layerdive.ui.AnalyzedImage readable =
        new io.layerdive.ui.AnalyzedImage(
            demo.image(), demo.stack(), demo.analysis(), demo.diagnostics(), new DemoContents());
    screen(
        directory,
        "viewer",
        160,
        45,
        capabilities,
        readable,
        keys("j j j tab / ^ / a p p / p a c k a g e enter f p a c k a g e enter v"));
    screen(
        directory,
        "extract",
        160,
        45,
        capabilities,
        readable,
        keys("G ctrl+a tab / ^ / e t c $ enter f e t c enter ctrl+e"));
    // dive's test image lies beside the project in a checkout with the shared folder; skip it
    // elsewhere.
    Optional<Path> diveImage =
        Conformance.find()
            .map(dir -> dir.resolve("images/test-docker-image.tar"))
            .filter(Files::isRegularFile);
    if (diveImage.isPresent()) {
      io.layerdive.ui.AnalyzedImage conformance =
          analyze(
              io.layerdive.source.archive.DockerArchiveSource.file(
                  diveImage.get(), "test-docker-image.tar"));
      screen(directory, "dive-test-image", 160, 45, capabilities, conformance, "G", "tab");
      screen(
          directory,
          "dive-test-image-aggregated",
          160,
          45,
          capabilities,
          conformance,
          "G",
          "ctrl+a",
          "tab",
          "ctrl+u");
      screen(
          directory,
          "dive-test-image-filter",
          160,
          45,
          capabilities,
          conformance,
          keys("j j j j j j j tab / s a v e d"));
      screen(directory, "dive-test-image-help", 160, 45, capabilities, conformance, "?");
      screen(
          directory,
          "dive-test-image-narrow",
          80,
          30,
          capabilities,
          conformance,
          "j",
          "j",
          "j",
          "tab");
    }
  }

  /** Opens the explorer's model on an image, presses keys, and writes the screen. */
  private static void screen(
      Path directory,
      String name,
      int columns,
      int rows,
      TerminalCapabilities capabilities,
      io.layerdive.ui.AnalyzedImage image,
      String... keys)
      throws IOException {
    io.layerdive.ui.AppModel model = io.layerdive.ui.AppModel.open(image);
    for (String key : keys) model.key(key);
    // Background work (neighbour trees, large filters, a layer read) settles before the picture.
    for (int i = 0; i < 500 && model.isReadingLayer(); i++) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      model.refresh();
    }
    for (int i = 0; i < 50 && model.refresh(); i++) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    write(directory.resolve(name + ".svg"), columns, rows, capabilities, model::render);
    model.close();
  }

  private static String[] keys(String spaced) {
    return spaced.split(" ");
  }

  /** The demo's layers, generated again: what the program's demo source does. */
  private static final class DemoContents implements io.layerdive.ui.LayerContents {
    private final io.layerdive.source.extract.LayerOpener opener =
        new io.layerdive.source.extract.ArchiveLayerOpener(
            io.layerdive.sample.DemoImage::openArchive, io.layerdive.sample.DemoImage.NAME);

    @Override
    public java.util.Optional<String> unavailable() {
      return java.util.Optional.empty();
    }

    @Override
    public FileText view(io.layerdive.image.Layer layer, String path, io.layerdive.ui.LayerJob job)
        throws Exception {
      io.layerdive.source.extract.FilePreview p =
          new io.layerdive.source.extract.FilePreviewReader(opener)
              .read(layer, path, io.layerdive.source.extract.FilePreviewReader.DEFAULT_LIMIT);
      return new FileText(
          p.path(),
          p.size(),
          p.isBinary() ? java.util.Optional.empty() : java.util.Optional.of(p.text()),
          p.head().length);
    }

    @Override
    public Extracted extract(
        String path, java.util.List<Part> parts, String target, io.layerdive.ui.LayerJob job) {
      throw new UnsupportedOperationException("screenshots do not extract");
    }
  }

  private static io.layerdive.ui.AnalyzedImage analyze(io.layerdive.source.ImageSource source)
      throws IOException {
    try {
      io.layerdive.tree.TreeBuilder builder = new io.layerdive.tree.TreeBuilder();
      io.layerdive.source.LoadedImage<io.layerdive.tree.RawLayer> loaded =
          source.load(builder, io.layerdive.source.LoadListener.NONE);
      io.layerdive.tree.ImageFiles files = builder.freeze(loaded.layerContents());
      io.layerdive.tree.LayerStack stack = new io.layerdive.tree.LayerStack(files);
      return new io.layerdive.ui.AnalyzedImage(
          loaded.image(),
          stack,
          io.layerdive.analysis.ImageAnalyzer.analyze(loaded.image(), files),
          stack.diagnostics());
    } catch (io.layerdive.source.ImageReadException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  /** Paints what {@code source} draws at the size and writes the screen as SVG to {@code file}. */
  public static void write(
      Path file, int columns, int rows, TerminalCapabilities capabilities, FrameSource source)
      throws IOException {
    Files.writeString(file, svg(columns, rows, capabilities, source), StandardCharsets.UTF_8);
  }

  /** The screen as SVG. */
  public static String svg(
      int columns, int rows, TerminalCapabilities capabilities, FrameSource source) {
    VirtualScreen screen =
        new VirtualScreen(columns, rows, capabilities.colors(), capabilities.charset());
    screen.show(source.render(columns, rows));
    return svg(screen.terminal);
  }

  static String svg(DefaultVirtualTerminal terminal) {
    int columns = terminal.getTerminalSize().getColumns();
    int rows = terminal.getTerminalSize().getRows();
    StringBuilder svg = new StringBuilder();
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.1f\" height=\"%d\""
                + " viewBox=\"0 0 %.1f %d\">\n",
            columns * CELL_WIDTH,
            rows * CELL_HEIGHT,
            columns * CELL_WIDTH,
            rows * CELL_HEIGHT));
    svg.append("<style>text{font-family:'DejaVu Sans Mono','Menlo','Consolas',monospace;font-size:")
        .append(FONT_SIZE)
        .append("px;white-space:pre}</style>\n");
    svg.append("<rect width=\"100%\" height=\"100%\" fill=\"").append(DEFAULT_BG).append("\"/>\n");
    for (int row = 0; row < rows; row++) {
      for (Run run : runs(terminal, row, columns)) {
        if (!run.background().equals(DEFAULT_BG)) {
          svg.append(
              String.format(
                  Locale.ROOT,
                  "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>\n",
                  run.column() * CELL_WIDTH,
                  row * CELL_HEIGHT,
                  run.width() * CELL_WIDTH,
                  CELL_HEIGHT,
                  run.background()));
        }
      }
      for (Run run : runs(terminal, row, columns)) {
        boolean decorated =
            run.attributes().contains(SGR.UNDERLINE) || run.attributes().contains(SGR.CROSSED_OUT);
        if (run.text().isBlank() && !decorated) continue;
        // Trailing blanks draw nothing unless decorated; leaving them out keeps the file small.
        String text = decorated ? run.text() : run.text().stripTrailing();
        int width = run.width() - (run.text().length() - text.length());
        svg.append(
            String.format(
                Locale.ROOT,
                "<text x=\"%.1f\" y=\"%d\" textLength=\"%.1f\" lengthAdjust=\"spacingAndGlyphs\""
                    + " fill=\"%s\"%s%s xml:space=\"preserve\">%s</text>\n",
                run.column() * CELL_WIDTH,
                row * CELL_HEIGHT + BASELINE,
                width * CELL_WIDTH,
                run.foreground(),
                run.attributes().contains(SGR.BOLD) ? " font-weight=\"bold\"" : "",
                decoration(run.attributes()),
                escape(text)));
      }
    }
    return svg.append("</svg>\n").toString();
  }

  /** Equally styled cells next to each other; a wide glyph is a run of its own. */
  private record Run(
      int column,
      int width,
      String text,
      String foreground,
      String background,
      Set<SGR> attributes) {}

  private static List<Run> runs(DefaultVirtualTerminal terminal, int row, int columns) {
    List<Run> runs = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    int start = 0;
    int width = 0;
    String fg = null;
    String bg = null;
    Set<SGR> attributes = null;
    for (int column = 0; column < columns; column++) {
      TextCharacter cell = terminal.getCharacter(column, row);
      boolean wide = cell.isDoubleWidth();
      boolean reverse = cell.getModifiers().contains(SGR.REVERSE);
      String cellFg =
          hex(reverse ? cell.getBackgroundColor() : cell.getForegroundColor(), !reverse);
      String cellBg = hex(reverse ? cell.getForegroundColor() : cell.getBackgroundColor(), reverse);
      Set<SGR> cellAttributes = cell.getModifiers();
      if (width > 0
          && (wide
              || !cellFg.equals(fg)
              || !cellBg.equals(bg)
              || !cellAttributes.equals(attributes))) {
        runs.add(new Run(start, width, text.toString(), fg, bg, attributes));
        text.setLength(0);
        width = 0;
      }
      if (width == 0) {
        start = column;
        fg = cellFg;
        bg = cellBg;
        attributes = cellAttributes;
      }
      text.append(cell.getCharacterString());
      width += wide ? 2 : 1;
      if (wide) {
        runs.add(new Run(start, width, text.toString(), fg, bg, attributes));
        text.setLength(0);
        width = 0;
        column++;
      }
    }
    if (width > 0) runs.add(new Run(start, width, text.toString(), fg, bg, attributes));
    return runs;
  }

  /** The colour as #rrggbb; the terminal default is the theme's foreground or background. */
  static String hex(TextColor color, boolean foreground) {
    if (color instanceof TextColor.ANSI ansi) {
      if (ansi == TextColor.ANSI.DEFAULT) return foreground ? DEFAULT_FG : DEFAULT_BG;
      return PALETTE[ansi.ordinal() < 8 ? ansi.ordinal() : ansi.ordinal() - 1];
    }
    for (int index = 0; index < 16; index++) {
      if (color.equals(new TextColor.Indexed(index))) return PALETTE[index];
    }
    return String.format(
        Locale.ROOT, "#%02x%02x%02x", color.getRed(), color.getGreen(), color.getBlue());
  }

  private static String decoration(Set<SGR> attributes) {
    List<String> lines = new ArrayList<>();
    if (attributes.contains(SGR.UNDERLINE)) lines.add("underline");
    if (attributes.contains(SGR.CROSSED_OUT)) lines.add("line-through");
    return lines.isEmpty() ? "" : " text-decoration=\"" + String.join(" ", lines) + "\"";
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** The progress view halfway through reading an image. */
  private static FrameSource loadingExample() {
    long second = 1_000_000_000L;
    long[] now = {0};
    LoadingState state = new LoadingState("Starting", () -> now[0]);
    state.phase("Reading layers");
    state.layersKnown(
        List.of(
            layer(0, 74_800_000, "/bin/sh -c #(nop) ADD file:9d5a3c in / "),
            layer(1, 1_200, "/bin/sh -c #(nop)  CMD [\"bash\"]"),
            layer(
                2,
                61_400_000,
                "/bin/sh -c apt-get update && apt-get install -y --no-install-recommends curl"
                    + " ca-certificates"),
            layer(3, 12_300_000, "/bin/sh -c #(nop) COPY dir:3f1e in /usr/share/nginx/html "),
            layer(4, 4_096, "/bin/sh -c chmod -R a+r /usr/share/nginx/html")));
    now[0] += 2 * second;
    state.progress(1, 148_505_296, 0, 5);
    now[0] += 1 * second;
    state.progress(88_600_000, 148_505_296, 2, 5);
    LoadingView view = new LoadingView("docker://nginx:1.27");
    return (columns, rows) -> view.render(state.snapshot(), now[0], columns, rows);
  }

  private static Layer layer(int index, long size, String command) {
    return new Layer(
        index,
        "l" + index,
        Digest.parse("sha256:" + String.valueOf(index).repeat(64)),
        Optional.empty(),
        command,
        size,
        -1);
  }
}
