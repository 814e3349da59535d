package io.layerdive.source.registry;

import io.layerdive.image.Digest;
import io.layerdive.image.FileEntry;
import io.layerdive.image.FileType;
import io.layerdive.image.LayerChange;
import io.layerdive.image.LayerReceiver;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * A minimal stand-in for the core layer-tar reader, enough to check what the registry source feeds
 * it: gzip or plain tars, whiteouts decoded, sizes summed, diff id hashed. Content hashes are CRC32
 * (the figures compared here do not depend on them).
 */
final class TestLayerReader implements LayerStreamReader {
  @Override
  public <T> LayerResult<T> read(InputStream blob, LayerReceiver<T> receiver) throws IOException {
    BufferedInputStream in = new BufferedInputStream(blob, 64 * 1024);
    in.mark(2);
    int b0 = in.read();
    int b1 = in.read();
    in.reset();
    InputStream raw = b0 == 0x1f && b1 == 0x8b ? new GZIPInputStream(in, 64 * 1024) : in;
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    DigestInputStream hashed = new DigestInputStream(raw, sha);
    LayerReceiver.Builder<T> builder = receiver.begin();
    long size = 0;
    TarArchiveInputStream tar = new TarArchiveInputStream(hashed);
    byte[] buf = new byte[64 * 1024];
    TarArchiveEntry e;
    while ((e = tar.getNextEntry()) != null) {
      String path = clean(e.getName());
      if (path.isEmpty()) continue;
      int slash = path.lastIndexOf('/');
      String name = path.substring(slash + 1);
      String dir = slash < 0 ? "" : path.substring(0, slash);
      if (name.equals(".wh..wh..opq")) {
        builder.accept(new LayerChange.OpaqueDir(dir));
        continue;
      }
      if (name.startsWith(".wh.")) {
        String target = name.substring(4);
        builder.accept(new LayerChange.Delete(dir.isEmpty() ? target : dir + "/" + target));
        continue;
      }
      CRC32 crc = new CRC32();
      int n;
      while ((n = tar.read(buf)) > 0) crc.update(buf, 0, n);
      FileType type =
          e.isDirectory()
              ? FileType.DIRECTORY
              : e.isSymbolicLink()
                  ? FileType.SYMLINK
                  : e.isLink() ? FileType.HARDLINK : FileType.REGULAR;
      long entrySize = type == FileType.REGULAR ? e.getSize() : 0;
      size += entrySize;
      builder.accept(
          new LayerChange.Put(
              new FileEntry(
                  path,
                  type,
                  entrySize,
                  e.getMode() & 07777,
                  (int) e.getLongUserId(),
                  (int) e.getLongGroupId(),
                  e.getLinkName(),
                  crc.getValue())));
    }
    // Like the real reader: the tar's end blocks and padding belong to the diff id.
    hashed.transferTo(OutputStreamSink.INSTANCE);
    return new LayerResult<>(builder.finish(), Digest.sha256(sha.digest()), size, List.of());
  }

  private static String clean(String name) {
    String p = name;
    while (p.startsWith("./")) p = p.substring(2);
    while (p.startsWith("/")) p = p.substring(1);
    while (p.endsWith("/")) p = p.substring(0, p.length() - 1);
    return p.equals(".") ? "" : p;
  }

  private static final class OutputStreamSink extends java.io.OutputStream {
    static final OutputStreamSink INSTANCE = new OutputStreamSink();

    @Override
    public void write(int b) {}

    @Override
    public void write(byte[] b, int off, int len) {}
  }
}
