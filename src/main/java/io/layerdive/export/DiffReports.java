package io.layerdive.export;

import io.layerdive.analysis.DirectoryChange;
import io.layerdive.analysis.FileChange;
import io.layerdive.analysis.ImageDiff;
import io.layerdive.analysis.LayerPair;
import io.layerdive.bytes.HumanBytes;
import io.layerdive.image.Layer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How two images differ, for people (plain text, Markdown) and for programs (a JSON record). The
 * text and the Markdown show the same figures: totals, the directories that changed most, the
 * largest file changes and the layers side by side.
 */
public final class DiffReports {
  static final int TOP_DIRECTORIES = 20;
  static final int TOP_FILES = 30;
  private static final int COMMAND_WIDTH = 40;

  private DiffReports() {}

  /** The plain-text report printed by {@code layerdive diff}. */
  public static String text(ImageDiff diff) {
    StringBuilder sb = new StringBuilder();
    sb.append("Before  ").append(diff.beforeName()).append('\n');
    sb.append("After   ").append(diff.afterName()).append('\n');
    sb.append('\n');
    sb.append(String.format(Locale.ROOT, "%-12s %10s %10s %11s%n", "", "before", "after", "delta"));
    total(sb, "image", diff.beforeImageBytes(), diff.afterImageBytes());
    total(sb, "files", diff.beforeFileSystemBytes(), diff.afterFileSystemBytes());
    sb.append('\n');
    sb.append(counts(diff)).append('\n');

    List<DirectoryChange> dirs = head(diff.directories(), TOP_DIRECTORIES);
    sb.append('\n').append("Directories that changed most\n");
    if (dirs.isEmpty()) sb.append("  (none)\n");
    for (DirectoryChange d : dirs) {
      sb.append(
          String.format(
              Locale.ROOT,
              "  %11s %10s %10s  %s%n",
              signed(d.deltaBytes()),
              HumanBytes.format(d.beforeBytes()),
              HumanBytes.format(d.afterBytes()),
              d.path()));
    }

    List<FileChange> files = head(diff.files(), TOP_FILES);
    sb.append('\n').append("Largest file changes\n");
    if (files.isEmpty()) sb.append("  (none)\n");
    for (FileChange f : files) {
      sb.append(
          String.format(
              Locale.ROOT,
              "  %11s  %-7s  %s%n",
              signed(f.deltaBytes()),
              f.kind().name().toLowerCase(Locale.ROOT),
              f.path()));
    }
    int more = diff.addedFiles() + diff.removedFiles() + diff.changedFiles() - files.size();
    if (more > 0) sb.append("  … and ").append(more).append(" more\n");

    sb.append('\n').append("Layers (= the same layer in both)\n");
    String side = "%10s  %-" + COMMAND_WIDTH + "s";
    for (LayerPair pair : diff.layers()) {
      sb.append(
          String.format(
                  Locale.ROOT,
                  "  %3d  " + side + "  %s  " + side,
                  pair.index(),
                  size(pair.before()),
                  command(pair.before()),
                  pair.shared() ? "=" : " ",
                  size(pair.after()),
                  command(pair.after()))
              .stripTrailing());
      sb.append('\n');
    }
    return sb.toString();
  }

  /** The same report as Markdown, for a pull request comment. */
  public static String markdown(ImageDiff diff) {
    StringBuilder sb = new StringBuilder();
    sb.append("# `").append(diff.beforeName()).append("` → `").append(diff.afterName()).append("`\n\n");
    sb.append("| | before | after | delta |\n|---|---:|---:|---:|\n");
    mdTotal(sb, "image", diff.beforeImageBytes(), diff.afterImageBytes());
    mdTotal(sb, "files", diff.beforeFileSystemBytes(), diff.afterFileSystemBytes());
    sb.append('\n').append(counts(diff)).append("\n\n");

    sb.append("## Directories that changed most\n\n");
    sb.append("| delta | before | after | path |\n|---:|---:|---:|---|\n");
    for (DirectoryChange d : head(diff.directories(), TOP_DIRECTORIES)) {
      sb.append("| ")
          .append(signed(d.deltaBytes()))
          .append(" | ")
          .append(HumanBytes.format(d.beforeBytes()))
          .append(" | ")
          .append(HumanBytes.format(d.afterBytes()))
          .append(" | `")
          .append(d.path())
          .append("` |\n");
    }
    sb.append("\n## Largest file changes\n\n| delta | kind | path |\n|---:|---|---|\n");
    for (FileChange f : head(diff.files(), TOP_FILES)) {
      sb.append("| ")
          .append(signed(f.deltaBytes()))
          .append(" | ")
          .append(f.kind().name().toLowerCase(Locale.ROOT))
          .append(" | `")
          .append(f.path())
          .append("` |\n");
    }
    sb.append("\n## Layers\n\n| # | before | | after |\n|---:|---|---|---|\n");
    for (LayerPair pair : diff.layers()) {
      sb.append("| ")
          .append(pair.index())
          .append(" | ")
          .append(mdLayer(pair.before()))
          .append(" | ")
          .append(pair.shared() ? "=" : "")
          .append(" | ")
          .append(mdLayer(pair.after()))
          .append(" |\n");
    }
    return sb.toString();
  }

