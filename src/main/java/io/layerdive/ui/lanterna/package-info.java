/**
 * The terminal side of the explorer and the only package that imports Lanterna: deciding what the
 * terminal can do ({@link io.layerdive.ui.lanterna.TerminalDetector}), mapping semantic styles to
 * colours ({@link io.layerdive.ui.lanterna.Theme}), painting a {@link io.layerdive.ui.Frame} onto a
 * screen ({@link io.layerdive.ui.lanterna.Painter}), key and mouse names, the progress view, and the
 * event loop that owns the terminal ({@link io.layerdive.ui.lanterna.Explorer}). Imports {@code ui},
 * {@code image}, {@code bytes}, Lanterna and JLine's terminal utilities; never prints: whatever else writes to the
 * standard streams while the screen is up is captured and handed back to the caller.
 */
package io.layerdive.ui.lanterna;
