package io.layerdive.ui.lanterna;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TextCharacter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jline.utils.WCWidth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlyphsTest {
  private final Glyphs utf8 = new Glyphs(StandardCharsets.UTF_8);
  private final Glyphs ascii = new Glyphs(StandardCharsets.US_ASCII);

  /** The glyphs drawn, as "glyph/width" items. */
  private static List<String> drawn(Glyphs glyphs, String text) {
    List<String> out = new ArrayList<>();
    glyphs.each(text, (glyph, width) -> out.add(glyph + "/" + width));
    return out;
  }

  @Test
  void asciiIsOneColumnPerCharacter() {
    assertThat(drawn(utf8, "ab c")).containsExactly("a/1", "b/1", " /1", "c/1");
    assertThat(utf8.width("usr/bin")).isEqualTo(7);
  }

  @Test
  void cjkFillsTwoColumnsAndIsDrawnAsIs() {
    assertThat(drawn(utf8, "設定.conf").subList(0, 3)).containsExactly("設/2", "定/2", "./1");
    assertThat(utf8.width("設定.conf")).isEqualTo(9);
  }

  @Test
  void emojiOutsideTheBasicPlaneFillsTwoColumns() {
    assertThat(drawn(utf8, "📦x")).containsExactly("📦/2", "x/1");
  }

  @Test
  void decomposedAccentsAreComposedFirst() {
    assertThat(drawn(utf8, "re\u0301sume\u0301")).containsExactly(
        "r/1", "é/1", "s/1", "u/1", "m/1", "é/1");
  }

  @Test
  void wideGlyphsLanternaThinksNarrowBecomeAWideStandIn() {
    // U+2615 HOT BEVERAGE is wide for wcwidth (and terminals) but one column for Lanterna, whose
    // cursor would then run one column behind the terminal's.
    assertThat(WCWidth.wcwidth(0x2615)).isEqualTo(2);
    assertThat(TextCharacter.fromString("☕")[0].isDoubleWidth()).isFalse();

    assertThat(drawn(utf8, "☕a")).containsExactly("？/2", "a/1");
  }

  @Test
  void narrowGlyphsLanternaThinksWideBecomeAQuestionMark() {
    // U+1D400 MATHEMATICAL BOLD CAPITAL A: one column, but two UTF-16 chars, so wide for Lanterna.
    assertThat(drawn(utf8, "\uD835\uDC00b")).containsExactly("?/1", "b/1");
  }

  @Test
  void joinedEmojiAreDrawnAsTheirParts() {
    // MAN ZWJ WOMAN: terminals disagree on its width; drawing each person alone is certain.
    List<String> glyphs = drawn(utf8, "\uD83D\uDC68\u200D\uD83D\uDC69");

    assertThat(glyphs).allSatisfy(g -> assertThat(g).endsWith("/2"));
    assertThat(String.join("", glyphs)).doesNotContain("\u200D");
  }

  @Test
  void controlCharactersShowAsAQuestionMarkAndZeroWidthOnesVanish() {
    assertThat(drawn(utf8, "a\tb\u200Bc")).containsExactly("a/1", "?/1", "b/1", "c/1");
  }

  @ParameterizedTest
  @CsvSource({
    "'├── bin', '|-- bin'",
    "'│   └── ls', '|   `-- ls'",
    "'┃ ┣━━ x', '| |== x'",
    "'⊕ → ▏●↵…', '+ > |*\\~'",
    "'█░', '#.'",
  })
  void withoutUtf8TheUiGlyphsBecomeOneAsciiCharacterEach(String unicode, String expected) {
    StringBuilder out = new StringBuilder();
    int width = ascii.each(unicode, (glyph, w) -> out.append(glyph));

    assertThat(out).hasToString(expected);
    assertThat(width).isEqualTo(utf8.width(unicode));
  }

  @Test
  void withoutUtf8OtherCharactersBecomeAQuestionMarkPerColumn() {
    StringBuilder out = new StringBuilder();
    int width = ascii.each("設é📦", (glyph, w) -> out.append(glyph));

    assertThat(out).hasToString("?????");
    assertThat(width).isEqualTo(5);
  }

  @Test
  void aLatin1TerminalKeepsTheLettersItCanShow() {
    Glyphs latin1 = new Glyphs(Charset.forName("ISO-8859-1"));
    StringBuilder out = new StringBuilder();
    latin1.each("résumé├設", (glyph, w) -> out.append(glyph));

    assertThat(out).hasToString("résumé|??");
  }
}