  /** The diff as exported by {@code layerdive diff --json}. */
  public static DiffJson json(ImageDiff diff) {
    List<DiffJson.FileEntry> files = new ArrayList<>(diff.files().size());
    for (FileChange f : diff.files()) {
      files.add(
          new DiffJson.FileEntry(
              f.path(), f.kind().name(), f.beforeBytes(), f.afterBytes(), f.deltaBytes()));
    }
    List<DiffJson.DirectoryEntry> dirs = new ArrayList<>(diff.directories().size());
    for (DirectoryChange d : diff.directories()) {
      dirs.add(new DiffJson.DirectoryEntry(d.path(), d.beforeBytes(), d.afterBytes(), d.deltaBytes()));
    }
    List<DiffJson.LayerEntry> layers = new ArrayList<>(diff.layers().size());
    for (LayerPair p : diff.layers()) {
      layers.add(
          new DiffJson.LayerEntry(
              p.index(), p.shared(), p.before().map(DiffReports::side).orElse(null),
              p.after().map(DiffReports::side).orElse(null)));
    }
    return new DiffJson(
        DiffJson.SCHEMA_VERSION,
        new DiffJson.Side(diff.beforeName(), diff.beforeImageBytes(), diff.beforeFileSystemBytes()),
        new DiffJson.Side(diff.afterName(), diff.afterImageBytes(), diff.afterFileSystemBytes()),
        diff.imageDeltaBytes(),
        diff.addedFiles(),
        diff.removedFiles(),
        diff.changedFiles(),
        diff.filesTruncated(),
        files,
        dirs,
        layers);
  }

  private static DiffJson.LayerSide side(Layer layer) {
    return new DiffJson.LayerSide(
        layer.diffId().toString(), layer.sizeBytes(), layer.createdBy() == null ? "" : layer.shortCommand());
  }

  private static String counts(ImageDiff diff) {
    return diff.addedFiles()
        + (diff.addedFiles() == 1 ? " file added, " : " files added, ")
        + diff.removedFiles()
        + " removed, "
        + diff.changedFiles()
        + " changed";
  }

  private static void total(StringBuilder sb, String label, long before, long after) {
    sb.append(
        String.format(
            Locale.ROOT,
            "%-12s %10s %10s %11s%n",
            label,
            HumanBytes.format(before),
            HumanBytes.format(after),
            signed(after - before)));
  }

  private static void mdTotal(StringBuilder sb, String label, long before, long after) {
    sb.append("| ")
        .append(label)
        .append(" | ")
        .append(HumanBytes.format(before))
        .append(" | ")
        .append(HumanBytes.format(after))
        .append(" | ")
        .append(signed(after - before))
        .append(" |\n");
  }

  private static String mdLayer(Optional<Layer> layer) {
    return layer
        .map(
            l ->
                HumanBytes.format(l.sizeBytes())
                    + " `"
                    + cut(l.createdBy() == null ? "" : l.shortCommand(), 80).replace("`", "'").replace("|", "\\|")
                    + "`")
        .orElse("");
  }

  /** A byte delta with its sign: "+1.2 MB", "-300 B", "0 B". */
  static String signed(long delta) {
    if (delta == 0) return "0 B";
    return (delta > 0 ? "+" : "-") + HumanBytes.format(Math.abs(delta));
  }

  private static String size(Optional<Layer> layer) {
    return layer.map(l -> HumanBytes.format(l.sizeBytes())).orElse("-");
  }

  private static String command(Optional<Layer> layer) {
    return layer.map(l -> cut(l.createdBy() == null ? "" : l.shortCommand(), COMMAND_WIDTH)).orElse("");
  }

  private static String cut(String s, int width) {
    return s.length() <= width ? s : s.substring(0, width - 1) + "…";
  }

  private static <T> List<T> head(List<T> list, int n) {
    return list.subList(0, Math.min(n, list.size()));
  }
}
