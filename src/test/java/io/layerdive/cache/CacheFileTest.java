package io.layerdive.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A payload streamed out and back in, over several chunks, as a whole-file read sees it too. */
class CacheFileTest {
  @TempDir Path dir;

  private final byte[] payload = random(2 * ChunkedFiles.CHUNK + 777);

  private static byte[] random(int n) {
    byte[] b = new byte[n];
    new Random(n).nextBytes(b);
    return b;
  }

  /** Writes {@link #payload} in pieces of 100,000 bytes, as an encoder would. */
  private Path written() throws IOException {
    Path file = dir.resolve("entry");
    try (FileChannel out =
        FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      CacheFile.write(
          out,
          CacheFile.TREES,
          "key",
          ch -> {
            for (int at = 0; at < payload.length; at += 100_000) {
              ByteBuffer piece =
                  ByteBuffer.wrap(payload, at, Math.min(100_000, payload.length - at));
              while (piece.hasRemaining()) ch.write(piece);
            }
          });
    }
    return file;
  }

  /** All the payload, read through the channel 64 kB at a time. */
  private static byte[] readAll(ReadableByteChannel in, long length) throws IOException {
    ByteBuffer all = ByteBuffer.allocate((int) length);
    ByteBuffer piece = ByteBuffer.allocate(64 * 1024);
    while (all.hasRemaining()) {
      piece.clear().limit(Math.min(piece.capacity(), all.remaining()));
      if (in.read(piece) < 0) break;
      all.put(piece.flip());
    }
    return all.array();
  }

  private byte[] streamed(Path file, String key) throws IOException {
    try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
      return CacheFile.read(in, CacheFile.TREES, key, CacheFileTest::readAll);
    }
  }

  @Test
  void aStreamedPayloadReadsBackAndChecksOutReadWhole() throws IOException {
    Path file = written();

    assertThat(streamed(file, "key")).isEqualTo(payload);
    Cursor whole = CacheFile.payload(Files.readAllBytes(file), CacheFile.TREES, "key");
    assertThat(whole.bytes(payload.length)).isEqualTo(payload);
    assertThat(whole.atEnd()).isTrue();
  }

  @Test
  void aChangedOrCutPayloadOrAnotherKeyIsCorrupt() throws IOException {
    Path file = written();
    byte[] bytes = Files.readAllBytes(file);

    assertThatThrownBy(() -> streamed(file, "other")).isInstanceOf(CorruptEntry.class);
    byte[] changed = bytes.clone();
    changed[bytes.length - ChunkedFiles.CHUNK] ^= 1;
    Files.write(file, changed);
    assertThatThrownBy(() -> streamed(file, "key"))
        .isInstanceOf(CorruptEntry.class)
        .hasMessage("checksum");
    Files.write(file, Arrays.copyOf(bytes, bytes.length - 1));
    assertThatThrownBy(() -> streamed(file, "key")).isInstanceOf(CorruptEntry.class);
  }

  @Test
  void aReaderThatRefusesThePayloadMakesItCorrupt() throws IOException {
    Path file = written();

    try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
      assertThatThrownBy(
              () ->
                  CacheFile.read(
                      in,
                      CacheFile.TREES,
                      "key",
                      (ch, length) -> {
                        throw new IllegalArgumentException("malformed");
                      }))
          .isInstanceOf(CorruptEntry.class);
    }
  }
}
