package io.layerdive.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airlift.compress.zstd.ZstdOutputStream;
import io.layerdive.hash.Xxh64;
import io.layerdive.image.Diagnostic;
import io.layerdive.image.Digest;
import io.layerdive.image.FileEntry;
import io.layerdive.image.FileType;
import io.layerdive.image.LayerChange;
import io.layerdive.image.LayerChange.Delete;
import io.layerdive.image.LayerChange.OpaqueDir;
import io.layerdive.image.LayerChange.Put;
import io.layerdive.testing.CollectingReceiver;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;

class LayerTarReaderTest {
  private static final String HELLO = "hello, layer\n";

  private static LayerReadResult<List<LayerChange>> read(byte[] blob) throws ImageReadException {
    return read(blob, null);
  }

  private static LayerReadResult<List<LayerChange>> read(byte[] blob, Compression announced)
      throws ImageReadException {
    return new LayerTarReader()
        .read(
            new ByteArrayInputStream(blob),
            "layer.tar",
            announced,
            new CollectingReceiver().begin());
  }

  private static Digest sha256(byte[] bytes) throws Exception {
    return Digest.sha256(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private static long xxh(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    return Xxh64.hash(b, 0, b.length);
  }

  /** A small layer written by an independent writer: a dir, a file, a symlink, a hardlink. */
  private static byte[] ordinaryLayer() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
      TarArchiveEntry dir = new TarArchiveEntry("etc/");
      dir.setMode(040755);
      tar.putArchiveEntry(dir);
      tar.closeArchiveEntry();
      byte[] data = HELLO.getBytes(StandardCharsets.UTF_8);
      TarArchiveEntry file = new TarArchiveEntry("etc/hello.txt");
      file.setSize(data.length);
      file.setMode(0100640);
      file.setIds(1000, 50);
      tar.putArchiveEntry(file);
      tar.write(data);
      tar.closeArchiveEntry();
      TarArchiveEntry link = new TarArchiveEntry("etc/link", TarConstants.LF_SYMLINK);
      link.setLinkName("hello.txt");
      tar.putArchiveEntry(link);
      tar.closeArchiveEntry();
      TarArchiveEntry hard = new TarArchiveEntry("etc/hard", TarConstants.LF_LINK);
      hard.setLinkName("etc/hello.txt");
      tar.putArchiveEntry(hard);
      tar.closeArchiveEntry();
    }
    return bytes.toByteArray();
  }

  @Test
  void turnsEntriesIntoPutsWithContentHashesAndComputesTheDiffId() throws Exception {
    byte[] blob = ordinaryLayer();
    LayerReadResult<List<LayerChange>> result = read(blob);

    assertThat(result.contents())
        .containsExactly(
            new Put(new FileEntry("etc", FileType.DIRECTORY, 0, 040755, 0, 0, "", 0)),
            new Put(
                new FileEntry(
                    "etc/hello.txt",
                    FileType.REGULAR,
                    HELLO.length(),
                    0100640,
                    1000,
                    50,
                    "",
                    xxh(HELLO))),
            new Put(
                new FileEntry(
                    "etc/link", FileType.SYMLINK, 0, 0100644, 0, 0, "hello.txt", Xxh64.EMPTY)),
            new Put(
                new FileEntry(
                    "etc/hard",
                    FileType.HARDLINK,
                    0,
                    0100644,
                    0,
                    0,
                    "etc/hello.txt",
                    Xxh64.EMPTY)));
    assertThat(result.diffId()).isEqualTo(sha256(blob));
    assertThat(result.blobDigest()).isEqualTo(result.diffId());
    assertThat(result.compression()).isEqualTo(Compression.NONE);
    assertThat(result.sizeBytes()).isEqualTo(HELLO.length());
    assertThat(result.blobBytes()).isEqualTo(blob.length);
    assertThat(result.tarBytes()).isEqualTo(blob.length);
    assertThat(result.entryCount()).isEqualTo(4);
    assertThat(result.diagnostics()).isEmpty();
  }

