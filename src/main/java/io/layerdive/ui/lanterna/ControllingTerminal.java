package io.layerdive.ui.lanterna;

import java.io.Console;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.ProcessBuilder.Redirect;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The terminal the explorer talks to. Usually that is standard input and output. When standard
 * input carries something else, an image piped in ({@code docker save app | layerdive -}), and
 * standard output is still a terminal, keys come from the process's controlling terminal, {@code
 * /dev/tty}, as {@code less} and {@code fzf} do; Lanterna already sets the tty's modes through
 * {@code /dev/tty}.
 */
public final class ControllingTerminal {
  private static final String DEV_TTY = "/dev/tty";

  private ControllingTerminal() {}

  /** Whether a full-screen program can run here: a terminal shows the output and sends keys. */
  public static boolean available() {
    return standardStreamsAreTerminals() || (outputIsTerminal() && devTtyOpens());
  }

  /** Where keys come from: standard input when it is a terminal, else {@code /dev/tty}. */
  static InputStream keys() throws IOException {
    return standardStreamsAreTerminals()
        ? new FileInputStream(FileDescriptor.in)
        : new FileInputStream(DEV_TTY);
  }

  /**
   * Whether standard input and output are both terminals. Before Java 22 {@code System.console()}
   * is null unless they are; from 22 on it always exists and {@code isTerminal()} tells.
   */
  private static boolean standardStreamsAreTerminals() {
    Console console = System.console();
    if (console == null) return false;
    try {
      Method isTerminal = Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(console);
    } catch (NoSuchMethodException e) {
      return true;
    } catch (ReflectiveOperationException e) {
      return false;
    }
  }

  /**
   * Whether standard output is a terminal: on Linux, where {@code /proc/self/fd/1} leads; elsewhere
   * {@code test -t 1}, with this process's standard output handed to it.
   */
  private static boolean outputIsTerminal() {
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/1")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith(DEV_TTY);
    } catch (IOException | UnsupportedOperationException e) {
      try {
        Process test =
            new ProcessBuilder("test", "-t", "1")
                .redirectOutput(Redirect.INHERIT)
                .redirectError(Redirect.DISCARD)
                .start();
        return test.waitFor() == 0;
      } catch (IOException ex) {
        return false;
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
  }

  /** A process without a controlling terminal (a CI job, a daemon) cannot open it. */
  private static boolean devTtyOpens() {
    try (InputStream tty = new FileInputStream(DEV_TTY)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
