package io.layerdive.source;

import io.airlift.compress.zstd.ZstdInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/** How a layer blob is stored, told by its first bytes and never by its name. */
public enum Compression {
  NONE("uncompressed"),
  GZIP("gzip"),
  ZSTD("zstd");

  private static final int BUFFER = 64 * 1024;

  private final String displayName;

  Compression(String displayName) {
    this.displayName = displayName;
  }

  public String displayName() {
    return displayName;
  }

  /** Number of leading bytes {@link #sniff} looks at. */
  public static final int MAGIC_LENGTH = 4;

  /** gzip starts {@code 1f 8b}, zstd {@code 28 b5 2f fd}; anything else is taken as plain. */
  public static Compression sniff(byte[] head, int length) {
    if (length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) return GZIP;
    if (length >= 4
        && (head[0] & 0xff) == 0x28
        && (head[1] & 0xff) == 0xb5
        && (head[2] & 0xff) == 0x2f
        && (head[3] & 0xff) == 0xfd) return ZSTD;
    return NONE;
  }

  /** Wraps {@code raw} in the decompressor; NONE returns it as is. */
  public InputStream decompress(InputStream raw) throws IOException {
    return switch (this) {
      case NONE -> raw;
      case GZIP -> new GZIPInputStream(raw, BUFFER);
      case ZSTD -> new ZstdInputStream(raw);
    };
  }
}
