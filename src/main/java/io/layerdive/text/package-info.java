/**
 * Text as a terminal shows it: how many columns a string takes (wide CJK and emoji count two), how
 * to make an untrusted name safe to draw (no control characters that move the cursor or break
 * columns), and how to cut text to a column budget without splitting a wide character. Imports the
 * JDK and JLine's {@code WCWidth} only.
 */
package io.layerdive.text;
