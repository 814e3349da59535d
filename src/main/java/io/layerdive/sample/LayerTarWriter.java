package io.layerdive.sample;

import io.layerdive.sample.TarRecords.TarRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Writes one sample layer as a layer tar, streaming contents from their seeds. The tar ends with
 * the two zero blocks and no record padding, as Go's {@code archive/tar} (and so docker) writes it.
 */
public final class LayerTarWriter {
  private LayerTarWriter() {}

  /** Writes the uncompressed layer tar to {@code out}, which is left open. */
  public static void write(SampleLayer layer, OutputStream out) throws IOException {
    try (TarArchiveOutputStream tar = newTar(new UnclosableOutputStream(out))) {
      for (TarRecord r : TarRecords.of(layer)) {
        put(tar, r);
      }
      tar.finish();
    }
  }

  /** Writes the layer tar compressed as asked to {@code out}, which is left open. */
  public static void write(SampleLayer layer, Compression compression, OutputStream out)
      throws IOException {
    try (OutputStream compressed = compression.compressTo(out)) {
      write(layer, compressed);
    }
  }

  public static byte[] toBytes(SampleLayer layer) {
    return toBytes(layer, Compression.NONE);
  }

  public static byte[] toBytes(SampleLayer layer, Compression compression) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      write(layer, compression, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** The entry names the layer tar holds, in tar order; directories end with a slash. */
  public static List<String> entryNames(SampleLayer layer) {
    List<String> names = new ArrayList<>();
    for (TarRecord r : TarRecords.of(layer)) {
      names.add(r.entry().kind() == SampleEntry.Kind.DIRECTORY ? r.name() + "/" : r.name());
    }
    return names;
  }

  /** A tar stream with 512-byte records (no padding to 10 KiB) and PAX headers for long names. */
  static TarArchiveOutputStream newTar(OutputStream out) {
    TarArchiveOutputStream tar =
        new TarArchiveOutputStream(
            out, TarConstants.DEFAULT_RCDSIZE, StandardCharsets.UTF_8.name());
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    tar.setAddPaxHeadersForNonAsciiNames(true);
    return tar;
  }

  private static void put(TarArchiveOutputStream tar, TarRecord r) throws IOException {
    SampleEntry e = r.entry();
    TarArchiveEntry t =
        switch (e.kind()) {
          case DIRECTORY -> entry(r.name() + "/", TarConstants.LF_DIR);
          case SYMLINK -> entry(r.name(), TarConstants.LF_SYMLINK);
          case HARDLINK -> entry(r.name(), TarConstants.LF_LINK);
          case FIFO -> entry(r.name(), TarConstants.LF_FIFO);
          case CHAR_DEVICE -> entry(r.name(), TarConstants.LF_CHR);
          case BLOCK_DEVICE -> entry(r.name(), TarConstants.LF_BLK);
          case FILE, WHITEOUT, OPAQUE -> entry(r.name(), TarConstants.LF_NORMAL);
        };
    t.setMode(e.mode());
    t.setIds(e.uid(), e.gid());
    t.setSize(e.size());
    if (e.kind() == SampleEntry.Kind.SYMLINK || e.kind() == SampleEntry.Kind.HARDLINK) {
      t.setLinkName(e.linkTarget());
    }
    tar.putArchiveEntry(t);
    e.writeContent(tar);
    tar.closeArchiveEntry();
  }

  /** An entry with nothing taken from the machine: no user name, no clock. */
  static TarArchiveEntry entry(String name, byte typeFlag) {
    TarArchiveEntry t = new TarArchiveEntry(name, typeFlag, true);
    t.setNames("", "");
    t.setModTime(Timestamps.ENTRY_FILE_TIME);
    return t;
  }
}
