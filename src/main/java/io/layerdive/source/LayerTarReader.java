package io.layerdive.source;

import io.layerdive.hash.Xxh64;
import io.layerdive.image.Diagnostic;
import io.layerdive.image.Digest;
import io.layerdive.image.FileEntry;
import io.layerdive.image.FileType;
import io.layerdive.image.LayerChange;
import io.layerdive.image.LayerReceiver;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipException;

/**
 * Reads one layer blob as it streams by and sends its changes to a {@link LayerReceiver.Builder}:
 * compression sniffed from the magic bytes, the diff_id and blob digest computed on the way, each
 * entry's data hashed with XXH64 and then forgotten. Nothing is written to disk.
 *
 * <p>Entry names are cleaned so that nothing leaves the image root; {@code .wh.NAME} becomes a
 * {@link LayerChange.Delete}, {@code DIR/.wh..wh..opq} a {@link LayerChange.OpaqueDir} (with an
 * empty path for the root). Duplicate entries are passed on in order. An instance holds no state of
 * a read and may be shared between threads.
 */
public final class LayerTarReader {
  private static final String DECODER_PACKAGE = "io.airlift.compress";

  /** Large enough that the hashing loops, not the calls, dominate. */
  static final int BUFFER_SIZE = 256 * 1024;

  private static final int MAX_DIAGNOSTICS = 50;
  private static final String WHITEOUT = ".wh.";
  private static final String OPAQUE = ".wh..wh..opq";
  private static final String AUFS_META = ".wh..wh.";

  private final boolean pipelined;

  /** A reader that hashes the uncompressed stream on a helper thread. */
  public LayerTarReader() {
    this(true);
  }

  /**
   * @param pipelined whether the uncompressed stream's SHA-256 runs on a helper thread (worth it
   *     whenever a core is free; the result is the same)
   */
  public LayerTarReader(boolean pipelined) {
    this.pipelined = pipelined;
  }

  /**
   * Reads a layer blob to its end.
   *
   * @param blob the blob as stored; read to its end but not closed
   * @param subject names the layer in messages, e.g. {@code app.tar: layer 3 (abc/layer.tar)}
   * @param announced the compression a manifest announces, or null when nothing was announced; a
   *     blob that lacks the announced compression and is not a tar either is an error
   * @throws ImageReadException when the blob is truncated, corrupt or not a layer tar
   */
  public <T> LayerReadResult<T> read(
      InputStream blob, String subject, Compression announced, LayerReceiver.Builder<T> builder)
      throws ImageReadException {
    List<Diagnostic> diagnostics = new ArrayList<>();
    BlobInputStream raw;
    try {
      raw = new BlobInputStream(blob);
    } catch (IOException e) {
      throw new ImageReadException(subject + ": cannot read the layer (" + e.getMessage() + ")", e);
    }
    Compression compression = raw.compression();
    if (announced != null && announced != compression) {
      if (compression == Compression.NONE && !looksLikeTar(raw)) {
        throw new ImageReadException(
            subject
                + ": the manifest announces a "
                + announced.displayName()
                + " layer but the blob is not "
                + announced.displayName()
                + " (it starts with "
                + hex(raw.head())
                + "); the image is damaged: export or pull it again");
      }
      diagnostics.add(new Diagnostic(subject, announcedMismatch(announced, compression)));
    }
    Entries entries = new Entries(subject, diagnostics, builder);
    Digests digests = new Digests(raw, compression, pipelined);
    try {
      TarReader tar =
          new TarReader(
              compression.decompress(raw), BUFFER_SIZE, digests.tarSink(), entries::diagnose);
      entries.readAll(tar);
      tar.drain();
      raw.drain();
    } catch (IOException | RuntimeException e) {
      digests.abandon();
      throw failure(subject, compression, raw, e);
    }
    T contents = builder.finish();
    entries.finishDiagnostics();
    Digest blobDigest = digests.blobDigest();
    return new LayerReadResult<>(
        contents,
        digests.diffId(blobDigest),
        blobDigest,
        compression,
        entries.sizeBytes,
        raw.count(),
        digests.tarBytes(),
        entries.count,
        diagnostics);
  }

