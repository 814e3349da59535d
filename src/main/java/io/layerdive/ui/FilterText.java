package io.layerdive.ui;

import io.layerdive.bytes.HumanBytes;

/**
 * The filter line as typed: a regular expression found in the path, optionally ending with a size
 * condition {@code >SIZE} (e.g. {@code node_modules >1MB}, or {@code >10MB} alone) that keeps only
 * files larger than that; the directories above a shown file show too. The condition is what
 * follows the last {@code >} that starts the text or a word, so a pattern that needs {@code " >"}
 * writes {@code \s>}.
 *
 * @param pattern the regular expression, empty for none
 * @param largerThan the size a file must exceed, 0 for any size
 */
record FilterText(String pattern, long largerThan) {
  /**
   * @throws IllegalArgumentException saying what is wrong with the size (none after {@code >}, an
   *     unknown unit)
   */
  static FilterText parse(String typed) {
    String text = typed.strip();
    int at = text.startsWith(">") ? 0 : text.lastIndexOf(" >") + 1;
    if (at == 0 && !text.startsWith(">")) return new FilterText(text, 0);
    String written = text.substring(at + 1).strip();
    if (written.isEmpty()) {
      throw new IllegalArgumentException("a size after '>', e.g. >1MB");
    }
    long bytes = HumanBytes.parse(written);
    return new FilterText(text.substring(0, at).strip(), Math.max(0, bytes));
  }
}
