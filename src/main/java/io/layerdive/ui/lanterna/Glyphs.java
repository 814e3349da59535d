package io.layerdive.ui.lanterna;

import com.googlecode.lanterna.TextCharacter;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.text.BreakIterator;
import java.text.Normalizer;
import java.util.Map;
import org.jline.utils.WCWidth;

/**
 * Cuts text into what the terminal draws: one glyph per grapheme cluster, each one or two columns
 * wide (zero-width ones are dropped), so that the columns Lanterna counts are the columns the
 * terminal fills.
 *
 * <p>Widths come from {@code wcwidth} (JLine's table), which terminals follow code point by code
 * point. Lanterna has its own, coarser idea (CJK blocks are wide, any multi-char cluster is wide),
 * and it moves its cursor by that idea when it refreshes; wherever the two disagree the cell would
 * shift everything after it. So a cluster is drawn whole only where both agree, else its base code
 * point alone (dropping combining marks and emoji joiners, which is also what keeps the width
 * certain), else a stand-in of the same width: {@code ?} or the full-width {@code ？}.
 *
 * <p>When the terminal's charset is not UTF-8 the UI's own non-ASCII glyphs (tree lines, bars,
 * arrows, the ellipsis) become one ASCII character each, so widths stay the same, and any other
 * character the charset cannot encode becomes {@code ?} per column.
 */
final class Glyphs {
  /** One glyph to draw and the columns it fills. */
  interface Sink {
    void glyph(String glyph, int width);
  }

  private static final String WIDE_STAND_IN = "\uFF1F";
  private static final Map<Integer, Character> ASCII =
      Map.ofEntries(
          Map.entry((int) '├', '|'),
          Map.entry((int) '┣', '|'),
          Map.entry((int) '┝', '|'),
          Map.entry((int) '┠', '|'),
          Map.entry((int) '│', '|'),
          Map.entry((int) '┃', '|'),
          Map.entry((int) '║', '|'),
          Map.entry((int) '▏', '|'),
          Map.entry((int) '▕', '|'),
          Map.entry((int) '▌', '|'),
          Map.entry((int) '▐', '|'),
          Map.entry((int) '└', '`'),
          Map.entry((int) '┗', '`'),
          Map.entry((int) '╰', '`'),
          Map.entry((int) '─', '-'),
          Map.entry((int) '╌', '-'),
          Map.entry((int) '┄', '-'),
          Map.entry((int) '━', '='),
          Map.entry((int) '═', '='),
          Map.entry((int) '┌', '+'),
          Map.entry((int) '┐', '+'),
          Map.entry((int) '┘', '+'),
          Map.entry((int) '┬', '+'),
          Map.entry((int) '┴', '+'),
          Map.entry((int) '┼', '+'),
          Map.entry((int) '┤', '+'),
          Map.entry((int) '┏', '+'),
          Map.entry((int) '┓', '+'),
          Map.entry((int) '┛', '+'),
          Map.entry((int) '╭', '+'),
          Map.entry((int) '╮', '+'),
          Map.entry((int) '╯', '+'),
          Map.entry((int) '⊕', '+'),
          Map.entry((int) '⊖', '-'),
          Map.entry((int) '→', '>'),
          Map.entry((int) '←', '<'),
          Map.entry((int) '↑', '^'),
          Map.entry((int) '↓', 'v'),
          Map.entry((int) '▸', '>'),
          Map.entry((int) '▶', '>'),
          Map.entry((int) '▾', 'v'),
          Map.entry((int) '▼', 'v'),
          Map.entry((int) '◂', '<'),
          Map.entry((int) '◀', '<'),
          Map.entry((int) '▴', '^'),
          Map.entry((int) '▲', '^'),
          Map.entry((int) '●', '*'),
          Map.entry((int) '•', '*'),
          Map.entry((int) '○', 'o'),
          Map.entry((int) '·', '.'),
          Map.entry((int) '↵', '\\'),
          Map.entry((int) '⏎', '\\'),
          Map.entry((int) '…', '~'),
          Map.entry((int) '█', '#'),
          Map.entry((int) '▓', '#'),
          Map.entry((int) '▒', ':'),
          Map.entry((int) '░', '.'),
          Map.entry((int) '✓', 'v'),
          Map.entry((int) '✔', 'v'),
          Map.entry((int) '✗', 'x'),
          Map.entry((int) '✘', 'x'),
          Map.entry((int) '×', 'x'),
          Map.entry((int) '–', '-'),
          Map.entry((int) '—', '-'),
          Map.entry((int) '‘', '\''),
          Map.entry((int) '’', '\''),
          Map.entry((int) '“', '"'),
          Map.entry((int) '”', '"'),
          Map.entry(0x00A0, ' '));

  private final boolean unicode;
  private final CharsetEncoder encoder;
  private final BreakIterator clusters = BreakIterator.getCharacterInstance();
  /** What a lone character of the basic plane becomes, worked out once: pages of 256. */
  private final Single[][] singles = new Single[256][];

