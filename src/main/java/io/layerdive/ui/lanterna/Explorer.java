package io.layerdive.ui.lanterna;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.input.MouseAction;
import io.layerdive.ui.AnalyzedImage;
import io.layerdive.ui.Frame;
import io.layerdive.ui.ImageLoader;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The full-screen explorer's event loop. It takes the terminal over (alternate screen, hidden
 * cursor, raw keys, mouse), shows a progress view at once while the image loads on a background
 * thread, then the explorer model, and gives the terminal back on every way out: quitting,
 * cancelling, a failure (the result carries it; the caller prints it after the restore), and
 * SIGTERM/SIGINT (a shutdown hook).
 *
 * <p>Input is polled, never awaited, so a resize is redrawn at once (completely) and the progress
 * view keeps moving; keys that arrive together are all handled before one redraw, and a redraw
 * sends only the cells that changed, which keeps scrolling cheap over SSH.
 *
 * <p>Only start it when {@link TerminalCapabilities#canShowFullScreen()}: Lanterna must never be
 * started without a terminal.
 */
public final class Explorer {
  private static final long POLL_MILLIS = 10;

  /** The progress view moves at least this often (elapsed time, rate)… */
  private static final long PROGRESS_REDRAW_NANOS = 250_000_000L;

  /** …and at most this often, however fast the loader reports. */
  private static final long PROGRESS_MIN_NANOS = 100_000_000L;

  private final TerminalCapabilities capabilities;
  private final boolean mouse;
  private final TerminalSession.TerminalOpener opener;
  private final boolean captureStreams;
  private final LongSupplier clock;

  /**
   * @param mouse whether to capture the mouse (clicks and wheel); while captured, the terminal's
   *     own text selection needs Shift held
   */
  public Explorer(TerminalCapabilities capabilities, boolean mouse) {
    this(capabilities, mouse, Explorer::openUnixTerminal, true, System::nanoTime);
  }

  Explorer(
      TerminalCapabilities capabilities,
      boolean mouse,
      TerminalSession.TerminalOpener opener,
      boolean captureStreams,
      LongSupplier clock) {
    if (!capabilities.canShowFullScreen()) {
      throw new IllegalArgumentException(
          "explorer: the terminal cannot show it (" + capabilities.refusal().get() + ")");
    }
    this.capabilities = capabilities;
    this.mouse = mouse;
    this.opener = opener;
    this.captureStreams = captureStreams;
    this.clock = clock;
  }

  static com.googlecode.lanterna.terminal.Terminal openUnixTerminal(
      java.nio.charset.Charset charset) throws IOException {
    // Our own buffer: System.out flushes every write, which would send a refresh in many small
    // packets; this way a refresh leaves in one write.
    return new RawUnixTerminal(
        new BufferedInputStream(ControllingTerminal.keys()),
        new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
        charset);
  }

  /**
   * Loads an image with a progress view, then explores it.
   *
   * @param subject what is being loaded, as the user named it, for the progress view
   * @param loader runs on a background thread; interrupted if the user cancels
   * @param models makes the explorer's model from the loaded image; runs on the loader's thread
   */
  public ExplorerResult run(
      String subject, ImageLoader loader, Function<AnalyzedImage, ScreenModel> models) {
    LoadingState loading = new LoadingState("Starting", clock);
    FutureTask<ScreenModel> task = new FutureTask<>(() -> models.apply(loader.load(loading)));
    Thread thread = new Thread(task, "layerdive-loader");
    thread.setDaemon(true);
    // The loader starts before the terminal is set up: both take a while on a cold JVM.
    thread.start();
    TerminalSession session;
    try {
      session = TerminalSession.open(opener, capabilities, mouse, captureStreams);
    } catch (IOException | RuntimeException e) {
      thread.interrupt();
      return ExplorerResult.failed(ExplorerResult.Ending.NOT_STARTED, e, "");
    }
    return drive(session, new Loop(session, new LoadingView(subject), loading, task, thread));
  }

  /** Explores a model that is already there. */
  public ExplorerResult show(ScreenModel model) {
    TerminalSession session;
    try {
      session = TerminalSession.open(opener, capabilities, mouse, captureStreams);
    } catch (IOException | RuntimeException e) {
      return ExplorerResult.failed(ExplorerResult.Ending.NOT_STARTED, e, "");
    }
    return drive(session, new Loop(session, model));
  }

  private ExplorerResult drive(TerminalSession session, Loop loop) {
    ExplorerResult.Ending ending;
    Throwable failure = null;
    try {
      ending = loop.run();
      failure = loop.loadFailure;
    } catch (IOException | RuntimeException | Error e) {
      ending = ExplorerResult.Ending.FAILED;
      failure = e;
    } finally {
      loop.stopLoader();
    }
    session.close();
    String stray = session.restore();
    return failure == null
        ? ExplorerResult.of(ending, stray)
        : ExplorerResult.failed(ending, failure, stray);
  }

  private enum Step {
    CONTINUE,
    SUSPEND,
    QUIT,
    CANCEL
  }

  /** One session's state: loading until the model is there, then exploring. */
  private final class Loop {
    private final TerminalSession session;
    private final LoadingView loadingView;
    private final LoadingState loading;
    private final FutureTask<ScreenModel> task;
    private final Thread loaderThread;
    private ScreenModel model;
    private Throwable loadFailure;
    private long drawnVersion = -1;
    private long drawnAt;

    Loop(
        TerminalSession session,
        LoadingView view,
        LoadingState loading,
        FutureTask<ScreenModel> task,
        Thread loaderThread) {
      this.session = session;
      this.loadingView = view;
      this.loading = loading;
      this.task = task;
      this.loaderThread = loaderThread;
      this.drawnAt = clock.getAsLong();
    }

    Loop(TerminalSession session, ScreenModel model) {
      this(session, null, null, null, null);
      this.model = model;
    }

    ExplorerResult.Ending run() throws IOException {
      boolean dirty = true;
      boolean complete = false;
      while (true) {
        if (model == null && task.isDone()) {
          try {
            model = task.get();
            dirty = true;
          } catch (ExecutionException e) {
            loadFailure = e.getCause();
            return ExplorerResult.Ending.LOAD_FAILED;
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExplorerResult.Ending.CANCELLED;
          }
        }
        boolean hadInput = false;
        KeyStroke key;
        while ((key = session.poll()) != null) {
          hadInput = true;
          Step step = handle(key);
          switch (step) {
            case QUIT:
              return ExplorerResult.Ending.QUIT;
            case CANCEL:
              return ExplorerResult.Ending.CANCELLED;
            case SUSPEND:
              session.suspend();
              complete = true;
              break;
            default:
              dirty = true;
          }
        }
        if (session.resizeIfNecessary() != null) complete = true;
        if (model != null && !hadInput && model.idle()) dirty = true;
        if (model == null) {
          long now = clock.getAsLong();
          long since = now - drawnAt;
          if (since >= PROGRESS_REDRAW_NANOS
              || (since >= PROGRESS_MIN_NANOS && loading.snapshot().version() != drawnVersion)) {
            dirty = true;
          }
        }
        if (dirty || complete) {
          draw(complete);
          dirty = false;
          complete = false;
        } else if (!hadInput && !pause()) {
          return model == null ? ExplorerResult.Ending.CANCELLED : ExplorerResult.Ending.QUIT;
        }
      }
    }

    /** Acts on one event. */
    private Step handle(KeyStroke key) {
      if (key.getKeyType() == KeyType.EOF) return model == null ? Step.CANCEL : Step.QUIT;
      if (key instanceof MouseAction action) {
        if (model == null) return Step.CONTINUE;
        Pointer.of(action).ifPresent(model::pointer);
        return model.quitRequested() ? Step.QUIT : Step.CONTINUE;
      }
      Optional<String> name = KeyNames.name(key);
      if (name.isEmpty()) return Step.CONTINUE;
      String keyName = name.get();
      if (model == null) {
        return keyName.equals("esc") || keyName.equals("q") || keyName.equals("ctrl+c")
            ? Step.CANCEL
            : Step.CONTINUE;
      }
      if (keyName.equals("ctrl+c")) return Step.QUIT;
      if (keyName.equals("ctrl+z")) return Step.SUSPEND;
      model.key(keyName);
      model.takeClipboard().ifPresent(session::copyToClipboard);
      return model.quitRequested() ? Step.QUIT : Step.CONTINUE;
    }

    private void draw(boolean complete) throws IOException {
      TerminalSize size = session.size();
      Frame frame;
      if (model != null) {
        frame = model.render(size.getColumns(), size.getRows());
      } else {
        LoadingState.Snapshot snapshot = loading.snapshot();
        drawnAt = clock.getAsLong();
        drawnVersion = snapshot.version();
        frame = loadingView.render(snapshot, drawnAt, size.getColumns(), size.getRows());
      }
      session.draw(frame, complete);
    }

    void stopLoader() {
      if (loaderThread != null && !task.isDone()) loaderThread.interrupt();
    }

    /** Waits a little for input; false when this thread was interrupted, which ends the loop. */
    private boolean pause() {
      try {
        Thread.sleep(POLL_MILLIS);
        return true;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
  }
}
