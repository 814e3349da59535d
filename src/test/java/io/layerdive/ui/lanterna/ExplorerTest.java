package io.layerdive.ui.lanterna;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.input.MouseAction;
import com.googlecode.lanterna.input.MouseActionType;
import com.googlecode.lanterna.terminal.Terminal;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import com.googlecode.lanterna.terminal.virtual.VirtualTerminalListener;
import io.layerdive.image.Digest;
import io.layerdive.image.Layer;
import io.layerdive.ui.ImageLoader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The event loop on Lanterna's virtual terminal: keys in, screens out, the terminal given back. */
@Timeout(30)
class ExplorerTest {
  private static final TerminalCapabilities CAPS =
      TerminalCapabilities.fullScreen(ColorDepth.COLORS_256, StandardCharsets.UTF_8);

  private final DefaultVirtualTerminal terminal =
      new DefaultVirtualTerminal(new TerminalSize(60, 14));
  private final Script script = new Script();
  /** Moves 60 ms on each reading, so the progress view's timers run without real waiting. */
  private final AtomicLong clock = new AtomicLong();

  private Explorer explorer() {
    terminal.addVirtualTerminalListener(script);
    return new Explorer(CAPS, true, charset -> terminal, true, () -> clock.addAndGet(60_000_000));
  }

  /** Reacts to what the terminal shows: when a flushed screen matches, the next step runs. */
  private final class Script implements VirtualTerminalListener {
    private record Step(Predicate<String> when, Runnable action) {}

    final List<String> screens = new CopyOnWriteArrayList<>();
    /** For each screen, the first row drawn in reverse video (the selection), or -1. */
    final List<Integer> reversedRows = new CopyOnWriteArrayList<>();
    final Deque<Step> steps = new ArrayDeque<>();
    final AtomicBoolean closed = new AtomicBoolean();

    Script then(Predicate<String> when, Runnable action) {
      steps.add(new Step(when, action));
      return this;
    }

    /** On the next screen drawn, these keys. */
    Script keys(KeyStroke... keys) {
      return then(
          screen -> true,
          () -> {
            for (KeyStroke key : keys) terminal.addInput(key);
          });
    }

    @Override
    public synchronized void onFlush() {
      String screen = VirtualScreen.text(terminal);
      screens.add(screen);
      reversedRows.add(firstReversedRow());
      Step next = steps.peek();
      if (next != null && next.when().test(screen)) {
        steps.poll();
        next.action().run();
      }
    }

    @Override
    public void onBell() {}

    @Override
    public void onClose() {
      closed.set(true);
    }

    @Override
    public void onResized(Terminal resized, TerminalSize size) {}

    private int firstReversedRow() {
      for (int row = 0; row < terminal.getTerminalSize().getRows(); row++) {
        if (terminal.getCharacter(0, row).getModifiers().contains(SGR.REVERSE)) return row;
      }
      return -1;
    }

    String last() {
      return screens.get(screens.size() - 1);
    }
  }

  private static KeyStroke key(char c) {
    return new KeyStroke(c, false, false);
  }

  private static KeyStroke key(KeyType type) {
    return new KeyStroke(type);
  }

  @Test
  void passesKeysAndClicksToTheModelUntilItAsksToQuit() {
    FakeModel model = new FakeModel();
    script
        .keys(key(KeyType.ArrowDown), key('j'))
        .keys(key(KeyType.Tab))
        .keys(
            new MouseAction(MouseActionType.CLICK_DOWN, 1, new TerminalPosition(5, 7)),
            new MouseAction(MouseActionType.CLICK_RELEASE, 0, new TerminalPosition(5, 7)),
            new MouseAction(MouseActionType.SCROLL_DOWN, 5, new TerminalPosition(5, 7)))
        .keys(key('q'));

    ExplorerResult result = explorer().show(model);

    assertThat(result.ending()).isEqualTo(ExplorerResult.Ending.QUIT);
    assertThat(result.failure()).isEmpty();
    assertThat(model.keys).containsExactly("down", "j", "tab", "q");
    assertThat(model.pointers)
        .containsExactly(
            new Pointer(Pointer.Kind.CLICK, 5, 7), new Pointer(Pointer.Kind.WHEEL_DOWN, 5, 7));
    assertThat(script.screens).hasSize(4);
    // The cursor starts on the first entry (row 2), goes down twice, then to the clicked row.
    assertThat(script.reversedRows).containsExactly(2, 4, 4, 7);
    ScreenGolden.assertMatches(getClass(), "after-keys", script.screens.get(2));
    ScreenGolden.assertMatches(getClass(), "after-click", script.last());
    assertThat(script.closed).isTrue();
  }