  /** What a lone character draws (nothing, one glyph, or a stand-in per column) and its width. */
  private record Single(String[] glyphs, int[] widths, int width) {}

  Glyphs(Charset charset) {
    this.unicode = charset.equals(StandardCharsets.UTF_8);
    this.encoder = charset.newEncoder();
  }

  /** Feeds every glyph of {@code text} to {@code sink}, in order; returns the columns they fill. */
  int each(String text, Sink sink) {
    if (isPlainAscii(text)) {
      for (int i = 0; i < text.length(); i++) sink.glyph(String.valueOf(text.charAt(i)), 1);
      return text.length();
    }
    if (isSimple(text)) {
      // Every character is a cluster of its own: the common case of box drawing, CJK, accents.
      int columns = 0;
      for (int i = 0; i < text.length(); i++) {
        Single single = single(text.charAt(i));
        for (int g = 0; g < single.glyphs().length; g++) {
          sink.glyph(single.glyphs()[g], single.widths()[g]);
        }
        columns += single.width();
      }
      return columns;
    }
    String normalized =
        Normalizer.isNormalized(text, Normalizer.Form.NFC)
            ? text
            : Normalizer.normalize(text, Normalizer.Form.NFC);
    clusters.setText(normalized);
    int columns = 0;
    int start = clusters.first();
    for (int end = clusters.next(); end != BreakIterator.DONE; start = end, end = clusters.next()) {
      columns += cluster(normalized.substring(start, end), sink);
    }
    return columns;
  }

  /** The columns {@code text} fills when drawn. */
  int width(String text) {
    return each(text, (glyph, width) -> {});
  }

  private Single single(char c) {
    Single[] page = singles[c >> 8];
    if (page == null) page = singles[c >> 8] = new Single[256];
    Single single = page[c & 0xff];
    if (single == null) {
      java.util.List<String> glyphs = new java.util.ArrayList<>(2);
      java.util.List<Integer> widths = new java.util.ArrayList<>(2);
      int width =
          cluster(
              String.valueOf(c),
              (g, w) -> {
                glyphs.add(g);
                widths.add(w);
              });
      single =
          new Single(
              glyphs.toArray(new String[0]),
              widths.stream().mapToInt(Integer::intValue).toArray(),
              width);
      page[c & 0xff] = single;
    }
    return single;
  }

  /**
   * True when no character joins the one before it (no surrogates, combining marks, joiners,
   * variation selectors or Hangul vowels and finals), so each character is a cluster and the text
   * is already composed.
   */
  private static boolean isSimple(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x300) continue;
      if (Character.isSurrogate(c) || (c >= 0x1160 && c <= 0x11ff)) return false;
      int type = Character.getType(c);
      if (type == Character.NON_SPACING_MARK
          || type == Character.ENCLOSING_MARK
          || type == Character.COMBINING_SPACING_MARK
          || type == Character.FORMAT) {
        return false;
      }
    }
    return true;
  }

  private int cluster(String cluster, Sink sink) {
    int base = cluster.codePointAt(0);
    int baseWidth = WCWidth.wcwidth(base);
    if (baseWidth < 0) {
      // A control character has no glyph; show that something is there.
      sink.glyph("?", 1);
      return 1;
    }
    if (!unicode) return foreign(cluster, base, baseWidth, sink);
    int total = cluster.codePoints().map(cp -> Math.max(0, WCWidth.wcwidth(cp))).sum();
    if (total >= 1 && total <= 2 && lanternaWidth(cluster) == total) {
      sink.glyph(cluster, total);
      return total;
    }
    if (baseWidth == 0) return 0;
    String baseText = Character.toString(base);
    if (lanternaWidth(baseText) == baseWidth) {
      sink.glyph(baseText, baseWidth);
    } else {
      sink.glyph(baseWidth == 2 ? WIDE_STAND_IN : "?", baseWidth);
    }
    return baseWidth;
  }

  /** A cluster for a terminal whose charset is not UTF-8. */
  private int foreign(String cluster, int base, int baseWidth, Sink sink) {
    Character ascii = ASCII.get(base);
    if (ascii != null) {
      sink.glyph(String.valueOf(ascii), 1);
      return 1;
    }
    if (baseWidth == 0) return 0;
    String baseText = Character.toString(base);
    if (baseWidth == 1 && encoder.canEncode(baseText) && lanternaWidth(baseText) == 1) {
      sink.glyph(baseText, 1);
    } else {
      for (int i = 0; i < baseWidth; i++) sink.glyph("?", 1);
    }
    return baseWidth;
  }

  private static int lanternaWidth(String cluster) {
    TextCharacter[] characters = TextCharacter.fromString(cluster);
    if (characters.length != 1) return -1;
    return characters[0].isDoubleWidth() ? 2 : 1;
  }

  static boolean isPlainAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c > 0x7e) return false;
    }
    return true;
  }
}
