package io.layerdive.ui.lanterna;

import io.layerdive.bytes.HumanBytes;
import io.layerdive.image.Layer;
import io.layerdive.ui.Frame;
import io.layerdive.ui.Span;
import io.layerdive.ui.Style;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The screen shown while an image loads: what is happening and for how long, a bar, layer i of N,
 * bytes and rate, and the layer list as soon as it is known, so a long export is visibly alive.
 */
final class LoadingView {
  private static final long NANOS_PER_SECOND = 1_000_000_000L;
  private final String subject;
  private final Glyphs glyphs = new Glyphs(StandardCharsets.UTF_8);

  /** @param subject what is being loaded, as the user named it */
  LoadingView(String subject) {
    this.subject = subject;
  }

  Frame render(LoadingState.Snapshot s, long nowNanos, int width, int height) {
    List<List<Span>> lines = new ArrayList<>();
    lines.add(line(width, new Span(" layerdive ", Style.TITLE), new Span(subject, Style.NORMAL)));
    lines.add(List.of());
    long seconds = Math.max(0, (nowNanos - s.phaseSinceNanos()) / NANOS_PER_SECOND);
    lines.add(
        line(
            width,
            new Span(" " + s.phase() + "… ", Style.HEADER),
            new Span(seconds + " s", Style.DIM)));
    if (s.bytesTotal() > 0) {
      lines.add(bar(width, s.bytesDone(), s.bytesTotal()));
    } else {
      lines.add(List.of());
    }
    String figures = figures(s, nowNanos);
    lines.add(figures.isEmpty() ? List.of() : line(width, new Span(" " + figures, Style.NORMAL)));
    lines.add(List.of());
    int footer = 1;
    if (!s.layers().isEmpty() && lines.size() + 1 + footer < height) {
      lines.add(line(width, new Span(" Layers", Style.HEADER)));
      for (Layer layer : s.layers()) {
        if (lines.size() + footer >= height) break;
        lines.add(layerLine(width, layer, s));
      }
    }
    while (lines.size() < height - footer) lines.add(List.of());
    while (lines.size() > height - footer && !lines.isEmpty()) lines.remove(lines.size() - 1);
    if (height > 0) {
      lines.add(
          line(
              width,
              new Span(" Esc ", Style.STATUS_KEY),
              new Span(" cancel ", Style.STATUS_LABEL)));
    }
    return new Frame(width, height, lines);
  }

  private List<Span> bar(int width, long done, long total) {
    int barWidth = Math.max(0, Math.min(50, width - 9));
    double fraction = Math.min(1.0, Math.max(0.0, (double) done / total));
    int filled = (int) Math.round(fraction * barWidth);
    String percent = String.format(Locale.ROOT, " %3d%%", Math.round(fraction * 100));
    return line(
        width,
        new Span(" ", Style.NORMAL),
        new Span("█".repeat(filled), Style.ADDED),
        new Span("░".repeat(barWidth - filled), Style.DIM),
        new Span(percent, Style.NORMAL));
  }

  private static String figures(LoadingState.Snapshot s, long nowNanos) {
    List<String> parts = new ArrayList<>();
    if (s.layersTotal() > 0) {
      int current = Math.min(s.layersDone() + 1, s.layersTotal());
      parts.add("layer " + current + " of " + s.layersTotal());
    }
    if (s.bytesDone() > 0 || s.bytesTotal() > 0) {
      parts.add(
          s.bytesTotal() > 0
              ? HumanBytes.format(s.bytesDone()) + " of " + HumanBytes.format(s.bytesTotal())
              : HumanBytes.format(s.bytesDone()));
    }
    long elapsed = s.bytesSinceNanos() < 0 ? 0 : nowNanos - s.bytesSinceNanos();
    if (elapsed >= NANOS_PER_SECOND / 4) {
      double perSecond = s.bytesDone() * (double) NANOS_PER_SECOND / elapsed;
      parts.add(HumanBytes.format(Math.round(perSecond)) + "/s");
    }
    return String.join(" · ", parts);
  }

  private List<Span> layerLine(int width, Layer layer, LoadingState.Snapshot s) {
    boolean done = layer.index() < s.layersDone();
    boolean reading = layer.index() == s.layersDone() && s.bytesDone() > 0;
    Span mark =
        done
            ? new Span("  ✓ ", Style.ADDED)
            : reading ? new Span("  ▸ ", Style.MODIFIED) : new Span("    ", Style.NORMAL);
    String size =
        layer.sizeBytes() >= 0
            ? String.format(Locale.ROOT, "%9s  ", HumanBytes.format(layer.sizeBytes()))
            : "";
    return line(
        width,
        mark,
        new Span(size, Style.NORMAL),
        new Span(layer.shortCommand(), done ? Style.NORMAL : Style.DIM));
  }

  /** The spans, cut so that they fill at most {@code width} columns, ending in … when cut. */
  private List<Span> line(int width, Span... spans) {
    List<Span> out = new ArrayList<>();
    int used = 0;
    for (Span span : spans) {
      int w = glyphs.width(span.text());
      if (used + w <= width) {
        out.add(span);
        used += w;
        continue;
      }
      StringBuilder cut = new StringBuilder();
      int[] room = {width - used - 1};
      glyphs.each(
          span.text(),
          (glyph, gw) -> {
            if (room[0] >= gw) {
              cut.append(glyph);
              room[0] -= gw;
            } else {
              room[0] = -1;
            }
          });
      if (width - used >= 1) out.add(new Span(cut + "…", span.style()));
      break;
    }
    return out;
  }
}
