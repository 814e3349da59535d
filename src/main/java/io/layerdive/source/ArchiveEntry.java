package io.layerdive.source;

/**
 * A regular file inside an image archive or layout.
 *
 * @param path its cleaned path inside, after following links
 * @param size its length in bytes
 * @param offset where its data starts in the archive file (0 for a file in a directory)
 */
public record ArchiveEntry(String path, long size, long offset) {}
