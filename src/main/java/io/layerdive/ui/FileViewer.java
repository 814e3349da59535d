package io.layerdive.ui;

import io.layerdive.bytes.HumanBytes;
import io.layerdive.text.DisplayWidth;
import java.util.ArrayList;
import java.util.List;

/**
 * The viewer window's lines for the head of a file: numbered, tabs expanded to every eighth column,
 * control characters made visible ({@code \x1B}), wide characters measured as the terminal draws
 * them; a binary file is a one-line note, a cut-off file says where it was cut.
 */
final class FileViewer {
  static final int TAB = 8;

  private FileViewer() {}

  static String title(LayerContents.FileText file, int layer) {
    return DisplayWidth.sanitize(file.path())
        + " · layer "
        + layer
        + " · "
        + HumanBytes.format(file.size());
  }

  static List<List<Span>> lines(LayerContents.FileText file) {
    List<List<Span>> out = new ArrayList<>();
    if (file.text().isEmpty()) {
      out.add(
          List.of(
              new Span(
                  "binary file ("
                      + file.size()
                      + " bytes): the viewer shows text; extract it to look inside",
                  Style.DIM)));
      return out;
    }
    String text = file.text().get();
    if (text.isEmpty()) {
      out.add(List.of(new Span("(empty file)", Style.DIM)));
      return out;
    }
    String[] raw = text.split("\n", -1);
    int count = raw.length;
    // A final newline ends the last line; it does not start another.
    if (count > 1 && raw[count - 1].isEmpty()) count--;
    int numberWidth = String.valueOf(count).length();
    for (int i = 0; i < count; i++) {
      String line = raw[i].endsWith("\r") ? raw[i].substring(0, raw[i].length() - 1) : raw[i];
      String number = " ".repeat(numberWidth - String.valueOf(i + 1).length()) + (i + 1) + " ";
      out.add(List.of(new Span(number, Style.DIM), new Span(shown(line), Style.NORMAL)));
    }
    if (file.truncated()) {
      out.add(
          List.of(
              new Span(
                  "… truncated at "
                      + (file.shownBytes() / 1024)
                      + " KiB of "
                      + HumanBytes.format(file.size())
                      + "; extract the file to see all of it",
                  Style.DIM)));
    }
    return out;
  }

  /** Tabs expanded by display column, then everything else made safe to draw. */
  static String shown(String line) {
    if (line.indexOf('\t') < 0) return DisplayWidth.sanitize(line);
    StringBuilder sb = new StringBuilder();
    int column = 0;
    int start = 0;
    for (int i = 0; i <= line.length(); i++) {
      if (i == line.length() || line.charAt(i) == '\t') {
        String part = DisplayWidth.sanitize(line.substring(start, i));
        sb.append(part);
        column += DisplayWidth.of(part);
        if (i < line.length()) {
          int pad = TAB - column % TAB;
          sb.append(" ".repeat(pad));
          column += pad;
        }
        start = i + 1;
      }
    }
    return sb.toString();
  }
}
