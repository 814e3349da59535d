package io.layerdive.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DisplayWidthTest {

  @Test
  void asciiIsOneColumnEach_wideCharactersTwo() {
    assertThat(DisplayWidth.of("saved.txt")).isEqualTo(9);
    assertThat(DisplayWidth.of("日本語.txt")).isEqualTo(10);
    assertThat(DisplayWidth.of("🐳")).isEqualTo(2);
    assertThat(DisplayWidth.of("e\u0301")).as("combining accent takes no column").isEqualTo(1);
  }

  @Test
  void sanitizeLeavesPlainNamesAlone() {
    String name = "libc.so.6";
    assertThat(DisplayWidth.sanitize(name)).isSameAs(name);
    assertThat(DisplayWidth.sanitize("日本語")).isEqualTo("日本語");
  }

  @Test
  void sanitizeEscapesControlCharactersSoTheCursorNeverMoves() {
    assertThat(DisplayWidth.sanitize("a\u001b[2Jb")).isEqualTo("a\\x1b[2Jb");
    assertThat(DisplayWidth.sanitize("line\nbreak\ttab\r"))
        .isEqualTo("line\\x0abreak\\x09tab\\x0d");
    assertThat(DisplayWidth.sanitize("del\u007f c1\u009b")).isEqualTo("del\\x7f c1\\x9b");
  }

  @Test
  void sanitizeReplacesInvisibleFormatCharacters() {
    // A right-to-left override would make the terminal draw the rest of the row backwards.
    assertThat(DisplayWidth.sanitize("evil\u202etxt.exe")).isEqualTo("evil?txt.exe");
    assertThat(DisplayWidth.sanitize("zero\u200bwidth")).isEqualTo("zero?width");
    assertThat(DisplayWidth.sanitize("lone\ud800surrogate")).isEqualTo("lone?surrogate");
  }

  @Test
  void sanitizeComposesAccentsAndKeepsCombiningMarksOnTheirBase() {
    assertThat(DisplayWidth.sanitize("cafe\u0301")).isEqualTo("café");
    assertThat(DisplayWidth.sanitize("\u0301alone")).isEqualTo("?alone");
    assertThat(DisplayWidth.sanitize("\u2764\ufe0f")).isEqualTo("\u2764");
  }

  @Test
  void truncateNeverSplitsAWideCharacter() {
    assertThat(DisplayWidth.truncate("日本語", 5)).isEqualTo("日本");
    assertThat(DisplayWidth.truncate("日本語", 6)).isEqualTo("日本語");
    assertThat(DisplayWidth.truncate("ab日", 3)).isEqualTo("ab");
    assertThat(DisplayWidth.truncate("abc", 0)).isEmpty();
    assertThat(DisplayWidth.truncate("cafe\u0301s", 4)).isEqualTo("cafe\u0301");
  }

  @Test
  void fitPadsToExactlyTheBudget() {
    assertThat(DisplayWidth.fit("日本語", 5)).isEqualTo("日本 ");
    assertThat(DisplayWidth.fit("ab", 4)).isEqualTo("ab  ");
    assertThat(DisplayWidth.of(DisplayWidth.fit("🐳🐳🐳", 5))).isEqualTo(5);
  }

  @Test
  void ellipsizeMarksWhatWasCut() {
    assertThat(DisplayWidth.ellipsize("abcdef", 4)).isEqualTo("abc…");
    assertThat(DisplayWidth.ellipsize("abc", 4)).isEqualTo("abc");
    assertThat(DisplayWidth.ellipsize("日本語", 4)).isEqualTo("日…");
  }
}
