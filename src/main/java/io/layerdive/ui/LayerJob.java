package io.layerdive.ui;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One read of a layer going on in the background: how far it got, and the way to stop it. The
 * reading thread reports progress and registers what to close on cancel (the stream, which ends a
 * daemon's export or a download at once); the explorer's thread reads the progress and cancels.
 */
public final class LayerJob {
  private final List<Closeable> onCancel = new ArrayList<>();
  private volatile long bytesDone;
  private volatile long bytesTotal = -1;
  private volatile String phase = "";
  private volatile boolean cancelled;

  /** What is happening, for the status line: {@code exporting from the Docker daemon}. */
  public void phase(String text) {
    phase = text == null ? "" : text;
  }

  /** Bytes read so far and in all ({@code -1} when unknown). */
  public void progress(long done, long total) {
    bytesDone = done;
    bytesTotal = total;
  }

  public String phase() {
    return phase;
  }

  public long bytesDone() {
    return bytesDone;
  }

  public long bytesTotal() {
    return bytesTotal;
  }

  public boolean isCancelled() {
    return cancelled;
  }

  /** Closes {@code resource} when the job is cancelled; at once when it already is. */
  public void onCancel(Closeable resource) {
    boolean now;
    synchronized (onCancel) {
      now = cancelled;
      if (!now) onCancel.add(resource);
    }
    if (now) closeQuietly(resource);
  }

  /** Stops the job: what it registered is closed, so its blocked reads end. */
  public void cancel() {
    List<Closeable> toClose;
    synchronized (onCancel) {
      if (cancelled) return;
      cancelled = true;
      toClose = new ArrayList<>(onCancel);
      onCancel.clear();
    }
    for (Closeable c : toClose) closeQuietly(c);
  }

  private static void closeQuietly(Closeable c) {
    try {
      c.close();
    } catch (IOException | RuntimeException e) {
      // The reader sees its stream closed; nothing else to do.
    }
  }
}
