package io.layerdive.ui.lanterna;

import static com.googlecode.lanterna.SGR.BOLD;
import static com.googlecode.lanterna.SGR.CROSSED_OUT;
import static com.googlecode.lanterna.SGR.REVERSE;
import static com.googlecode.lanterna.SGR.UNDERLINE;

import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.TextColor.ANSI;
import io.layerdive.ui.Style;
import java.util.EnumMap;
import java.util.Map;

/**
 * Turns semantic {@link Style}s into colours. The base is dive's look: added green, removed red,
 * modified yellow, compare bars on green and magenta backgrounds, the selected row reversed and
 * bold, the status bar reversed with toggled options white on magenta. The change colours use the
 * terminal's own ANSI palette in every colour mode, so they follow the user's scheme; the 256-colour
 * theme adds greys and an orange for dimmed text, borders and wasted space.
 *
 * <p>Without colour ({@code NO_COLOR}, {@code --no-color} or a terminal without colours) the
 * selected row stays reverse video, and the change kinds keep apart by attribute alone: added is
 * <b>bold</b>, modified is <u>underlined</u>, removed is <s>struck through</s> (terminals without
 * strikethrough, such as the Linux console, show removed entries plain).
 */
public final class Theme {
  private final Map<Style, CellStyle> styles;

  private Theme(Map<Style, CellStyle> styles) {
    this.styles = styles;
  }

  public static Theme forDepth(ColorDepth depth) {
    return switch (depth) {
      case COLORS_256 -> colors256();
      case COLORS_16 -> colors16();
      case NONE -> noColor();
    };
  }

  /** How text of the given meaning looks; plain for a style this theme does not know yet. */
  public CellStyle style(Style style) {
    return styles.getOrDefault(style, CellStyle.PLAIN);
  }

  boolean defines(Style style) {
    return styles.containsKey(style);
  }

  private static Map<Style, CellStyle> common() {
    Map<Style, CellStyle> m = new EnumMap<>(Style.class);
    m.put(Style.NORMAL, CellStyle.PLAIN);
    m.put(Style.HEADER, CellStyle.attrs(BOLD));
    m.put(Style.TITLE, CellStyle.attrs(BOLD));
    m.put(Style.SELECTED, CellStyle.attrs(REVERSE, BOLD));
    m.put(Style.STATUS_KEY, CellStyle.attrs(REVERSE, BOLD));
    m.put(Style.STATUS_LABEL, CellStyle.attrs(REVERSE));
    m.put(Style.FILTER_LABEL, CellStyle.attrs(BOLD));
    return m;
  }

  private static Map<Style, CellStyle> colored() {
    Map<Style, CellStyle> m = common();
    m.put(Style.ADDED, CellStyle.fg(ANSI.GREEN));
    m.put(Style.REMOVED, CellStyle.fg(ANSI.RED));
    m.put(Style.MODIFIED, CellStyle.fg(ANSI.YELLOW));
    m.put(Style.COMPARE_BOTTOM, CellStyle.bg(ANSI.GREEN));
    m.put(Style.COMPARE_TOP, CellStyle.bg(ANSI.MAGENTA));
    m.put(Style.STATUS_TOGGLED, CellStyle.of(ANSI.WHITE_BRIGHT, ANSI.MAGENTA));
    return m;
  }

  private static Theme colors256() {
    Map<Style, CellStyle> m = colored();
    TextColor grey = new TextColor.Indexed(244);
    m.put(Style.DIM, CellStyle.fg(grey));
    m.put(Style.BORDER, CellStyle.fg(new TextColor.Indexed(240)));
    m.put(Style.TITLE_FOCUSED, CellStyle.fg(new TextColor.Indexed(213), BOLD));
    m.put(Style.SELECTED_UNFOCUSED, CellStyle.bg(new TextColor.Indexed(238)));
    m.put(Style.WASTED, CellStyle.fg(new TextColor.Indexed(208), BOLD));
    m.put(Style.ERROR, CellStyle.fg(new TextColor.Indexed(196), BOLD));
    return new Theme(m);
  }

  private static Theme colors16() {
    Map<Style, CellStyle> m = colored();
    m.put(Style.DIM, CellStyle.fg(ANSI.BLACK_BRIGHT));
    m.put(Style.BORDER, CellStyle.PLAIN);
    m.put(Style.TITLE_FOCUSED, CellStyle.fg(ANSI.MAGENTA_BRIGHT, BOLD));
    m.put(Style.SELECTED_UNFOCUSED, CellStyle.of(ANSI.WHITE_BRIGHT, ANSI.BLACK_BRIGHT));
    m.put(Style.WASTED, CellStyle.fg(ANSI.RED_BRIGHT, BOLD));
    m.put(Style.ERROR, CellStyle.fg(ANSI.RED_BRIGHT, BOLD));
    return new Theme(m);
  }

  private static Theme noColor() {
    Map<Style, CellStyle> m = common();
    m.put(Style.DIM, CellStyle.PLAIN);
    m.put(Style.BORDER, CellStyle.PLAIN);
    m.put(Style.TITLE_FOCUSED, CellStyle.attrs(BOLD, UNDERLINE));
    m.put(Style.SELECTED_UNFOCUSED, CellStyle.attrs(UNDERLINE));
    m.put(Style.ADDED, CellStyle.attrs(BOLD));
    m.put(Style.REMOVED, CellStyle.attrs(CROSSED_OUT));
    m.put(Style.MODIFIED, CellStyle.attrs(UNDERLINE));
    m.put(Style.WASTED, CellStyle.attrs(BOLD));
    m.put(Style.COMPARE_BOTTOM, CellStyle.attrs(UNDERLINE));
    m.put(Style.COMPARE_TOP, CellStyle.attrs(REVERSE));
    m.put(Style.STATUS_TOGGLED, CellStyle.attrs(REVERSE, UNDERLINE));
    m.put(Style.ERROR, CellStyle.attrs(BOLD, UNDERLINE));
    return new Theme(m);
  }
}
