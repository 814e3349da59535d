package io.layerdive.ui.lanterna;

import static io.layerdive.testing.BuiltJar.javaBinary;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.layerdive.testing.BuiltJar;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real thing in a real pty: {@code java -jar layerdive.jar --demo} in a detached tmux session
 * of fixed size, driven with keys, and the shell checked afterwards: the command line and what came
 * after it are visible again (the alternate screen was left) and the tty is back in cooked mode,
 * whether the explorer was left with {@code q}, with Ctrl+C or by a SIGTERM. Skips when tmux is
 * missing, when the jar was not built (system property {@code layerdive.jar}, set by Failsafe), or
 * when the jar has no {@code --demo} yet.
 */
class TerminalEndToEndIT {
  private static final long WAIT_MILLIS = 30_000;
  private final String socket = "layerdive-it-" + ProcessHandle.current().pid();
  private boolean serverStarted;

  @BeforeEach
  void requirements() throws Exception {
    assumeTrue(run(List.of("tmux", "-V")).exitCode == 0, "tmux is not installed");
    Result help = run(BuiltJar.command("--help"));
    assumeTrue(help.output.contains("--demo"), "the jar has no --demo option yet");
  }

  @AfterEach
  void stopTmux() throws Exception {
    if (serverStarted) tmux("kill-server");
  }

  /** A shell in a fresh tmux session of 100×30, ready for a command line. */
  private void startShell() throws Exception {
    tmux(
        "-f",
        "/dev/null",
        "new-session",
        "-d",
        "-s",
        "it",
        "-x",
        "100",
        "-y",
        "30",
        // CI=true, set by most CI runners and inherited by tmux, would run the CI evaluation.
        "env -u CI sh");
    serverStarted = true;
    waitFor("the shell prompt", screen -> !screen.isBlank());
  }

  /** Starts the explorer on the demo in a fresh tmux session and waits for its first screen. */
  private String startDemo() throws Exception {
    String jar = BuiltJar.path().toAbsolutePath().toString();
    startShell();

    // "do""ne" so that the typed command line itself does not show the word on its own line.
    sendLiteral(
        "'" + javaBinary() + "' -jar '" + jar + "' --demo; echo \"exit=$?\"; echo \"do\"\"ne\"");
    tmux("send-keys", "-t", "it", "Enter");

    String first =
        waitFor("the explorer", screen -> alternateScreen() && screen.contains("Layers"));
    assertThat(first).doesNotContain("Exception").doesNotContain("WARNING");
    return first;
  }

  /** The explorer has ended: the shell's screen is back, and the tty is in cooked mode again. */
  private String assertTerminalBack() throws Exception {
    String after =
        waitFor(
            "the shell after the explorer",
            screen -> !alternateScreen() && screen.lines().anyMatch(line -> line.equals("done")));
    assertThat(after).contains("--demo").doesNotContain("Layers");
    assertThat(after).doesNotContain("Exception").doesNotContain("WARNING");

    sendLiteral(
        "stty -a | tr ' ' '\\n"
            + "' | grep -x -e icanon -e echo -e -icanon -e -echo | tr '\\n"
            + "' ' '; echo");
    tmux("send-keys", "-t", "it", "Enter");
    // Cooked mode prints "icanon echo"; a tty left raw would print "-icanon -echo".
    waitFor(
        "the tty modes",
        screen -> screen.lines().anyMatch(line -> line.trim().equals("icanon echo")));
    return after;
  }

  @Test
  void exploresTheDemoImageAndGivesTheTerminalBack() throws Exception {
    startDemo();

    // With attributes: moving the selection may change nothing but where the reverse video is.
    String before = styledCapture();
    tmux("send-keys", "-t", "it", "Down");
    String afterDown =
        waitForStyled("the screen to change after Down", screen -> !screen.equals(before));
    tmux("send-keys", "-t", "it", "Tab");
    waitForStyled("the screen to change after Tab", screen -> !screen.equals(afterDown));

    tmux("send-keys", "-t", "it", "q");
    assertThat(assertTerminalBack()).contains("exit=0");
  }

  @Test
  void ctrlCGivesTheTerminalBack() throws Exception {
    startDemo();
    tmux("send-keys", "-t", "it", "C-c");
    assertThat(assertTerminalBack()).contains("exit=0");
  }

