package io.layerdive.ui.lanterna;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import io.layerdive.ui.Style;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ThemeTest {
  @ParameterizedTest
  @EnumSource(ColorDepth.class)
  void everyStyleHasALook(ColorDepth depth) {
    Theme theme = Theme.forDepth(depth);

    assertThat(Style.values()).allSatisfy(style -> assertThat(theme.defines(style)).isTrue());
  }

  @Test
  void divesColoursAreTheBase() {
    Theme theme = Theme.forDepth(ColorDepth.COLORS_256);

    assertThat(theme.style(Style.ADDED).foreground()).isEqualTo(TextColor.ANSI.GREEN);
    assertThat(theme.style(Style.REMOVED).foreground()).isEqualTo(TextColor.ANSI.RED);
    assertThat(theme.style(Style.MODIFIED).foreground()).isEqualTo(TextColor.ANSI.YELLOW);
    assertThat(theme.style(Style.COMPARE_BOTTOM).background()).isEqualTo(TextColor.ANSI.GREEN);
    assertThat(theme.style(Style.COMPARE_TOP).background()).isEqualTo(TextColor.ANSI.MAGENTA);
    assertThat(theme.style(Style.SELECTED).attributes()).containsExactlyInAnyOrder(SGR.REVERSE, SGR.BOLD);
  }

  @Test
  void sixteenColoursUseNoIndexedColour() {
    Theme theme = Theme.forDepth(ColorDepth.COLORS_16);

    assertThat(Style.values())
        .allSatisfy(
            style -> {
              CellStyle look = theme.style(style);
              assertThat(look.foreground()).isInstanceOf(TextColor.ANSI.class);
              assertThat(look.background()).isInstanceOf(TextColor.ANSI.class);
            });
  }

  @Test
  void withoutColourOnlyTheDefaultColoursAreUsed() {
    Theme theme = Theme.forDepth(ColorDepth.NONE);

    assertThat(Style.values())
        .allSatisfy(
            style -> {
              assertThat(theme.style(style).foreground()).isEqualTo(TextColor.ANSI.DEFAULT);
              assertThat(theme.style(style).background()).isEqualTo(TextColor.ANSI.DEFAULT);
            });
  }

  @Test
  void withoutColourTheChangeKindsAndTheSelectionStillLookDifferent() {
    Theme theme = Theme.forDepth(ColorDepth.NONE);

    Set<Set<SGR>> looks =
        Stream.of(Style.NORMAL, Style.ADDED, Style.REMOVED, Style.MODIFIED, Style.SELECTED)
            .map(style -> theme.style(style).attributes())
            .collect(Collectors.toSet());

    assertThat(looks).hasSize(5);
    assertThat(theme.style(Style.SELECTED).attributes()).contains(SGR.REVERSE);
    assertThat(theme.style(Style.ADDED).attributes()).containsExactly(SGR.BOLD);
    assertThat(theme.style(Style.MODIFIED).attributes()).containsExactly(SGR.UNDERLINE);
    assertThat(theme.style(Style.REMOVED).attributes()).containsExactly(SGR.CROSSED_OUT);
  }
}
