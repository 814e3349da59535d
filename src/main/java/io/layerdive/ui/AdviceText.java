package io.layerdive.ui;

import io.layerdive.analysis.Advice;
import io.layerdive.analysis.AdviceReport;
import io.layerdive.analysis.LayerMerge;
import io.layerdive.bytes.HumanBytes;
import io.layerdive.text.DisplayWidth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The advice window's lines: each item (largest saving first) as a selectable heading with its
 * problem, change and example paths, then the layer merges. Each selectable line knows where it
 * leads: a layer, and a path in that layer's tree when the item names one.
 */
final class AdviceText {
  private static final int MAX_EXAMPLES = 3;

  /** A selectable line and where Enter takes the explorer; {@code path} may be null. */
  record Target(int line, int layer, String path) {}

  record Content(List<List<Span>> lines, List<Target> targets) {}

  private AdviceText() {}

  static Content of(AdviceReport report) {
    List<List<Span>> lines = new ArrayList<>();
    List<Target> targets = new ArrayList<>();
    if (report.items().isEmpty() && report.merges().isEmpty()) {
      lines.add(List.of(new Span("Nothing to change: no advice for this image", Style.NORMAL)));
      return new Content(lines, targets);
    }
    int n = report.items().size();
    lines.add(
        List.of(
            new Span(
                HumanBytes.format(report.totalBytesSaved())
                    + " could be saved by "
                    + n
                    + (n == 1 ? " change" : " changes"),
                Style.HEADER)));
    lines.add(List.of(new Span(" ", Style.NORMAL)));
    for (Advice a : report.items()) {
      String layers =
          a.layers().stream().map(String::valueOf).collect(Collectors.joining(", "));
      targets.add(
          new Target(
              lines.size(),
              a.layers().isEmpty() ? -1 : a.layers().get(0),
              a.examples().isEmpty() ? null : a.examples().get(0)));
      lines.add(
          List.of(
              new Span(
                  DisplayWidth.fit((a.exact() ? "" : "~") + HumanBytes.format(a.bytesSaved()), 9)
                      + " "
                      + a.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                      + " · layer"
                      + (a.layers().size() == 1 ? " " : "s ")
                      + layers
                      + " · "
                      + a.files()
                      + (a.files() == 1 ? " file" : " files"),
                  Style.NORMAL)));
      lines.add(List.of(new Span("  " + DisplayWidth.sanitize(a.problem()), Style.NORMAL)));
      lines.add(List.of(new Span("  → " + DisplayWidth.sanitize(a.change()), Style.DIM)));
      for (String example : a.examples().subList(0, Math.min(MAX_EXAMPLES, a.examples().size()))) {
        lines.add(List.of(new Span("    " + DisplayWidth.sanitize(example), Style.DIM)));
      }
      lines.add(List.of(new Span(" ", Style.NORMAL)));
    }
    if (!report.merges().isEmpty()) {
      lines.add(List.of(new Span("Layers worth merging into one RUN", Style.HEADER)));
      for (LayerMerge m : report.merges()) {
        targets.add(new Target(lines.size(), m.from(), null));
        lines.add(
            List.of(
                new Span(
                    "layers "
                        + m.from()
                        + "–"
                        + m.to()
                        + ": "
                        + HumanBytes.format(m.currentBytes())
                        + " → "
                        + HumanBytes.format(m.mergedBytes())
                        + ", saves "
                        + HumanBytes.format(m.savedBytes()),
                    Style.NORMAL)));
      }
    }
    return new Content(lines, targets);
  }
}
