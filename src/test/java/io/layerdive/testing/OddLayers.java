package io.layerdive.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Layer tars with everything a layer can hold: links, whiteouts, opaque directories, duplicate
 * entries, owners and modes, names beyond ASCII, package databases, and entries that make
 * diagnostics.
 */
public final class OddLayers {
  private OddLayers() {}

  /** A base: directories, files, links, a dpkg status and an os-release. */
  public static byte[] base() {
    return new Tar()
        .dir("etc/")
        .file("etc/os-release", "ID=debian\nVERSION_ID=12\n", 0644, 0, 0)
        .dir("var/lib/dpkg/")
        .file(
            "var/lib/dpkg/status",
            "Package: gcc-12\nStatus: install ok installed\nInstalled-Size: 3000\nVersion: 1\n\n",
            0644,
            0,
            0)
        .dir("var/lib/dpkg/info/")
        .file("var/lib/dpkg/info/gcc-12.list", "/.\n/usr\n/usr/bin\n/usr/bin/gcc-12\n", 0644, 0, 0)
        .dir("usr/bin/")
        .file("usr/bin/gcc-12", "g".repeat(7000), 0755, 0, 0)
        .dir("bin/")
        .file("bin/busybox", "x".repeat(5000), 0755, 0, 0)
        .hardlink("bin/ls", "bin/busybox")
        .symlink("bin/sh", "busybox")
        .dir("tmp/", 01777)
        .dir("home/ünïcødé/")
        .file("home/ünïcødé/fichier €.txt", "café", 0600, 1000, 1000)
        .file("home/ünïcødé/\uD83D\uDE00.txt", "smile", 0600, 1000, 1000)
        .dir("app/")
        .file("app/data.bin", "d".repeat(3000), 0644, 0, 0)
        .file("app/cache/a", "aaa", 0644, 0, 0)
        .bytes();
  }

  /** On top: a whiteout, an opaque directory, a duplicate entry, odd entries and a fifo. */
  public static byte[] top() {
    return new Tar()
        .file(".wh.", "", 0644, 0, 0)
        .file("app/.wh.data.bin", "", 0644, 0, 0)
        .dir("app/cache/")
        .file("app/cache/.wh..wh..opq", "", 0644, 0, 0)
        .file("app/cache/b", "bbb", 0644, 0, 0)
        .file("etc/os-release", "ID=debian\nVERSION_ID=13\n", 0644, 0, 0)
        .file("etc/os-release", "ID=debian\nVERSION_ID=14\n", 0600, 0, 0)
        .file("../../etc/escaped", "up", 0644, 0, 0)
        .fifo("run/pipe")
        .file("var/lib/dpkg/status", "Package: tzdata\nStatus: deinstall ok\n\n", 0644, 0, 0)
        .bytes();
  }

  /** Builds one tar. */
  public static final class Tar {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes);

    public Tar() {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      tar.setAddPaxHeadersForNonAsciiNames(true);
    }

    public Tar dir(String path) {
      return dir(path, 0755);
    }

    public Tar dir(String path, int mode) {
      TarArchiveEntry e = new TarArchiveEntry(path);
      e.setMode(040000 | mode);
      return put(e, null);
    }

    public Tar file(String path, String content, int mode, int uid, int gid) {
      byte[] data = content.getBytes(StandardCharsets.UTF_8);
      TarArchiveEntry e = new TarArchiveEntry(path, true);
      e.setSize(data.length);
      e.setMode(0100000 | mode);
      e.setUserId(uid);
      e.setGroupId(gid);
      return put(e, data);
    }

    public Tar symlink(String path, String target) {
      TarArchiveEntry e = new TarArchiveEntry(path, TarConstants.LF_SYMLINK);
      e.setLinkName(target);
      return put(e, null);
    }

    public Tar hardlink(String path, String target) {
      TarArchiveEntry e = new TarArchiveEntry(path, TarConstants.LF_LINK);
      e.setLinkName(target);
      return put(e, null);
    }

    public Tar fifo(String path) {
      return put(new TarArchiveEntry(path, TarConstants.LF_FIFO), null);
    }

    private Tar put(TarArchiveEntry e, byte[] data) {
      try {
        tar.putArchiveEntry(e);
        if (data != null) tar.write(data);
        tar.closeArchiveEntry();
      } catch (IOException x) {
        throw new UncheckedIOException(x);
      }
      return this;
    }

    public byte[] bytes() {
      try {
        tar.close();
      } catch (IOException x) {
        throw new UncheckedIOException(x);
      }
      return bytes.toByteArray();
    }
  }
}
