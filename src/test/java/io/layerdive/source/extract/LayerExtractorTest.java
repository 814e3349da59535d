package io.layerdive.source.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.layerdive.image.Digest;
import io.layerdive.image.Layer;
import io.layerdive.source.ImageReadException;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayerExtractorTest {
  @TempDir Path work;

  private static final Layer LAYER =
      new Layer(3, "x", new Digest("sha256", "d".repeat(64)), Optional.empty(), "", 0, -1);

  private ExtractResult extract(byte[] layerTar, String path, Path target)
      throws ImageReadException {
    return new LayerExtractor(layer -> new ByteArrayInputStream(layerTar))
        .extract(LAYER, path, target);
  }

  private static byte[] nginxLayer() {
    return new Tars()
        .dir("etc")
        .dir("etc/nginx")
        .file("etc/nginx/nginx.conf", "worker_processes 1;\n")
        .dir("etc/nginx/conf.d")
        .file("etc/nginx/conf.d/site.conf", "server {}\n")
        .file("etc/nginx.bak", "not selected")
        .file("etc/hosts", "127.0.0.1 localhost\n")
        .bytes();
  }

  private static String tree(Path root) throws Exception {
    try (Stream<Path> all = Files.walk(root)) {
      return String.join(
          "\n",
          all.filter(p -> !p.equals(root))
              .map(p -> root.relativize(p) + (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? "/" : ""))
              .sorted()
              .toList());
    }
  }

  @Test
  void directoryLandsUnderItsNameAsDockerCpDoes() throws Exception {
    Path target = work.resolve("out");
    ExtractResult result = extract(nginxLayer(), "/etc/nginx", target);
    assertThat(tree(target))
        .isEqualTo("nginx/\nnginx/conf.d/\nnginx/conf.d/site.conf\nnginx/nginx.conf");
    assertThat(Files.readString(target.resolve("nginx/nginx.conf"))).isEqualTo("worker_processes 1;\n");
    assertThat(result.root()).isEqualTo(target.toRealPath().resolve("nginx"));
    assertThat(result.files()).isEqualTo(2);
    assertThat(result.directories()).isEqualTo(2);
    assertThat(result.bytes()).isEqualTo(30);
    assertThat(result.skipped()).isEmpty();
  }

  @Test
  void singleFile() throws Exception {
    Path target = work.resolve("out");
    extract(nginxLayer(), "etc/hosts", target);
    assertThat(tree(target)).isEqualTo("hosts");
  }

  @Test
  void rootWritesTheWholeLayer() throws Exception {
    Path target = work.resolve("out");
    extract(nginxLayer(), "/", target);
    assertThat(tree(target).lines())
        .containsExactly(
            "etc/",
            "etc/hosts",
            "etc/nginx.bak",
            "etc/nginx/",
            "etc/nginx/conf.d/",
            "etc/nginx/conf.d/site.conf",
            "etc/nginx/nginx.conf");
  }

  @Test
  void namesClimbingOutAreNotWritten() throws Exception {
    Path target = work.resolve("a/b/out");
    byte[] layer =
        new Tars()
            .file("../../escaped", "x")
            .file("ok/../../../escaped2", "x")
            .file("fine", "y")
            .bytes();
    ExtractResult result = extract(layer, "/", target);
    assertThat(tree(target)).isEqualTo("fine");
    assertThat(tree(work)).doesNotContain("escaped");
    assertThat(result.skipped())
        .containsExactly(
            "../../escaped: the name climbs above the image root",
            "ok/../../../escaped2: the name climbs above the image root");
  }

  @Test
  void symlinksAreWrittenAndNeverFollowed() throws Exception {
    Path outside = Files.createDirectory(work.resolve("outside"));
    Path target = work.resolve("out");
    byte[] layer =
        new Tars()
            .dir("app")
            .symlink("app/link", outside.toString())
            .file("app/link/pwned", "gotcha")
            .symlink("app/up", "../../../../etc")
            .bytes();
    ExtractResult result = extract(layer, "/app", target);
    assertThat(Files.readSymbolicLink(target.resolve("app/link"))).isEqualTo(outside);
    assertThat(Files.readSymbolicLink(target.resolve("app/up"))).isEqualTo(Path.of("../../../../etc"));
    assertThat(tree(outside)).isEmpty();
    assertThat(result.links()).isEqualTo(2);
    assertThat(result.skipped()).singleElement().asString().startsWith("/app/link/pwned: would be written outside ");
  }

  @Test
  void symlinkAlreadyInTheTargetIsReplacedNotFollowed() throws Exception {
    Path outside = Files.createDirectory(work.resolve("outside"));
    Path target = Files.createDirectory(work.resolve("out"));
    Files.createSymbolicLink(target.resolve("nginx"), outside);
    extract(nginxLayer(), "/etc/nginx", target);
    assertThat(Files.isSymbolicLink(target.resolve("nginx"))).isFalse();
    assertThat(tree(outside)).isEmpty();
    assertThat(target.resolve("nginx/nginx.conf")).exists();
  }

  @Test
  void hardLinksInsideTheSelectionAreLinksOutsideAreSkipped() throws Exception {
    Path target = work.resolve("out");
    byte[] layer =
        new Tars()
            .file("bin/busybox", "BB")
            .hardlink("bin/sh", "bin/busybox")
            .file("other/data", "D")
            .hardlink("bin/data", "other/data")
            .bytes();
    ExtractResult result = extract(layer, "/bin", target);
    assertThat(Files.isSameFile(target.resolve("bin/sh"), target.resolve("bin/busybox"))).isTrue();
    assertThat(result.skipped())
        .containsExactly("/bin/data: hard link to /other/data, which is not in the selection");
  }

  @Test
  void devicesAndWhiteoutsAreNotWritten() throws Exception {
    Path target = work.resolve("out");
    byte[] layer =
        new Tars().dir("dev").device("dev/null").file("dev/.wh.gone", "").file("dev/kept", "k").bytes();
    ExtractResult result = extract(layer, "/dev", target);
    assertThat(tree(target)).isEqualTo("dev/\ndev/kept");
    assertThat(result.skipped()).containsExactly("/dev/null: devices and fifos are not extracted");
  }

  @Test
  void modesAreKeptWithoutSpecialBitsAndDirectoriesStayRemovable() throws Exception {
    Path target = work.resolve("out");
    byte[] layer =
        new Tars()
            .dir("ro", 0555)
            .file("ro/tool", "#!/bin/sh\n".getBytes(), 04755)
            .bytes();
    extract(layer, "/ro", target);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target.resolve("ro/tool"))))
        .isEqualTo("rwxr-xr-x");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target.resolve("ro"))))
        .isEqualTo("rwxr-xr-x");
  }

  @Test
  void duplicateEntriesLeaveTheLastOne() throws Exception {
    Path target = work.resolve("out");
    byte[] layer = new Tars().file("f", "first").file("f", "second").bytes();
    extract(layer, "/f", target);
    assertThat(Files.readString(target.resolve("f"))).isEqualTo("second");
  }

  @Test
  void nothingAtThePathSaysWhere() {
    assertThatThrownBy(() -> extract(nginxLayer(), "/usr/bin", work.resolve("out")))
        .hasMessage(
            "layer 3: /usr/bin: this layer has nothing at this path (it may come from a lower"
                + " layer; select the layer that added it)");
  }

  @Test
  void aLayerThatRemovesThePathSaysSo() {
    byte[] layer = new Tars().dir("etc").file("etc/.wh.nginx", "").bytes();
    assertThatThrownBy(() -> extract(layer, "/etc/nginx", work.resolve("out")))
        .hasMessage("layer 3: /etc/nginx: this layer removes it; select a lower layer to extract it");
  }

  @Test
  void aSelectionAboveTheRootIsRefused() {
    assertThatThrownBy(() -> extract(nginxLayer(), "/../etc", work.resolve("out")))
        .hasMessage("/../etc: not a path in the image");
  }
  @Test
  void nothingLandsOutsideTheTargetWhateverTheLayerSays() throws Exception {
    Path outside = Files.createDirectory(work.resolve("outside"));
    Path target = work.resolve("a/out");
    byte[] layer =
        new Tars()
            .file("/etc/absolute", "stays inside")
            .file("../outside/climbed", "x")
            .symlink("etc/jump", "../../outside")
            .file("etc/jump/through", "x")
            .symlink("abs", outside.toString())
            .file("abs/through", "x")
            .hardlink("etc/hard", "../../outside/secret")
            .file("etc/./dots/../plain", "fine")
            .bytes();
    Files.writeString(outside.resolve("secret"), "secret");
    ExtractResult result = extract(layer, "/", target);
    assertThat(tree(outside)).isEqualTo("secret");
    assertThat(tree(work.resolve("a"))).isEqualTo(
        "out/\nout/abs\nout/etc/\nout/etc/absolute\nout/etc/jump\nout/etc/plain");
    assertThat(Files.readString(target.resolve("etc/absolute"))).isEqualTo("stays inside");
    assertThat(result.skipped()).hasSize(4);
  }

  @Test
  void onlyTheIncludedPathsAreTaken() throws Exception {
    Path target = work.resolve("out");
    ExtractResult result =
        new LayerExtractor(layer -> new ByteArrayInputStream(nginxLayer()))
            .extract(LAYER, "/etc/nginx", target, path -> !path.contains("conf.d"));
    assertThat(tree(target)).isEqualTo("nginx/\nnginx/nginx.conf");
    assertThat(result.files()).isEqualTo(1);
  }

  @Test
  void aFailureHalfWayRemovesWhatWasWritten() throws Exception {
    Path target = Files.createDirectories(work.resolve("out"));
    Files.writeString(target.resolve("kept.txt"), "the user's");
    byte[] whole = nginxLayer();
    // The stream breaks after the first files, as a cancelled export does.
    assertThatThrownBy(
            () ->
                new LayerExtractor(layer -> new BreakingStream(whole, 3072))
                    .extract(LAYER, "/etc", target))
        .isInstanceOf(ImageReadException.class)
        .hasMessageContaining("extracting to");
    assertThat(tree(target)).isEqualTo("kept.txt");
  }

  @Test
  void layersInTurnTheLaterReplacesAndAFailureRemovesAll() throws Exception {
    byte[] lower = new Tars().dir("etc").file("etc/a", "old a").file("etc/b", "b").bytes();
    byte[] upper = new Tars().dir("etc").file("etc/a", "new a").bytes();
    Layer one = new Layer(1, "1", LAYER.diffId(), Optional.empty(), "", 0, -1);
    Layer two = new Layer(2, "2", LAYER.diffId(), Optional.empty(), "", 0, -1);
    Path target = work.resolve("out");
    LayerExtractor stacked =
        new LayerExtractor(l -> new ByteArrayInputStream(l.index() == 1 ? lower : upper));
    ExtractResult result =
        stacked.extract(
            java.util.List.of(
                new LayerExtractor.Piece(one, p -> !p.equals("etc/a")),
                new LayerExtractor.Piece(two, p -> true)),
            "/etc",
            target);
    assertThat(tree(target)).isEqualTo("etc/\netc/a\netc/b");
    assertThat(Files.readString(target.resolve("etc/a"))).isEqualTo("new a");
    assertThat(result.files()).isEqualTo(2);

    Path second = work.resolve("second");
    LayerExtractor breaking =
        new LayerExtractor(
            l ->
                l.index() == 1
                    ? new ByteArrayInputStream(lower)
                    : new BreakingStream(upper, 1024));
    assertThatThrownBy(
            () ->
                breaking.extract(
                    java.util.List.of(
                        new LayerExtractor.Piece(one, p -> true),
                        new LayerExtractor.Piece(two, p -> true)),
                    "/etc",
                    second))
        .hasMessageStartingWith("layer 2: /etc: extracting to ");
    assertThat(tree(second)).isEmpty();
  }

  /** A stream that fails after {@code limit} bytes, as one closed from another thread does. */
  private static final class BreakingStream extends java.io.FilterInputStream {
    private final int limit;
    private int read;

    BreakingStream(byte[] data, int limit) {
      super(new ByteArrayInputStream(data));
      this.limit = limit;
    }

    @Override
    public int read(byte[] b, int off, int len) throws java.io.IOException {
      if (read >= limit) throw new java.io.IOException("Stream closed");
      int n = super.read(b, off, Math.min(len, limit - read));
      if (n > 0) read += n;
      return n;
    }
  }
}
