package io.layerdive.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files larger than a chunk go out and come back whole, at the position asked. */
class ChunkedFilesTest {
  @TempDir Path dir;

  private static byte[] random(int n) {
    byte[] b = new byte[n];
    new Random(n).nextBytes(b);
    return b;
  }

  @Test
  void aFileOfSeveralChunksReadsBackAsWritten() throws IOException {
    byte[] data = random(2 * ChunkedFiles.CHUNK + 12345);
    Path file = dir.resolve("f");
    try (FileChannel out =
        FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      ByteBuffer src = ByteBuffer.wrap(data, 7, data.length - 7);
      ChunkedFiles.write(out, src);

      assertThat(src.hasRemaining()).isFalse();
      assertThat(out.position()).isEqualTo(data.length - 7L);
    }

    byte[] back = ChunkedFiles.read(file);

    assertThat(back.length).isEqualTo(data.length - 7);
    assertThat(ByteBuffer.wrap(back)).isEqualTo(ByteBuffer.wrap(data, 7, data.length - 7));
  }

  @Test
  void aPositionalWriteLandsThereAndLeavesTheChannelWhereItWas() throws IOException {
    byte[] data = random(ChunkedFiles.CHUNK + 3);
    Path file = dir.resolve("f");
    try (FileChannel out =
        FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      out.position(5);
      ChunkedFiles.write(out, ByteBuffer.wrap(data), 10);

      assertThat(out.position()).isEqualTo(5);
    }

    byte[] back = Files.readAllBytes(file);

    assertThat(back.length).isEqualTo(10 + data.length);
    assertThat(ByteBuffer.wrap(back, 10, data.length)).isEqualTo(ByteBuffer.wrap(data));
  }

  @Test
  void anEmptyFileReadsAsNoBytes() throws IOException {
    Path file = Files.createFile(dir.resolve("empty"));

    assertThat(ChunkedFiles.read(file)).isEmpty();
  }
}
