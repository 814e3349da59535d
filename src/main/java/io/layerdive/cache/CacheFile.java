package io.layerdive.cache;

import io.layerdive.hash.Xxh64;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The frame of every cache file: magic, format version, the build that wrote it, kind, the key
 * the entry is stored under, the payload's length and its XXH64, then the payload. A file that is
 * truncated, changed, of another format version or build, or kept under another key does not
 * unwrap.
 */
final class CacheFile {
  /** Raise whenever the payload's meaning changes, including which file contents are kept. */
  static final int FORMAT_VERSION = 1;

  /**
   * The build that writes and reads entries. What a layer's entry holds is what this build's
   * readers and tree builder made of it; another build may make something else of the same bytes,
   * and a forgotten {@link #FORMAT_VERSION} bump must not make its results trusted.
   */
  static final String BUILD = build();

  static final byte LAYER = 'L';
  static final byte IMAGE = 'I';
  static final byte TREES = 'T';

  private static final byte[] MAGIC = "layerdiv".getBytes(StandardCharsets.US_ASCII);
  private static final long SEED = 0x6c61796572646976L;

  private CacheFile() {}

  /** The header for a payload made of {@code parts}, each the used part of a buffer. */
  static byte[] header(byte kind, String key, Bytes... parts) {
    Xxh64 xxh = new Xxh64(SEED);
    long length = 0;
    for (Bytes part : parts) {
      xxh.update(part.array(), 0, part.length());
      length += part.length();
    }
    return header(kind, key, length, xxh.digest());
  }

  /**
   * Writes a whole file to {@code out}, from its start: the payload as {@code payload} streams it
   * to the channel it is given, then the header in front, whose size does not depend on the
   * payload. So a large payload is never held whole in memory.
   */
  static void write(FileChannel out, byte kind, String key, PayloadWriter payload)
      throws IOException {
    out.position(header(kind, key, 0, 0).length);
    Xxh64 xxh = new Xxh64(SEED);
    long[] length = {0};
    payload.writeTo(
        new WritableByteChannel() {
          @Override
          public int write(ByteBuffer src) throws IOException {
            int n = src.remaining();
            hash(xxh, src, src.position(), n);
            ChunkedFiles.write(out, src);
            length[0] += n;
            return n;
          }

          @Override
          public boolean isOpen() {
            return out.isOpen();
          }

          @Override
          public void close() {}
        });
    ChunkedFiles.write(out, ByteBuffer.wrap(header(kind, key, length[0], xxh.digest())), 0);
  }

  /** Streams a payload to a channel. */
  @FunctionalInterface
  interface PayloadWriter {
    void writeTo(WritableByteChannel out) throws IOException;
  }

  private static byte[] header(byte kind, String key, long length, long checksum) {
    Bytes h = new Bytes(64 + key.length() + BUILD.length());
    h.putBytes(MAGIC, 0, MAGIC.length);
    h.putVarLong(FORMAT_VERSION);
    h.putString(BUILD);
    h.put(kind);
    h.putString(key);
    h.putLong(length);
    h.putLong(checksum);
    return java.util.Arrays.copyOf(h.array(), h.length());
  }

  /**
   * The payload of {@code file}, checked.
   *
   * @throws CorruptEntry when anything does not check out
   */
  static Cursor payload(byte[] file, byte kind, String key) {
    Cursor c = new Cursor(file, 0, file.length);
    Header h = Header.read(c, kind, key, file.length);
    Xxh64 xxh = new Xxh64(SEED);
    xxh.update(file, h.start, file.length - h.start);
    if (xxh.digest() != h.checksum) throw new CorruptEntry("checksum");
    return new Cursor(file, h.start, file.length);
  }

  /**
   * What {@code payload} makes of the payload of the file {@code in}, which it reads as a stream
   * (of the length it is given) while the payload is hashed: a large payload is never held whole
   * in memory. What it returned is only trusted once the checksum agrees.
   *
   * @throws CorruptEntry when anything does not check out, {@code payload}'s own {@link
   *     IllegalArgumentException} included
   */
  static <T> T read(FileChannel in, byte kind, String key, PayloadReader<T> payload)
      throws IOException {
    long size = in.size();
    ByteBuffer first = ByteBuffer.allocate((int) Math.min(size, ChunkedFiles.CHUNK));
    while (first.hasRemaining() && in.read(first, first.position()) >= 0) {
      // A header is a few kilobytes at most: one read nearly always.
    }
    Cursor c = new Cursor(first.array(), 0, first.position());
    Header h = Header.read(c, kind, key, size);
    in.position(h.start);
    Xxh64 xxh = new Xxh64(SEED);
    long[] hashed = {0};
    T out;
    try {
      out =
          payload.readFrom(
              new ReadableByteChannel() {
                @Override
                public int read(ByteBuffer dst) throws IOException {
                  int at = dst.position();
                  int n = in.read(dst);
                  if (n > 0) {
                    hash(xxh, dst, at, n);
                    hashed[0] += n;
                  }
                  return n;
                }

                @Override
                public boolean isOpen() {
                  return in.isOpen();
                }

                @Override
                public void close() {}
              },
              h.length);
    } catch (IllegalArgumentException e) {
      throw new CorruptEntry("payload: " + e.getMessage());
    }
    if (hashed[0] != h.length) throw new CorruptEntry("payload of " + hashed[0] + " bytes read");
    if (xxh.digest() != h.checksum) throw new CorruptEntry("checksum");
    return out;
  }

  /** Adds the {@code n} bytes of {@code b} from {@code at} to the hash; moves nothing. */
  private static void hash(Xxh64 xxh, ByteBuffer b, int at, int n) {
    if (b.hasArray()) {
      xxh.update(b.array(), b.arrayOffset() + at, n);
    } else {
      byte[] copy = new byte[n];
      b.duplicate().position(at).get(copy);
      xxh.update(copy, 0, n);
    }
  }

  /** Decodes a payload of {@code length} bytes from a channel. */
  @FunctionalInterface
  interface PayloadReader<T> {
    T readFrom(ReadableByteChannel in, long length) throws IOException;
  }

  /** A file's header, checked: where its payload starts, its length and checksum. */
  private record Header(int start, long length, long checksum) {
    static Header read(Cursor c, byte kind, String key, long fileSize) {
      for (byte m : MAGIC) {
        if (c.get() != (m & 0xff)) throw new CorruptEntry("not a cache file");
      }
      long version = c.varLong();
      if (version != FORMAT_VERSION) throw new CorruptEntry("format version " + version);
      if (!c.string().equals(BUILD)) throw new CorruptEntry("written by another build");
      if (c.get() != (kind & 0xff)) throw new CorruptEntry("another kind of entry");
      if (!c.string().equals(key)) throw new CorruptEntry("kept under another key");
      long length = c.fixedLong();
      long checksum = c.fixedLong();
      int start = c.position();
      if (length != fileSize - start) throw new CorruptEntry("length " + length);
      return new Header(start, length, checksum);
    }
  }

  /** The build stamp Maven wrote, or the format version alone when run from unfiltered classes. */
  private static String build() {
    try (InputStream in = CacheFile.class.getResourceAsStream("build.properties")) {
      if (in == null) return "";
      Properties p = new Properties();
      p.load(in);
      String build = p.getProperty("build", "");
      return build.contains("${") ? "" : build;
    } catch (IOException e) {
      return "";
    }
  }
}