  @Test
  void hashingOnAHelperThreadOrInlineGivesTheSameDigests() throws Exception {
    byte[] big = new RawTar().file("big", "z".repeat(3 * 1024 * 1024)).end().bytes();
    for (byte[] blob : List.of(big, gzip(big), ordinaryLayer())) {
      LayerReadResult<List<LayerChange>> pipelined =
          new LayerTarReader(true)
              .read(new ByteArrayInputStream(blob), "l", null, new CollectingReceiver().begin());
      LayerReadResult<List<LayerChange>> inline =
          new LayerTarReader(false)
              .read(new ByteArrayInputStream(blob), "l", null, new CollectingReceiver().begin());
      assertThat(pipelined).isEqualTo(inline);
    }
    assertThat(
            new LayerTarReader(false)
                .read(new ByteArrayInputStream(big), "l", null, new CollectingReceiver().begin())
                .diffId())
        .isEqualTo(sha256(big));
  }

  @Test
  void sniffsGzipAndZstdByMagicBytes() throws Exception {
    byte[] tar = ordinaryLayer();
    LayerReadResult<List<LayerChange>> plain = read(tar);
    byte[] gz = gzip(tar);
    byte[] zst = zstd(tar);

    LayerReadResult<List<LayerChange>> fromGzip = read(gz);
    LayerReadResult<List<LayerChange>> fromZstd = read(zst, Compression.ZSTD);

    assertThat(fromGzip.compression()).isEqualTo(Compression.GZIP);
    assertThat(fromZstd.compression()).isEqualTo(Compression.ZSTD);
    for (LayerReadResult<List<LayerChange>> r : List.of(fromGzip, fromZstd)) {
      assertThat(r.contents()).isEqualTo(plain.contents());
      assertThat(r.diffId()).isEqualTo(plain.diffId());
      assertThat(r.tarBytes()).isEqualTo(tar.length);
      assertThat(r.diagnostics()).isEmpty();
    }
    assertThat(fromGzip.blobDigest()).isEqualTo(sha256(gz));
    assertThat(fromGzip.blobBytes()).isEqualTo(gz.length);
    assertThat(fromZstd.blobDigest()).isEqualTo(sha256(zst));
  }

  @Test
  void multiMemberGzipIsReadToTheLastMember() throws Exception {
    byte[] tar = ordinaryLayer();
    int cut = 1024;
    byte[] gz =
        concat(
            gzip(Arrays.copyOfRange(tar, 0, cut)), gzip(Arrays.copyOfRange(tar, cut, tar.length)));

    LayerReadResult<List<LayerChange>> result = read(gz);

    assertThat(result.diffId()).isEqualTo(sha256(tar));
    assertThat(result.contents()).hasSize(4);
  }

  @Test
  void multiFrameZstdIsReadToTheLastFrame() throws Exception {
    byte[] tar = ordinaryLayer();
    int cut = 1024;
    byte[] zst =
        concat(
            zstd(Arrays.copyOfRange(tar, 0, cut)), zstd(Arrays.copyOfRange(tar, cut, tar.length)));

    LayerReadResult<List<LayerChange>> result = read(zst);

    assertThat(result.diffId()).isEqualTo(sha256(tar));
    assertThat(result.contents()).hasSize(4);
  }

  @Test
  void whatFollowsTheEndOfArchiveCountsForTheDiffIdButIsNotRead() throws Exception {
    // eStargz keeps its table of contents as a tar entry after the end-of-archive blocks.
    byte[] tail = new RawTar().file("stargz.index.json", "{}").end().bytes();
    byte[] blob = concat(new RawTar().file("README.md", HELLO).end().bytes(), tail);

    LayerReadResult<List<LayerChange>> result = read(gzip(blob));

    assertThat(result.contents()).extracting(LayerChange::path).containsExactly("README.md");
    assertThat(result.diffId()).isEqualTo(sha256(blob));
    assertThat(result.tarBytes()).isEqualTo(blob.length);
  }

  @Test
  void whiteoutsBecomeDeletesAndOpaqueMarkers() throws Exception {
    byte[] blob =
        new RawTar()
            .header(".wh.gone", '0', 0, 0)
            .header("var/lib/.wh.apt", '0', 0, 0)
            .header("usr/share/.wh..wh..opq", '0', 0, 0)
            .header(".wh..wh..opq", '0', 0, 0)
            .header("mnt/.wh..wh.plnk", '5', 0, 0700)
            .header("tmp/.wh.", '0', 0, 0)
            .end()
            .bytes();

    LayerReadResult<List<LayerChange>> result = read(blob);

    assertThat(result.contents())
        .containsExactly(
            new Delete("gone"),
            new Delete("var/lib/apt"),
            new OpaqueDir("usr/share"),
            new OpaqueDir(""));
    assertThat(result.diagnostics())
        .extracting(Diagnostic::message)
        .containsExactly(
            "aufs metadata entry 'mnt/.wh..wh.plnk' ignored",
            "whiteout 'tmp/.wh.' names no file; ignored");
  }

