package io.layerdive.ui.lanterna;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.googlecode.lanterna.TerminalSize;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.List;
import org.junit.jupiter.api.Test;

class TtySizeTest {
  /** Answers with the sizes given, in turn, and counts the questions. */
  private static final class Tty implements TtySize.Asker {
    private final ArrayDeque<TerminalSize> answers;
    int asked;

    Tty(TerminalSize... answers) {
      this.answers = new ArrayDeque<>(List.of(answers));
    }

    @Override
    public TerminalSize ask() {
      asked++;
      return answers.remove();
    }
  }

  @Test
  void asksOnceUntilAResizeIsSignalled() throws IOException {
    TtySize size = new TtySize();
    Tty tty = new Tty(new TerminalSize(160, 45), new TerminalSize(80, 24));

    assertThat(size.get(tty)).isEqualTo(new TerminalSize(160, 45));
    assertThat(size.get(tty)).isEqualTo(new TerminalSize(160, 45));
    assertThat(tty.asked).isEqualTo(1);

    size.stale();
    assertThat(size.get(tty)).isEqualTo(new TerminalSize(80, 24));
    assertThat(tty.asked).isEqualTo(2);
  }

  @Test
  void aResizeSignalledWhileAskingMakesTheNextCallAskAgain() throws IOException {
    TtySize size = new TtySize();
    Tty later = new Tty(new TerminalSize(100, 30));
    TtySize.Asker resizedMeanwhile =
        () -> {
          size.stale();
          return new TerminalSize(160, 45);
        };

    assertThat(size.get(resizedMeanwhile)).isEqualTo(new TerminalSize(160, 45));
    assertThat(size.get(later)).isEqualTo(new TerminalSize(100, 30));
  }

  @Test
  void aFailedQuestionIsAskedAgain() throws IOException {
    TtySize size = new TtySize();
    TtySize.Asker broken =
        () -> {
          throw new IOException("stty: not a tty");
        };

    assertThatThrownBy(() -> size.get(broken)).hasMessage("stty: not a tty");
    assertThat(size.get(new Tty(new TerminalSize(80, 24)))).isEqualTo(new TerminalSize(80, 24));
  }
}