  @Test
  void ctrlCQuitsWithoutTheModelSeeingIt() {
    FakeModel model = new FakeModel();
    script.keys(new KeyStroke('c', true, false));

    ExplorerResult result = explorer().show(model);

    assertThat(result.ending()).isEqualTo(ExplorerResult.Ending.QUIT);
    assertThat(model.keys).isEmpty();
  }

  @Test
  void theEndOfInputQuits() {
    script.keys(key(KeyType.EOF));

    assertThat(explorer().show(new FakeModel()).ending()).isEqualTo(ExplorerResult.Ending.QUIT);
  }

  @Test
  void aModelThatThrowsEndsTheSessionWithTheFailureAndTheTerminalRestored() {
    FakeModel model =
        new FakeModel() {
          @Override
          public boolean key(String keyName) {
            throw new IllegalStateException("tree: no node at row 7");
          }
        };
    script.keys(key('x'));

    ExplorerResult result = explorer().show(model);

    assertThat(result.ending()).isEqualTo(ExplorerResult.Ending.FAILED);
    assertThat(result.failure()).get().extracting(Throwable::getMessage).isEqualTo("tree: no node at row 7");
    assertThat(script.closed).isTrue();
  }

  @Test
  void whatIsPrintedWhileTheScreenIsUpIsHandedBackInsteadOfDrawnOver() {
    PrintStream errBefore = System.err;
    PrintStream outBefore = System.out;
    FakeModel model =
        new FakeModel() {
          @Override
          public boolean key(String keyName) {
            System.err.println("WARNING: something from a library");
            System.out.println("and something on stdout");
            return super.key(keyName);
          }
        };
    script.keys(key('q'));

    ExplorerResult result = explorer().show(model);

    assertThat(result.strayOutput())
        .isEqualTo("WARNING: something from a library\nand something on stdout\n");
    assertThat(System.err).isSameAs(errBefore);
    assertThat(System.out).isSameAs(outBefore);
  }

  @Test
  void aResizeRedrawsAtTheNewSize() {
    FakeModel model = new FakeModel();
    script
        .then(screen -> true, () -> terminal.setTerminalSize(new TerminalSize(36, 8)))
        .then(screen -> screen.lines().count() == 8, () -> terminal.addInput(key('q')));

    ExplorerResult result = explorer().show(model);

    assertThat(result.ending()).isEqualTo(ExplorerResult.Ending.QUIT);
    ScreenGolden.assertMatches(getClass(), "resized", script.last());
  }

  private static final List<Layer> LAYERS =
      List.of(
          new Layer(0, "a", Digest.parse("sha256:" + "a".repeat(64)), Optional.empty(),
              "/bin/sh -c #(nop) ADD file:1a2b in /", 74_800_000, -1),
          new Layer(1, "b", Digest.parse("sha256:" + "b".repeat(64)), Optional.empty(),
              "/bin/sh -c apt-get install -y nginx", 112_300_000, -1));

