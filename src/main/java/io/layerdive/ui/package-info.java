/**
 * The explorer's state and rendering, free of any terminal: models for the layer list, the file
 * tree and the details panes, key bindings and actions, and {@link io.layerdive.ui.Frame}: the
 * screen as lines of text spans with semantic {@link io.layerdive.ui.Style}s, never colours. The
 * viewer and the extract action reach a layer's contents through {@link
 * io.layerdive.ui.LayerContents}, a port the composition root implements for each source, so that
 * no source package is imported here.
 * Imports {@code analysis}, {@code tree}, {@code image}, {@code bytes} and {@code text} (display
 * widths); {@code ui.lanterna} is the only package that draws on a terminal.
 */
package io.layerdive.ui;
