package io.layerdive.sample;

import io.airlift.compress.zstd.ZstdOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.GZIPOutputStream;

/**
 * How a layer blob is stored. Output is deterministic: no timestamps, fixed levels. Uncompressed
 * and zstd bytes (pure Java) are the same on every machine; gzip bytes come from the runtime's
 * zlib, so they are the same from run to run but may differ between zlib versions.
 */
public enum Compression {
  NONE("", ".tar"),
  /** gzip with an empty header (mtime 0), as registries and kaniko store layers. */
  GZIP("+gzip", ".tar.gz"),
  /** A zstd frame written by aircompressor's pure-Java encoder. */
  ZSTD("+zstd", ".tar.zst");

  private final String mediaTypeSuffix;
  private final String fileExtension;

  Compression(String mediaTypeSuffix, String fileExtension) {
    this.mediaTypeSuffix = mediaTypeSuffix;
    this.fileExtension = fileExtension;
  }

  /** {@code +gzip} and {@code +zstd} as OCI media types end; empty for NONE. */
  String mediaTypeSuffix() {
    return mediaTypeSuffix;
  }

  /** The file name ending of a layer stored under its digest, e.g. {@code .tar.gz}. */
  String fileExtension() {
    return fileExtension;
  }

  /**
   * A stream that compresses into {@code out}; closing it ends the compressed stream but leaves
   * {@code out} open.
   */
  OutputStream compressTo(OutputStream out) throws IOException {
    OutputStream shielded = new UnclosableOutputStream(out);
    return switch (this) {
      case NONE -> shielded;
      case GZIP -> new GZIPOutputStream(shielded, 64 * 1024);
      case ZSTD -> new ZstdOutputStream(shielded);
    };
  }
}