  @Test
  void namesAreCleanedAndNeverLeaveTheRoot() throws Exception {
    byte[] blob =
        new RawTar()
            .dir("./")
            .dir("/")
            .dir(".")
            .file("./a", "1")
            .file("/b", "2")
            .file("c/../d", "3")
            .file("../../etc/passwd", "4")
            .file("f//g/./h", "5")
            .file("x/../../y", "6")
            .end()
            .bytes();

    LayerReadResult<List<LayerChange>> result = read(blob);

    assertThat(result.contents())
        .extracting(LayerChange::path)
        .containsExactly("a", "b", "d", "etc/passwd", "f/g/h", "y");
    assertThat(result.diagnostics())
        .extracting(Diagnostic::toString)
        .containsExactly(
            "layer.tar: entry '../../etc/passwd' climbs above the image root; read as"
                + " '/etc/passwd'",
            "layer.tar: entry 'x/../../y' climbs above the image root; read as '/y'");
    assertThat(result.entryCount()).isEqualTo(9);
  }

  @Test
  void nulTypeFlagIsAFileOrADirectoryByTheTrailingSlash() throws Exception {
    byte[] blob =
        new RawTar()
            .header("old-dir/", '\0', 0, 0755)
            .header("old-file", '\0', 3, 0644)
            .data("abc".getBytes(StandardCharsets.US_ASCII))
            .end()
            .bytes();

    List<LayerChange> changes = read(blob).contents();

    assertThat(changes)
        .containsExactly(
            new Put(new FileEntry("old-dir", FileType.DIRECTORY, 0, 0755, 0, 0, "", 0)),
            new Put(new FileEntry("old-file", FileType.REGULAR, 3, 0644, 0, 0, "", xxh("abc"))));
  }

