package io.layerdive.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TarFilesTest {
  @TempDir Path dir;

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private Path tar(RawTar tar) throws Exception {
    return Files.write(dir.resolve("a.tar"), tar.end().bytes());
  }

  @Test
  void linksAreFollowedToTheFileTheyNameAndLaterEntriesWin() throws Exception {
    Path file =
        tar(
            new RawTar()
                .file("blobs/one.tar", "first")
                .file("./blobs/one.tar", "second")
                .header(ascii("id/layer.tar"), '2', 0, 0777, ascii("../blobs/one.tar"), false)
                .header(ascii("hard.tar"), '1', 0, 0644, ascii("id/layer.tar"), false)
                .header(ascii("abs.tar"), '2', 0, 0777, ascii("/blobs/one.tar"), false));

    try (TarFiles files = TarFiles.index(file, "a.tar")) {
      for (String path : new String[] {"blobs/one.tar", "id/layer.tar", "hard.tar", "abs.tar"}) {
        ArchiveEntry e = files.find(path).orElseThrow();
        assertThat(e.path()).isEqualTo("blobs/one.tar");
        try (InputStream in = files.open(e)) {
          assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("second");
        }
      }
      assertThat(files.find("missing")).isEmpty();
      assertThat(files.paths()).contains("blobs/one.tar", "id/layer.tar", "hard.tar");
    }
  }

  @Test
  void linksThatLoopAreAnError() throws Exception {
    Path file =
        tar(
            new RawTar()
                .header(ascii("a"), '2', 0, 0777, ascii("b"), false)
                .header(ascii("b"), '2', 0, 0777, ascii("a"), false));

    try (TarFiles files = TarFiles.index(file, "a.tar")) {
      assertThatThrownBy(() -> files.find("a")).hasMessage("a.tar: the links at a loop");
    }
  }

  @Test
  void indexingSeeksOverDataWithoutReadingIt() throws Exception {
    byte[] big = new byte[5 * 1024 * 1024];
    Path file = tar(new RawTar().header("big.bin", '0', big.length, 0644).data(big).file("x", "y"));

    try (TarFiles files = TarFiles.index(file, "a.tar")) {
      ArchiveEntry x = files.find("x").orElseThrow();
      assertThat(x.offset()).isEqualTo(512 + big.length + 512);
      assertThat(files.readAll(x, 10)).isEqualTo(ascii("y"));
      assertThatThrownBy(() -> files.readAll(files.find("big.bin").orElseThrow(), 1024))
          .hasMessage("a.tar: big.bin is 5242880 bytes, more than the 1024 expected of it");
    }
  }
}