  /** Says what went wrong in words for users; unexpected runtime failures pass unchanged. */
  private static ImageReadException failure(
      String subject, Compression compression, BlobInputStream raw, Exception e) {
    if (e instanceof EOFException) {
      return new ImageReadException(
          subject
              + ": the layer is truncated ("
              + message(e, "the stream ends early")
              + "); the file is incomplete: copy or export it again",
          e);
    }
    if (e instanceof TarFormatException) {
      String what =
          compression == Compression.NONE
              ? "neither a tar nor gzip or zstd compressed (it starts with " + hex(raw.head()) + ")"
              : "not a valid tar inside the " + compression.displayName() + " stream";
      return new ImageReadException(
          subject
              + ": the layer is "
              + (e.getMessage().startsWith("not a tar") ? what : "corrupt: " + e.getMessage())
              + "; the image is damaged: export or pull it again",
          e);
    }
    if (e instanceof ZipException) {
      return new ImageReadException(
          subject
              + ": the gzip stream is corrupt ("
              + e.getMessage()
              + "); the image is damaged: export or pull it again",
          e);
    }
    if (isDecoderFailure(e)) {
      return new ImageReadException(
          subject
              + ": the zstd stream is corrupt ("
              + message(e, e.getClass().getSimpleName())
              + "); the image is damaged: export or pull it again",
          e);
    }
    if (e instanceof RuntimeException r) throw r;
    return new ImageReadException(
        subject + ": cannot read the layer (" + message(e, e.getClass().getSimpleName()) + ")", e);
  }

  /**
   * The two digests of a layer. Uncompressed, the blob is the tar: one SHA-256 serves as blob
   * digest and diff_id. Compressed, the tar bytes the decompressor yields get their own. The larger
   * one, the tar's, runs on a helper thread when pipelined.
   */
  private static final class Digests {
    private final BlobInputStream raw;
    private final Sha256Pipe tarPipe;
    private final MessageDigest tarInline;
    private long tarBytes;

    Digests(BlobInputStream raw, Compression compression, boolean pipelined) {
      this.raw = raw;
      boolean plain = compression == Compression.NONE;
      raw.startHashing(pipelined && plain);
      tarPipe = !plain && pipelined ? new Sha256Pipe() : null;
      tarInline = !plain && !pipelined ? BlobInputStream.newSha256() : null;
    }

    /** What sees the decompressed bytes; null when the blob is the tar. */
    TarReader.Chunks tarSink() {
      if (tarPipe == null && tarInline == null) return null;
      return (b, off, len) -> {
        if (tarPipe != null) tarPipe.update(b, off, len);
        else tarInline.update(b, off, len);
        tarBytes += len;
      };
    }

    /** Call once: digests are final. */
    Digest blobDigest() {
      return Digest.sha256(raw.digest());
    }

    /** Call once, after {@link #blobDigest()}, which an uncompressed blob shares. */
    Digest diffId(Digest blobDigest) {
      if (tarPipe != null) return Digest.sha256(tarPipe.digest());
      if (tarInline != null) return Digest.sha256(tarInline.digest());
      return blobDigest;
    }

    long tarBytes() {
      return tarPipe == null && tarInline == null ? raw.count() : tarBytes;
    }

    void abandon() {
      raw.abandon();
      if (tarPipe != null) tarPipe.abandon();
    }
  }

  /** The oddity of a blob stored otherwise than its manifest announces. */
  public static String announcedMismatch(Compression announced, Compression actual) {
    return "the manifest announces "
        + announced.displayName()
        + " but the blob is "
        + actual.displayName()
        + "; read as "
        + actual.displayName();
  }

  /**
   * aircompressor reports corrupt zstd data with its own unchecked exceptions, or with a plain
   * IOException thrown from its own code; a read error of the file below comes from elsewhere.
   */
  private static boolean isDecoderFailure(Exception e) {
    if (e.getClass().getName().startsWith(DECODER_PACKAGE)) return true;
    StackTraceElement[] trace = e.getStackTrace();
    return e instanceof IOException
        && trace.length > 0
        && trace[0].getClassName().startsWith(DECODER_PACKAGE);
  }

  private static String message(Exception e, String fallback) {
    return e.getMessage() == null ? fallback : e.getMessage();
  }

  /** A blob whose first bytes could start a tar: the rest is checked while reading. */
  private static boolean looksLikeTar(BlobInputStream raw) {
    // A tar begins with a printable name or, when empty, with zero blocks.
    byte[] head = raw.head();
    if (head.length == 0) return true;
    int c = head[0] & 0xff;
    return c == 0 || (c >= 0x20 && c < 0x7f) || c >= 0xc2;
  }

