package io.layerdive.cli;

import io.layerdive.ui.Action;
import io.layerdive.ui.AppModel;
import io.layerdive.ui.Frame;
import io.layerdive.ui.ImageLoader;
import io.layerdive.ui.lanterna.ExplorerResult;
import io.layerdive.ui.lanterna.Pointer;
import io.layerdive.ui.lanterna.ScreenModel;
import io.layerdive.ui.lanterna.TerminalCapabilities;
import io.layerdive.ui.lanterna.TerminalDetector;
import java.util.Optional;

/**
 * The full-screen explorer on a real terminal; where the terminal cannot show it (no TTY,
 * TERM=dumb, unknown terminal) it says why in one line and prints the plain summary instead.
 */
final class TerminalExplorer implements Explorer {
  private final CliEnvironment env;
  private final PlainExplorer fallback;

  TerminalExplorer(CliEnvironment env) {
    this.env = env;
    this.fallback = new PlainExplorer(env);
  }

  @Override
  public void explore(ImageLoader loader, Settings settings) throws Exception {
    TerminalCapabilities caps = TerminalDetector.detect(!settings.color());
    if (!caps.canShowFullScreen()) {
      env.err()
          .println(
              "layerdive: "
                  + caps.refusal().orElse("no terminal")
                  + "; printing a summary instead");
      env.err().flush();
      fallback.explore(loader, settings);
      return;
    }
    io.layerdive.ui.KeyBindings keys = keyBindings();
    java.util.concurrent.atomic.AtomicReference<AppModel> app =
        new java.util.concurrent.atomic.AtomicReference<>();
    ExplorerResult result;
    try {
      result =
          new io.layerdive.ui.lanterna.Explorer(caps, true)
              .run(
                  settings.imageName(),
                  loader,
                  image -> {
                    AppModel model = new AppModel(image, keys, AppModel.Options.defaults());
                    app.set(model);
                    return new Adapter(model);
                  });
    } finally {
      // Ends a file extraction still running, which removes what it had written.
      if (app.get() != null) app.get().close();
    }
    if (!result.strayOutput().isEmpty()) {
      env.err().print(result.strayOutput());
      env.err().flush();
    }
    switch (result.ending()) {
      case QUIT, CANCELLED -> {}
      case LOAD_FAILED -> throw asException(result.failure().orElseThrow());
      case NOT_STARTED ->
          throw new OutputException(
              "cannot use the terminal: "
                  + result.failure().map(Throwable::getMessage).orElse("unknown reason"),
              result.failure().orElse(null));
      case FAILED -> throw asException(result.failure().orElseThrow());
    }
  }

  /**
   * dive's defaults, or the bindings of {@code $XDG_CONFIG_HOME/layerdive/keys.yaml} (else {@code
   * ~/.config/layerdive/keys.yaml}) when that file exists.
   */
  private io.layerdive.ui.KeyBindings keyBindings() throws UsageException {
    java.nio.file.Path file = keysFile();
    if (file == null || !java.nio.file.Files.isRegularFile(file))
      return io.layerdive.ui.KeyBindings.defaults();
    try {
      return io.layerdive.ui.KeyBindings.load(file);
    } catch (java.io.IOException | IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), e);
    }
  }

  private java.nio.file.Path keysFile() {
    String xdg = env.env().get("XDG_CONFIG_HOME");
    if (xdg != null && !xdg.isBlank()) return java.nio.file.Path.of(xdg, "layerdive", "keys.yaml");
    String home = env.env().get("HOME");
    return home == null ? null : java.nio.file.Path.of(home, ".config", "layerdive", "keys.yaml");
  }

  private static Exception asException(Throwable t) {
    return t instanceof Exception e ? e : new RuntimeException(t);
  }

  /** The explorer's model as the terminal loop drives it. */
  private static final class Adapter implements ScreenModel {
    private final AppModel app;

    Adapter(AppModel app) {
      this.app = app;
    }

    @Override
    public Frame render(int width, int height) {
      return app.render(width, height);
    }

    @Override
    public boolean key(String keyName) {
      return app.key(keyName);
    }

    @Override
    public boolean pointer(Pointer pointer) {
      return switch (pointer.kind()) {
        case CLICK -> app.apply(new Action.MouseClick(pointer.column(), pointer.row()));
        case WHEEL_UP -> app.apply(new Action.MouseWheel(pointer.column(), pointer.row(), -3));
        case WHEEL_DOWN -> app.apply(new Action.MouseWheel(pointer.column(), pointer.row(), 3));
      };
    }

    @Override
    public boolean idle() {
      return app.refresh();
    }

    @Override
    public boolean quitRequested() {
      return app.quitRequested();
    }

    @Override
    public Optional<String> takeClipboard() {
      return app.takeClipboard();
    }
  }
}