  @Test
  void showsProgressWhileLoadingThenTheModel() {
    CountDownLatch release = new CountDownLatch(1);
    ImageLoader loader =
        progress -> {
          progress.phase("Exporting image");
          progress.layersKnown(LAYERS);
          progress.progress(90_000_000, 187_100_000, 1, 2);
          release.await();
          return null;
        };
    FakeModel model = new FakeModel();
    script
        .then(screen -> screen.contains("48%"), release::countDown)
        .then(screen -> screen.contains("Current Layer Contents"), () -> terminal.addInput(key('q')));

    ExplorerResult result = explorer().run("docker://nginx", loader, image -> model);

    assertThat(result.ending()).isEqualTo(ExplorerResult.Ending.QUIT);
    String progress =
        script.screens.stream().filter(s -> s.contains("48%")).findFirst().orElseThrow();
    assertThat(progress)
        .contains("layerdive docker://nginx")
        .contains("Exporting image…")
        .contains("48%")
        .contains("layer 2 of 2 · 90 MB of 187 MB")
        .contains("✓     75 MB  #(nop) ADD file:1a2b in /")
        .contains("▸    112 MB  apt-get install -y nginx");
    assertThat(model.keys).containsExactly("q");
  }

  @Test
  void escDuringLoadingCancelsAndInterruptsTheLoader() throws InterruptedException {
    CountDownLatch interrupted = new CountDownLatch(1);
    ImageLoader loader =
        progress -> {
          progress.phase("Exporting image");
          try {
            new CountDownLatch(1).await();
          } catch (InterruptedException e) {
            interrupted.countDown();
            throw e;
          }
          return null;
        };
    script.then(screen -> screen.contains("Exporting image"), () -> terminal.addInput(key(KeyType.Escape)));

    ExplorerResult result = explorer().run("docker://nginx", loader, image -> new FakeModel());

    assertThat(result.ending()).isEqualTo(ExplorerResult.Ending.CANCELLED);
    assertThat(interrupted.await(10, TimeUnit.SECONDS)).as("loader interrupted").isTrue();
    assertThat(script.closed).isTrue();
  }

  @Test
  void qAndCtrlCCancelLoadingToo() {
    for (KeyStroke cancel : List.of(key('q'), new KeyStroke('c', true, false))) {
      DefaultVirtualTerminal own = new DefaultVirtualTerminal(new TerminalSize(60, 14));
      own.addInput(cancel);
      ImageLoader never =
          progress -> {
            new CountDownLatch(1).await();
            return null;
          };

      ExplorerResult result =
          new Explorer(CAPS, false, charset -> own, false, clock::get)
              .run("x", never, image -> new FakeModel());

      assertThat(result.ending()).as(cancel.toString()).isEqualTo(ExplorerResult.Ending.CANCELLED);
    }
  }

  @Test
  void aLoaderFailureRestoresTheTerminalAndHandsTheFailureBack() {
    ImageLoader loader =
        progress -> {
          throw new IOException("docker://nginx:nope: no such image in the daemon");
        };

    ExplorerResult result = explorer().run("docker://nginx:nope", loader, image -> new FakeModel());

    assertThat(result.ending()).isEqualTo(ExplorerResult.Ending.LOAD_FAILED);
    assertThat(result.failure())
        .get()
        .extracting(Throwable::getMessage)
        .isEqualTo("docker://nginx:nope: no such image in the daemon");
    assertThat(script.closed).isTrue();
  }

  @Test
  void aTerminalThatCannotBeOpenedEndsBeforeAnythingIsShown() throws InterruptedException {
    CountDownLatch interrupted = new CountDownLatch(1);
    ImageLoader loader =
        progress -> {
          try {
            new CountDownLatch(1).await();
          } catch (InterruptedException e) {
            interrupted.countDown();
          }
          return null;
        };
    Explorer explorer =
        new Explorer(
            CAPS,
            true,
            charset -> {
              throw new IOException("/dev/tty: No such device or address");
            },
            true,
            clock::get);

    ExplorerResult result = explorer.run("x", loader, image -> new FakeModel());

    assertThat(result.ending()).isEqualTo(ExplorerResult.Ending.NOT_STARTED);
    assertThat(result.failure()).get().extracting(Throwable::getMessage).asString().contains("/dev/tty");
    assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void refusesToStartOnATerminalThatCannotShowIt() {
    TerminalCapabilities dumb =
        TerminalCapabilities.refused("TERM=dumb cannot show the full-screen explorer", StandardCharsets.UTF_8);

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Explorer(dumb, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("TERM=dumb");
  }
}
