package io.layerdive.ui;

import io.layerdive.bytes.HumanBytes;
import io.layerdive.text.DisplayWidth;

/**
 * One view or extraction running on a background thread: what it reads, its job (progress and
 * cancellation) and, once done, its result or failure. Written by the reading thread before it
 * hands the task back, read by the explorer's thread after.
 */
final class LayerTask {
  enum Kind {
    VIEW,
    EXTRACT
  }

  @FunctionalInterface
  interface Work {
    Object run(LayerJob job) throws Exception;
  }

  private final Kind kind;
  private final int layer;
  private final String path;
  private final String target;
  private final Work work;
  private final LayerJob job = new LayerJob();
  private volatile Object result;
  private volatile Throwable failure;

  LayerTask(Kind kind, int layer, String path, String target, Work work) {
    this.kind = kind;
    this.layer = layer;
    this.path = path;
    this.target = target;
    this.work = work;
  }

  void run() {
    try {
      result = work.run(job);
    } catch (Exception | Error e) {
      failure = e;
    }
  }

  Kind kind() {
    return kind;
  }

  int layer() {
    return layer;
  }

  String path() {
    return path;
  }

  LayerJob job() {
    return job;
  }

  Object result() {
    return result;
  }

  Throwable failure() {
    return failure;
  }

  /**
   * The status line while it runs: {@code Reading layer 3… 12 MB of 40 MB · Esc cancels}.
   *
   * @param cancelKey the key that cancels, as the status bar writes it
   */
  String progressText(String cancelKey) {
    StringBuilder sb = new StringBuilder("Reading layer ").append(layer).append('…');
    if (!job.phase().isEmpty()) sb.append(' ').append(job.phase());
    long done = job.bytesDone();
    long total = job.bytesTotal();
    if (done > 0 || total > 0) {
      sb.append(' ').append(HumanBytes.format(done));
      if (total > 0) sb.append(" of ").append(HumanBytes.format(total));
    }
    if (kind == Kind.EXTRACT) sb.append(" → ").append(DisplayWidth.sanitize(target));
    return sb.append(" · ").append(cancelKey).append(" cancels").toString();
  }

  /** A failure as one line: its message, first line only, never a class name. */
  static String oneLine(Throwable t) {
    String m = t.getMessage();
    if (m == null || m.isBlank()) m = "failed (" + t.getClass().getSimpleName() + ")";
    int nl = m.indexOf('\n');
    return DisplayWidth.sanitize(nl < 0 ? m : m.substring(0, nl));
  }

  /** The result of an extraction as one line. */
  static String summary(String path, LayerContents.Extracted done) {
    StringBuilder sb = new StringBuilder("Extracted ").append(DisplayWidth.sanitize(path));
    sb.append(": ").append(count(done.files(), "file"));
    if (done.directories() > 0) sb.append(", ").append(count(done.directories(), "directory"));
    if (done.links() > 0) sb.append(", ").append(count(done.links(), "link"));
    sb.append(", ").append(HumanBytes.format(done.bytes()));
    sb.append(" → ").append(DisplayWidth.sanitize(done.where()));
    if (!done.skipped().isEmpty()) {
      sb.append("; ")
          .append(done.skipped().size())
          .append(" skipped (")
          .append(DisplayWidth.sanitize(done.skipped().get(0)))
          .append(done.skipped().size() > 1 ? ", …)" : ")");
    }
    return sb.toString();
  }

  private static String count(int n, String noun) {
    if (n == 1) return "1 " + noun;
    return n + " " + (noun.equals("directory") ? "directories" : noun + "s");
  }
}