  static String hex(byte[] bytes) {
    StringBuilder sb = new StringBuilder();
    for (byte b : bytes) {
      if (sb.length() > 0) sb.append(' ');
      sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
    }
    return sb.length() == 0 ? "nothing: it is empty" : sb.toString();
  }

  /** Turns tar entries into layer changes; one per layer read. */
  private static final class Entries {
    private final String subject;
    private final List<Diagnostic> diagnostics;
    private final LayerReceiver.Builder<?> builder;
    private final Xxh64 xxh = new Xxh64();
    private final TarReader.Chunks hashSink = xxh::update;
    private long sizeBytes;
    private int count;
    private int suppressed;

    Entries(String subject, List<Diagnostic> diagnostics, LayerReceiver.Builder<?> builder) {
      this.subject = subject;
      this.diagnostics = diagnostics;
      this.builder = builder;
    }

    void readAll(TarReader tar) throws IOException {
      TarHeader h;
      while ((h = tar.next()) != null) {
        count++;
        sizeBytes += h.size();
        EntryNames.Cleaned cleaned = EntryNames.clean(h.name());
        String path = cleaned.path();
        if (cleaned.climbed()) {
          diagnose("entry '" + h.name() + "' climbs above the image root; read as '/" + path + "'");
        }
        if (path.isEmpty()) continue;
        int slash = path.lastIndexOf('/');
        if (path.startsWith(WHITEOUT, slash + 1)) {
          String parent = slash < 0 ? "" : path.substring(0, slash);
          whiteout(h, parent, path.substring(slash + 1));
          continue;
        }
        FileType type = typeOf(h.typeflag());
        long hash = 0;
        java.io.ByteArrayOutputStream kept = null;
        if (type != FileType.DIRECTORY) {
          xxh.reset();
          if (type == FileType.REGULAR && builder.wantsContent(path, h.size())) {
            // One of the few small files the analysis reads (package databases): keep it.
            java.io.ByteArrayOutputStream buffer =
                new java.io.ByteArrayOutputStream((int) h.size());
            tar.readContents(
                (b, off, len) -> {
                  xxh.update(b, off, len);
                  buffer.write(b, off, len);
                });
            kept = buffer;
          } else {
            tar.readContents(hashSink);
          }
          hash = xxh.digest();
        }
        builder.accept(
            new LayerChange.Put(
                new FileEntry(
                    path, type, h.size(), h.mode(), h.uid(), h.gid(), h.linkName(), hash)));
        if (kept != null) builder.content(path, kept.toByteArray());
      }
    }

    private void whiteout(TarHeader h, String parent, String base) {
      if (base.equals(OPAQUE)) {
        builder.accept(new LayerChange.OpaqueDir(parent));
      } else if (base.startsWith(AUFS_META)) {
        diagnose("aufs metadata entry '" + h.name() + "' ignored");
      } else if (base.length() == WHITEOUT.length()) {
        diagnose("whiteout '" + h.name() + "' names no file; ignored");
      } else {
        String target = base.substring(WHITEOUT.length());
        builder.accept(new LayerChange.Delete(parent.isEmpty() ? target : parent + "/" + target));
      }
    }

    void diagnose(String message) {
      if (diagnostics.size() < MAX_DIAGNOSTICS) {
        diagnostics.add(new Diagnostic(subject, message));
      } else {
        suppressed++;
      }
    }

    void finishDiagnostics() {
      if (suppressed > 0) {
        diagnostics.add(new Diagnostic(subject, suppressed + " more oddities not listed"));
      }
    }
  }

  /** Maps a normalised tar type flag to a file type; sparse and contiguous files are regular. */
  static FileType typeOf(byte flag) {
    return switch (flag) {
      case '0', '7', 'S' -> FileType.REGULAR;
      case '1' -> FileType.HARDLINK;
      case '2' -> FileType.SYMLINK;
      case '3' -> FileType.CHAR_DEVICE;
      case '4' -> FileType.BLOCK_DEVICE;
      case '5' -> FileType.DIRECTORY;
      case '6' -> FileType.FIFO;
      default -> FileType.OTHER;
    };
  }
}
