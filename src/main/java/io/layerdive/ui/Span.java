package io.layerdive.ui;

/** A run of text in one style. {@code text} holds printable characters only. */
public record Span(String text, Style style) {
  public Span {
    if (text == null || style == null) throw new IllegalArgumentException("span needs text and style");
  }
}
