package io.layerdive.ui;

import io.layerdive.analysis.ImageAnalysis;
import io.layerdive.analysis.Inefficiency;
import io.layerdive.bytes.HumanBytes;
import io.layerdive.image.Diagnostic;
import io.layerdive.image.Image;
import io.layerdive.image.Layer;
import io.layerdive.text.DisplayWidth;
import java.util.ArrayList;
import java.util.List;

/**
 * The image's figures as dive shows them (name, total size, potential wasted space, efficiency
 * score truncated to a whole percent) plus the compressed size where known and the bytes really
 * reclaimable, then dive's inefficiency table ({@code %5s %12s %-s}: count, total space, path;
 * largest first) and any diagnostics. Scrollable.
 */
public final class ImageDetailsModel {
  private static final String TABLE = "%5s  %12s  %s";

  private final List<List<Span>> lines;
  private final ScrollText body = new ScrollText();
  private int tableStart;
  private int tableEnd;

  public ImageDetailsModel(Image image, ImageAnalysis analysis, List<Diagnostic> diagnostics) {
    List<List<Span>> out = new ArrayList<>();
    out.add(field("Image name:", image.name()));
    out.add(field("Total Image size:", totalSize(image, analysis)));
    out.add(field("Potential wasted space:", HumanBytes.format(analysis.wastedBytes())));
    out.add(field("Reclaimable space:", HumanBytes.format(analysis.reclaimableBytes())));
    out.add(field("Image efficiency score:", efficiencyPercent(analysis.efficiency()) + " %"));
    out.add(List.of(new Span(" ", Style.NORMAL)));
    out.add(List.of(new Span(String.format(TABLE, "Count", "Total Space", "Path"), Style.HEADER)));
    tableStart = out.size();
    for (Inefficiency i : analysis.inefficiencies()) {
      String row =
          String.format(
              TABLE,
              i.count(),
              HumanBytes.format(i.cumulativeBytes()),
              DisplayWidth.sanitize(i.path()));
      out.add(List.of(new Span(row, Style.NORMAL)));
    }
    tableEnd = out.size();
    if (!diagnostics.isEmpty()) {
      out.add(List.of(new Span(" ", Style.NORMAL)));
      out.add(List.of(new Span("Diagnostics:", Style.HEADER)));
      for (Diagnostic d : diagnostics) {
        out.add(List.of(new Span(DisplayWidth.sanitize(d.toString()), Style.NORMAL)));
      }
    }
    this.lines = List.copyOf(out);
  }

  /**
   * dive's figure, and beside it what a pull downloads when the source knows every layer's
   * compressed size (a registry, compressed layers).
   */
  private static String totalSize(Image image, ImageAnalysis analysis) {
    String size = HumanBytes.format(analysis.sizeBytes());
    List<Layer> layers = image.layers();
    if (layers.isEmpty() || layers.stream().anyMatch(l -> l.compressedSizeBytes() < 0)) {
      return size;
    }
    long compressed = layers.stream().mapToLong(Layer::compressedSizeBytes).sum();
    return size + " (" + HumanBytes.format(compressed) + " compressed)";
  }

  /** dive's {@code int(100 * efficiency)}: 98.44 % shows as 98. */
  static int efficiencyPercent(double efficiency) {
    return (int) (100.0 * efficiency);
  }

  private static List<Span> field(String label, String value) {
    return List.of(
        new Span(label, Style.HEADER), new Span(" " + DisplayWidth.sanitize(value), Style.NORMAL));
  }

  public List<List<Span>> lines() {
    return lines;
  }

  public void scrollBy(int delta) {
    body.scrollBy(delta);
  }

  public void page(int direction) {
    body.page(direction);
  }

  public void toStart() {
    body.toStart();
  }

  public void toEnd() {
    body.toEnd();
  }

  void draw(Canvas c, Rect area, boolean focused) {
    PaneTitle.draw(c, area.x(), area.y(), area.width(), "Image Details", focused);
    body.draw(c, area.x(), area.y() + 1, area.width(), area.height() - 1, fitted(area.width()));
  }

  /**
   * The lines with the table's paths cut from the left to the pane's width: a row per file keeps
   * the table readable, and the end of a path (the file name) is what tells files apart.
   */
  private List<List<Span>> fitted(int width) {
    List<List<Span>> out = new ArrayList<>(lines);
    for (int i = tableStart; i < tableEnd; i++) {
      String row = out.get(i).get(0).text();
      if (DisplayWidth.of(row) <= width || width < 25) continue;
      int pathStart = String.format(TABLE, "", "", "").length();
      String path = row.substring(pathStart);
      int room = width - pathStart;
      int cut = path.length();
      while (cut > 0 && DisplayWidth.of(path.substring(path.length() - cut)) > room - 1) cut--;
      out.set(
          i,
          List.of(
              new Span(
                  row.substring(0, pathStart) + "…" + path.substring(path.length() - cut),
                  Style.NORMAL)));
    }
    return out;
  }
}
