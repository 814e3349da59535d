package io.layerdive.sample;

import io.airlift.compress.zstd.ZstdInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/** Reads tars back in tests, with commons-compress, independent of the writer's own code. */
final class TarContents {
  private TarContents() {}

  /** One entry as a reader sees it. */
  record Item(
      String name,
      boolean directory,
      boolean symlink,
      boolean hardlink,
      long size,
      int mode,
      int uid,
      int gid,
      String linkName,
      String userName,
      long mtimeSeconds,
      byte[] data) {}

  static List<Item> read(byte[] tar) {
    List<Item> items = new ArrayList<>();
    try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
      TarArchiveEntry e;
      while ((e = in.getNextEntry()) != null) {
        items.add(
            new Item(
                e.getName(),
                e.isDirectory(),
                e.isSymbolicLink(),
                e.isLink(),
                e.getSize(),
                e.getMode(),
                (int) e.getLongUserId(),
                (int) e.getLongGroupId(),
                e.getLinkName(),
                e.getUserName(),
                e.getLastModifiedTime().toInstant().getEpochSecond(),
                in.readAllBytes()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return items;
  }

  static List<String> names(byte[] tar) {
    return read(tar).stream().map(Item::name).toList();
  }

  /** Name → content of every entry, in tar order. */
  static Map<String, byte[]> files(byte[] tar) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (Item i : read(tar)) files.put(i.name(), i.data());
    return files;
  }

  /** Undoes gzip or zstd, chosen by magic bytes. */
  static byte[] decompress(byte[] blob) {
    try {
      if (blob.length >= 2 && (blob[0] & 0xff) == 0x1f && (blob[1] & 0xff) == 0x8b) {
        return new GZIPInputStream(new ByteArrayInputStream(blob)).readAllBytes();
      }
      if (blob.length >= 4
          && (blob[0] & 0xff) == 0x28
          && (blob[1] & 0xff) == 0xb5
          && (blob[2] & 0xff) == 0x2f
          && (blob[3] & 0xff) == 0xfd) {
        try (InputStream in = new ZstdInputStream(new ByteArrayInputStream(blob))) {
          return in.readAllBytes();
        }
      }
      return blob;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String sha256(byte[] data) {
    try {
      return "sha256:"
          + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