  @Test
  void longNamesFromPaxAndGnuHeaders() throws Exception {
    String deep = "dir/".repeat(40) + "file-with-a-long-name.txt";
    String latin = "caf\u00e9/".repeat(30) + "\u00fcber.txt";
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes, "UTF-8")) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (String name : List.of(deep, latin)) {
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(1);
        tar.putArchiveEntry(e);
        tar.write('x');
        tar.closeArchiveEntry();
      }
    }
    byte[] gnu =
        new RawTar()
            .gnuLong('L', "gnu/" + deep)
            .gnuLong('K', "target/" + deep)
            .header(
                "gnu/trunc".getBytes(StandardCharsets.US_ASCII),
                '2',
                0,
                0777,
                "trunc".getBytes(StandardCharsets.US_ASCII),
                true)
            .end()
            .bytes();

    assertThat(read(bytes.toByteArray()).contents())
        .extracting(LayerChange::path)
        .containsExactly(deep, latin);
    Put link = (Put) read(gnu).contents().get(0);
    assertThat(link.entry().path()).isEqualTo("gnu/" + deep);
    assertThat(link.entry().linkTarget()).isEqualTo("target/" + deep);
  }

  @Test
  void namesThatAreNotUtf8KeepTheirBadBytesEscaped() throws Exception {
    byte[] latin1 = {'c', 'a', 'f', (byte) 0xe9};
    byte[] utf8 = "caf\u00e9".getBytes(StandardCharsets.UTF_8);
    byte[] truncated = {'x', (byte) 0xe2, (byte) 0x82};
    byte[] blob =
        new RawTar()
            .header(latin1, '0', 0, 0644, null, false)
            .header(utf8, '0', 0, 0644, null, false)
            .header(truncated, '0', 0, 0644, null, false)
            .pax('x', "path=pax-\u00e9")
            .header("ignored", '0', 0, 0644)
            .end()
            .bytes();

    assertThat(read(blob).contents())
        .extracting(LayerChange::path)
        .containsExactly("caf\\xe9", "caf\u00e9", "x\\xe2\\x82", "pax-\u00e9");
  }

  @Test
  void duplicateEntriesArePassedOnInOrder() throws Exception {
    byte[] blob = new RawTar().file("a", "first").file("a", "second").end().bytes();

    List<LayerChange> changes = read(blob).contents();

    assertThat(changes).hasSize(2);
    assertThat(((Put) changes.get(1)).entry().contentHash()).isEqualTo(xxh("second"));
  }

  @Test
  void unknownPaxHeadersAreDiagnosedOnceKnownOnesQuietly() throws Exception {
    byte[] blob =
        new RawTar()
            .pax('g', "comment=made by git")
            .pax('x', "SCHILY.xattr.security.capability=x", "mtime=1.5", "VENDOR.thing=1")
            .file("a", "1")
            .pax('x', "VENDOR.thing=2")
            .file("b", "2")
            .end()
            .bytes();

    LayerReadResult<List<LayerChange>> result = read(blob);

    assertThat(result.contents()).extracting(LayerChange::path).containsExactly("a", "b");
    assertThat(result.diagnostics())
        .extracting(Diagnostic::message)
        .containsExactly("unknown PAX header 'VENDOR.thing' ignored");
  }

  @Test
  void paxOverridesSizeAndIds() throws Exception {
    byte[] blob =
        new RawTar()
            .pax('x', "size=5", "uid=70000", "gid=80000")
            .header("big", '0', 0, 0644)
            .data("12345".getBytes(StandardCharsets.US_ASCII))
            .end()
            .bytes();

    FileEntry e = ((Put) read(blob).contents().get(0)).entry();

    assertThat(e.size()).isEqualTo(5);
    assertThat(e.uid()).isEqualTo(70000);
    assertThat(e.gid()).isEqualTo(80000);
    assertThat(e.contentHash()).isEqualTo(xxh("12345"));
  }

  @Test
  void sparseFilesAreHashedExpandedAsGoReadsThem() throws Exception {
    // 10 bytes: "ab" at 0, hole, "cd" at 6, hole to the end; stored as "abcd".
    byte[] expanded = {'a', 'b', 0, 0, 0, 0, 'c', 'd', 0, 0};
    long want = Xxh64.hash(expanded, 0, expanded.length);
    byte[] stored = "abcd".getBytes(StandardCharsets.US_ASCII);

    byte[] pax01 =
        new RawTar()
            .pax(
                'x',
                "GNU.sparse.major=0",
                "GNU.sparse.minor=1",
                "GNU.sparse.map=0,2,6,2",
                "GNU.sparse.size=10",
                "GNU.sparse.name=sparse01")
            .header("GNUSparseFile.0/sparse01", '0', stored.length, 0644)
            .data(stored)
            .end()
            .bytes();
    byte[] map = new byte[512];
    byte[] text = "2\n0\n2\n6\n2\n".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(text, 0, map, 0, text.length);
    byte[] pax10 =
        new RawTar()
            .pax(
                'x',
                "GNU.sparse.major=1",
                "GNU.sparse.minor=0",
                "GNU.sparse.realsize=10",
                "GNU.sparse.name=sparse10")
            .header("GNUSparseFile.0/sparse10", '0', 512 + stored.length, 0644)
            .data(concat(map, stored))
            .file("after", "x")
            .end()
            .bytes();
    byte[] oldGnu = oldGnuSparse(stored);

    for (byte[] blob : List.of(pax01, pax10, oldGnu)) {
      LayerReadResult<List<LayerChange>> result = read(blob);
      FileEntry e = ((Put) result.contents().get(0)).entry();
      assertThat(e.path()).startsWith("sparse");
      assertThat(e.size()).isEqualTo(10);
      assertThat(e.type()).isEqualTo(FileType.REGULAR);
      assertThat(e.contentHash()).isEqualTo(want);
      assertThat(result.sizeBytes()).isEqualTo(10 + (blob == pax10 ? 1 : 0));
    }
    assertThat(read(pax10).contents()).extracting(LayerChange::path).endsWith("after");
  }

  /** An old GNU sparse entry ('S') with its map in the header. */
  private static byte[] oldGnuSparse(byte[] stored) {
    byte[] h = new byte[512];
    byte[] name = "sparse-old".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(name, 0, h, 0, name.length);
    RawTar.octal(h, 100, 8, 0644);
    RawTar.octal(h, 108, 8, 0);
    RawTar.octal(h, 116, 8, 0);
    RawTar.octal(h, 124, 12, stored.length);
    RawTar.octal(h, 136, 12, 0);
    h[156] = 'S';
    System.arraycopy("ustar  \0".getBytes(StandardCharsets.US_ASCII), 0, h, 257, 8);
    RawTar.octal(h, 386, 12, 0);
    RawTar.octal(h, 398, 12, 2);
    RawTar.octal(h, 410, 12, 6);
    RawTar.octal(h, 422, 12, 2);
    RawTar.octal(h, 483, 12, 10);
    RawTar.checksum(h);
    return new RawTar().raw(h).data(stored).end().bytes();
  }

  @Test
  void base256NumbersAreRead() throws Exception {
    byte[] blob = new RawTar().header("big-uid", '0', 0, 0644).end().bytes();
    // uid field in base-256: 0x80 marker then 2^32 in the low bytes
    byte[] uid = {(byte) 0x80, 0, 0, 0, 0, 0, 0, 0};
    uid[3] = 1; // 1 << 32 does not fit an int: clamped
    System.arraycopy(uid, 0, blob, 108, 8);
    byte[] header = Arrays.copyOf(blob, 512);
    RawTar.checksum(header);
    System.arraycopy(header, 0, blob, 0, 512);

    FileEntry e = ((Put) read(blob).contents().get(0)).entry();

    assertThat(e.uid()).isEqualTo(Integer.MAX_VALUE);
  }

  @Test
  void aStreamThatStopsBetweenEntriesEndsTheLayerAsGoAccepts() throws Exception {
    byte[] blob = new RawTar().file("a", "1").bytes();

    assertThat(read(blob).contents()).hasSize(1);
  }

  @Test
  void truncatedDataIsAnErrorNamingTheLayerAndTheEntry() throws Exception {
    byte[] blob = new RawTar().file("big.bin", "x".repeat(3000)).end().bytes();
    byte[] cut = Arrays.copyOf(blob, 512 + 1000);

    assertThatThrownBy(() -> read(cut))
        .isInstanceOf(ImageReadException.class)
        .hasMessageStartingWith("layer.tar: the layer is truncated")
        .hasMessageContaining("'big.bin'")
        .hasMessageContaining("2000 bytes missing");
    assertThatThrownBy(() -> read(Arrays.copyOf(gzip(blob), 100)))
        .isInstanceOf(ImageReadException.class)
        .hasMessageStartingWith("layer.tar: the layer is truncated");
    assertThatThrownBy(() -> read(Arrays.copyOf(blob, 300)))
        .hasMessageStartingWith(
            "layer.tar: the layer is truncated (the stream ends inside the"
                + " tar header at offset 0)");
  }

  @Test
  void garbageIsNotALayer() throws Exception {
    byte[] garbage =
        "this is not a tar archive at all, just some words "
            .repeat(20)
            .getBytes(StandardCharsets.US_ASCII);
    byte[] binary = new byte[2048];
    Arrays.fill(binary, (byte) 0x07);

    assertThatThrownBy(() -> read(garbage))
        .hasMessage(
            "layer.tar: the layer is neither a tar nor gzip or zstd compressed (it starts"
                + " with 74 68 69 73); the image is damaged: export or pull it again");
    assertThatThrownBy(() -> read(binary, Compression.GZIP))
        .hasMessage(
            "layer.tar: the manifest announces a gzip layer but the blob is not gzip (it"
                + " starts with 07 07 07 07); the image is damaged: export or pull it again");
    assertThatThrownBy(() -> read(binary, Compression.ZSTD))
        .hasMessageStartingWith(
            "layer.tar: the manifest announces a zstd layer but the blob is" + " not zstd");
    assertThatThrownBy(() -> read(gzip(garbage)))
        .hasMessageStartingWith("layer.tar: the layer is not a valid tar inside the gzip stream");
  }

  @Test
  void corruptCompressedDataIsAnError() throws Exception {
    byte[] gz = gzip(ordinaryLayer());
    for (int i = 20; i < gz.length - 20; i++) gz[i] ^= 0x55;
    byte[] zst = zstd(ordinaryLayer());
    for (int i = 12; i < zst.length - 4; i++) zst[i] ^= 0x55;

    assertThatThrownBy(() -> read(gz))
        .isInstanceOf(ImageReadException.class)
        .hasMessageStartingWith("layer.tar: ");
    assertThatThrownBy(() -> read(zst))
        .isInstanceOf(ImageReadException.class)
        .hasMessageStartingWith("layer.tar: the zstd stream is corrupt (")
        .hasMessageEndingWith("); the image is damaged: export or pull it again");
  }

  @Test
  void announcedPlainButCompressedIsReadWithADiagnostic() throws Exception {
    LayerReadResult<List<LayerChange>> result = read(gzip(ordinaryLayer()), Compression.NONE);

    assertThat(result.contents()).hasSize(4);
    assertThat(result.diagnostics())
        .extracting(Diagnostic::message)
        .containsExactly("the manifest announces uncompressed but the blob is gzip; read as gzip");
  }

  @Test
  void emptyLayersAreLayersToo() throws Exception {
    LayerReadResult<List<LayerChange>> zeros = read(new byte[1024]);
    LayerReadResult<List<LayerChange>> nothing = read(new byte[0]);

    assertThat(zeros.contents()).isEmpty();
    assertThat(zeros.sizeBytes()).isZero();
    assertThat(nothing.contents()).isEmpty();
    assertThat(nothing.diffId())
        .hasToString("sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  }

  static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    }
    return out.toByteArray();
  }

  static byte[] zstd(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream z = new ZstdOutputStream(out)) {
      z.write(data);
    }
    return out.toByteArray();
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] c = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }

  @Test
  void aHeaderWhoseChecksumWasSummedAsSignedBytesIsRead() throws Exception {
    byte[] name = "caf\u00e9".getBytes(StandardCharsets.UTF_8);
    byte[] blob = new RawTar().header(name, '0', 0, 0644, null, false).end().bytes();
    for (int i = 148; i < 156; i++) blob[i] = ' ';
    long signed = 0;
    for (int i = 0; i < 512; i++) signed += blob[i];
    RawTar.octal(blob, 148, 7, signed);

    FileEntry e = ((Put) read(blob).contents().get(0)).entry();

    assertThat(e.path()).isEqualTo("caf\u00e9");
  }

  @Test
  void aHeaderWithAWrongChecksumIsRefused() {
    byte[] blob = new RawTar().file("a", "1").file("b", "2").end().bytes();
    blob[1024] = 'c'; // the second header's name, after its checksum was written

    assertThatThrownBy(() -> read(blob))
        .isInstanceOf(ImageReadException.class)
        .hasMessageContaining("corrupt tar header at offset 1024 (checksum mismatch)");
  }

  @Test
  void aZeroBlockFollowedByAHeaderIsRefused() {
    byte[] blob = new RawTar().file("a", "1").raw(new byte[512]).file("b", "2").end().bytes();

    assertThatThrownBy(() -> read(blob))
        .isInstanceOf(ImageReadException.class)
        .hasMessageContaining("a zero block at offset 1024 is followed by more data");
  }

  @Test
  void aStreamMayEndAfterAGlobalPaxHeaderButNotAfterAnEntrysOwn() throws Exception {
    byte[] global = new RawTar().file("a", "1").pax('g', "comment=x").bytes();
    byte[] own = new RawTar().file("a", "1").pax('x', "path=b").bytes();

    assertThat(read(global).contents()).hasSize(1);
    assertThatThrownBy(() -> read(own))
        .isInstanceOf(ImageReadException.class)
        .hasMessageContaining("the stream ends inside the tar header");
  }

  @Test
  void octalFieldsMayBePaddedWithSpacesAndNulsAndAreCutAtANul() throws Exception {
    String[] sizes = {"0000005\0", "     5 ", "\0\0005 \0 ", "5\0garbag", "00000000005"};
    for (String field : sizes) {
      byte[] blob = new RawTar().header("f", '0', 5, 0644).data("hello".getBytes()).end().bytes();
      byte[] ascii = field.getBytes(StandardCharsets.ISO_8859_1);
      Arrays.fill(blob, 124, 136, (byte) 0);
      System.arraycopy(ascii, 0, blob, 124, ascii.length);
      rechecksum(blob);

      FileEntry e = ((Put) read(blob).contents().get(0)).entry();

      assertThat(e.size()).as(field).isEqualTo(5);
    }
  }

  @Test
  void anOctalFieldWithOtherCharactersIsRefused() {
    for (String field : new String[] {"00000 5", "0000008", "5 \0 1", "12x"}) {
      byte[] blob = new RawTar().header("f", '0', 0, 0644).end().bytes();
      byte[] ascii = field.getBytes(StandardCharsets.ISO_8859_1);
      Arrays.fill(blob, 100, 108, (byte) 0);
      System.arraycopy(ascii, 0, blob, 100, ascii.length);
      rechecksum(blob);

      assertThatThrownBy(() -> read(blob))
          .as(field)
          .hasMessageContaining("the mode field of the header at offset 0 is not a number");
    }
  }

  /** Writes the checksum of the first header again, after a test changed it. */
  private static void rechecksum(byte[] blob) {
    byte[] header = Arrays.copyOf(blob, 512);
    RawTar.checksum(header);
    System.arraycopy(header, 0, blob, 0, 512);
  }
}
