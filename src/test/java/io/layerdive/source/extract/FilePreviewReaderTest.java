package io.layerdive.source.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.layerdive.image.Digest;
import io.layerdive.image.Layer;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FilePreviewReaderTest {
  private static final Layer LAYER =
      new Layer(1, "x", new Digest("sha256", "e".repeat(64)), Optional.empty(), "", 0, -1);

  private static FilePreview read(byte[] layer, String path, int limit) throws Exception {
    return new FilePreviewReader(l -> new ByteArrayInputStream(layer)).read(LAYER, path, limit);
  }

  @Test
  void textFileWhole() throws Exception {
    byte[] layer = new Tars().dir("etc").file("etc/os-release", "ID=debian\nNAME=\"Debian\"\n").bytes();
    FilePreview p = read(layer, "/etc/os-release", 1024);
    assertThat(p.isBinary()).isFalse();
    assertThat(p.truncated()).isFalse();
    assertThat(p.text()).isEqualTo("ID=debian\nNAME=\"Debian\"\n");
    assertThat(p.path()).isEqualTo("/etc/os-release");
    assertThat(p.size()).isEqualTo(24);
  }

  @Test
  void headOnlyAndACutCharacterIsDropped() throws Exception {
    byte[] layer = new Tars().file("notes", "aé€b").bytes();
    FilePreview p = read(layer, "notes", 4);
    assertThat(p.truncated()).isTrue();
    assertThat(p.size()).isEqualTo("aé€b".getBytes(StandardCharsets.UTF_8).length);
    assertThat(p.isBinary()).isFalse();
    assertThat(p.text()).isEqualTo("aé");
  }

  @Test
  void nulByteMeansBinary() throws Exception {
    byte[] layer = new Tars().file("bin/tool", new byte[] {0x7f, 'E', 'L', 'F', 0, 1}, 0755).bytes();
    assertThat(read(layer, "/bin/tool", 1024).isBinary()).isTrue();
  }

  @Test
  void latin1TextIsText() throws Exception {
    byte[] latin1 = "caf\u00e9 cr\u00e8me\n".getBytes(StandardCharsets.ISO_8859_1);
    byte[] layer = new Tars().file("menu", latin1, 0644).bytes();
    FilePreview p = read(layer, "/menu", 1024);
    assertThat(p.isBinary()).isFalse();
    assertThat(p.text()).isEqualTo("caf\u00e9 cr\u00e8me\n");
  }

  @Test
  void hardLinkShowsItsTargetsData() throws Exception {
    byte[] layer = new Tars().file("bin/busybox", "BUSYBOX").hardlink("bin/sh", "bin/busybox").bytes();
    assertThat(read(layer, "/bin/sh", 1024).text()).isEqualTo("BUSYBOX");
  }

  @Test
  void symlinkNamesItsTarget() {
    byte[] layer = new Tars().symlink("bin/sh", "busybox").bytes();
    assertThatThrownBy(() -> read(layer, "/bin/sh", 1024))
        .hasMessage("layer 1: /bin/sh: a symlink to busybox; open its target instead");
  }

  @Test
  void missingFile() {
    byte[] layer = new Tars().file("a", "b").bytes();
    assertThatThrownBy(() -> read(layer, "/etc/passwd", 1024))
        .hasMessage(
            "layer 1: /etc/passwd: this layer has no such file (it may come from a lower layer)");
  }

  @Test
  void directoryIsNotAFile() {
    byte[] layer = new Tars().dir("etc").bytes();
    assertThatThrownBy(() -> read(layer, "/etc", 1024)).hasMessage("layer 1: /etc: not a regular file");
  }
}
