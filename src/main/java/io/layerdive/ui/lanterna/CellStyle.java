package io.layerdive.ui.lanterna;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import java.util.EnumSet;
import java.util.Set;

/** How one cell looks: foreground, background and attributes, in Lanterna's terms. */
public record CellStyle(TextColor foreground, TextColor background, Set<SGR> attributes) {
  public static final CellStyle PLAIN = of(TextColor.ANSI.DEFAULT, TextColor.ANSI.DEFAULT);

  public CellStyle {
    attributes =
        attributes.isEmpty() ? Set.of() : java.util.Collections.unmodifiableSet(EnumSet.copyOf(attributes));
  }

  public static CellStyle of(TextColor foreground, TextColor background, SGR... attributes) {
    EnumSet<SGR> set = EnumSet.noneOf(SGR.class);
    set.addAll(java.util.Arrays.asList(attributes));
    return new CellStyle(foreground, background, set);
  }

  static CellStyle fg(TextColor foreground, SGR... attributes) {
    return of(foreground, TextColor.ANSI.DEFAULT, attributes);
  }

  static CellStyle bg(TextColor background, SGR... attributes) {
    return of(TextColor.ANSI.DEFAULT, background, attributes);
  }

  static CellStyle attrs(SGR... attributes) {
    return of(TextColor.ANSI.DEFAULT, TextColor.ANSI.DEFAULT, attributes);
  }

  EnumSet<SGR> attributeSet() {
    return attributes.isEmpty() ? EnumSet.noneOf(SGR.class) : EnumSet.copyOf(attributes);
  }
}
