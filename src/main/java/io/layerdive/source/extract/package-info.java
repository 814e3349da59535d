/**
 * Going back to one layer's contents after the first pass: writing a selected file or directory
 * of a layer under a directory the user names (never outside it), and reading the head of a file
 * for the viewer. The layer is found again in the image's archive stream, whichever layout it has.
 * Imports {@code source}, {@code image}, commons-compress, aircompressor and Jackson.
 */
package io.layerdive.source.extract;
