/**
 * Going back to one layer's contents after the first pass: writing a selected file or directory
 * of a layer under a directory the user names (never outside it), and reading the head of a file
 * for the viewer. The layer is found again in the image's archive (indexed on disk, or streamed
 * from a daemon's new export), whichever layout it has, or in a blob a registry serves again; its
 * bytes are checked against its diff id where they are read to the end anyway.
 * Imports {@code source}, {@code image}, commons-compress, aircompressor and Jackson.
 */
package io.layerdive.source.extract;