  @Test
  void aKillGivesTheTerminalBack() throws Exception {
    startDemo();
    long shell =
        Long.parseLong(tmux("display-message", "-p", "-t", "it", "#{pane_pid}").output.trim());
    ProcessHandle java =
        ProcessHandle.of(shell)
            .orElseThrow()
            .children()
            .filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(false))
            .findFirst()
            .orElseThrow(
                () -> new AssertionError("no java process under the pane's shell " + shell));
    assertThat(java.destroy()).as("SIGTERM sent to %d", java.pid()).isTrue();
    // 143 = 128 + SIGTERM: the JVM ran its shutdown hooks and ended as the signal asks.
    assertThat(assertTerminalBack()).contains("exit=143");
  }

  @Test
  void anImagePipedInIsExploredWithKeysFromTheTerminal() throws Exception {
    String jar = BuiltJar.path().toAbsolutePath().toString();
    Path image = io.layerdive.testing.Conformance.file("images/test-docker-image.tar");
    startShell();

    sendLiteral(
        "cat '"
            + image.toAbsolutePath()
            + "' | '"
            + javaBinary()
            + "' -jar '"
            + jar
            + "' -; echo \"exit=$?\"; echo \"do\"\"ne\"");
    tmux("send-keys", "-t", "it", "Enter");

    waitFor("the explorer", screen -> alternateScreen() && screen.contains("Image name: stdin"));
    // Standard input is the image: the keys must come from the terminal itself.
    String before = styledCapture();
    tmux("send-keys", "-t", "it", "Tab");
    waitForStyled("the screen to change after Tab", screen -> !screen.equals(before));

    // y sends the selected path (the tree's first row) as OSC 52; tmux keeps it as a buffer.
    tmux("set-option", "-g", "set-clipboard", "on");
    tmux("send-keys", "-t", "it", "y");
    waitFor("the copied path in tmux's buffer", screen -> copied().equals("/bin"));

    tmux("send-keys", "-t", "it", "q");
    String after =
        waitFor(
            "the shell after quitting",
            screen -> !alternateScreen() && screen.lines().anyMatch(line -> line.equals("done")));

    assertThat(after).contains("exit=0").doesNotContain("Exception");
  }

  /** The newest tmux paste buffer, empty when there is none. */
  private String copied() {
    try {
      Result buffer = tmux("show-buffer");
      return buffer.exitCode == 0 ? buffer.output : "";
    } catch (Exception e) {
      throw new IllegalStateException("tmux show-buffer: " + e.getMessage(), e);
    }
  }

  private boolean alternateScreen() {
    try {
      return tmux("display-message", "-p", "-t", "it", "#{alternate_on}").output.trim().equals("1");
    } catch (Exception e) {
      throw new IllegalStateException("tmux display-message: " + e.getMessage(), e);
    }
  }

  private String capture() throws Exception {
    return tmux("capture-pane", "-p", "-t", "it").output;
  }

  private String styledCapture() throws Exception {
    return tmux("capture-pane", "-p", "-e", "-t", "it").output;
  }

  private String waitForStyled(String what, Predicate<String> condition) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
    String screen = styledCapture();
    while (!condition.test(screen)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("waited for " + what + "; the pane shows:\n" + capture());
      }
      Thread.sleep(100);
      screen = styledCapture();
    }
    return screen;
  }

  private void sendLiteral(String text) throws Exception {
    tmux("send-keys", "-t", "it", "-l", text);
  }

  /** Polls the pane until the condition holds; fails with the last screen after the deadline. */
  private String waitFor(String what, Predicate<String> condition) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
    String screen = capture();
    while (!condition.test(screen)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("waited for " + what + "; the pane shows:\n" + screen);
      }
      Thread.sleep(100);
      screen = capture();
    }
    return screen;
  }

  private Result tmux(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("tmux", "-L", socket));
    command.addAll(List.of(args));
    return run(command);
  }

  private record Result(int exitCode, String output) {}

  private static Result run(List<String> command) throws IOException, InterruptedException {
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      return new Result(-1, e.getMessage());
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Result(process.waitFor(), output);
  }
}
