/**
 * The command line and the composition root: parses options with picocli, wires a source, the
 * trees, the analysis and a presenter (explorer, JSON, CI report or plain summary) together, and
 * maps failures to exit codes. The only package that touches {@code System.out}, {@code System.err}
 * and {@code System.exit}; may import every other package.
 */
package io.layerdive.cli;
