package io.layerdive.ui.lanterna;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.DefaultTerminalFactory;
import com.googlecode.lanterna.terminal.Terminal;
import com.googlecode.lanterna.terminal.ansi.UnixTerminal;
import io.layerdive.ui.Frame;
import io.layerdive.ui.Style;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Measures the cold start of the explorer's terminal side: from the launch of the JVM to the first
 * frame on a real terminal. It decides the capabilities, takes the terminal over as the explorer
 * does, draws one screen of styled text, records the wall-clock time once the frame has left,
 * restores the terminal and writes that time to the file named by the last argument. The caller
 * records the time just before launching and subtracts. With a first argument {@code factory} it
 * uses Lanterna's own {@code DefaultTerminalFactory} terminal instead, for comparison.
 *
 * <p>Method: run it inside a pty (tmux) a dozen times per JVM flag set and take the median, e.g.
 * {@code s=$(date +%s%3N); java [flags] -cp <jar with deps + test-classes>
 * io.layerdive.ui.lanterna.ColdStartProbe /tmp/t; echo $(( $(cat /tmp/t) - s ))}.
 */
final class ColdStartProbe {
  private ColdStartProbe() {}

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[args.length - 1]);
    boolean factory = args.length > 1 && args[0].equals("factory");
    TerminalCapabilities capabilities = TerminalDetector.detect(false);
    if (!capabilities.canShowFullScreen()) {
      Files.writeString(out, "refused: " + capabilities.refusal().get() + "\n");
      return;
    }
    long shown;
    if (factory) {
      Terminal terminal =
          new DefaultTerminalFactory()
              .setForceTextTerminal(true)
              .setUnixTerminalCtrlCBehaviour(UnixTerminal.CtrlCBehaviour.TRAP)
              .createTerminal();
      TerminalScreen screen = new TerminalScreen(terminal);
      screen.startScreen();
      TerminalSize size = screen.getTerminalSize();
      new Painter(capabilities).paint(frame(size.getColumns(), size.getRows()), screen);
      screen.refresh(Screen.RefreshType.DELTA);
      shown = System.currentTimeMillis();
      screen.stopScreen();
      terminal.close();
    } else {
      try (TerminalSession session =
          TerminalSession.open(Explorer::openUnixTerminal, capabilities, true, true)) {
        TerminalSize size = session.size();
        session.draw(frame(size.getColumns(), size.getRows()), false);
        shown = System.currentTimeMillis();
      }
    }
    Files.writeString(out, shown + "\n");
  }

  private static Frame frame(int columns, int rows) {
    Frames frames = new Frames(columns, rows);
    frames.line("┃ ● Layers ┣━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━", Style.TITLE_FOCUSED);
    for (int i = 1; i < rows - 1; i++) {
      frames.line(" ", Style.NORMAL, "  ", Style.COMPARE_BOTTOM, " 12 MB  RUN step " + i, Style.ADDED);
    }
    frames.line("^C", Style.STATUS_KEY, " Quit ", Style.STATUS_LABEL);
    return frames.build();
  }
}
