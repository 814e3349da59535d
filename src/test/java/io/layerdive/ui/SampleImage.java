package io.layerdive.ui;

import static io.layerdive.testing.AnalyzedImages.step;
import static io.layerdive.testing.Layers.dir;
import static io.layerdive.testing.Layers.file;
import static io.layerdive.testing.Layers.symlink;
import static io.layerdive.testing.Layers.whiteout;

import io.layerdive.image.FileEntry;
import io.layerdive.image.FileType;
import io.layerdive.image.LayerChange;
import io.layerdive.testing.AnalyzedImages;
import java.util.List;

/**
 * A small image shaped like dive's test image: a busybox-like base with hard links, then layers
 * that add, copy, chmod, move and delete files, so that every change kind and dive's waste appear.
 */
final class SampleImage {
  private SampleImage() {}

  static AnalyzedImage analyzed() {
    return AnalyzedImages.of(
        "sample:latest",
        List.of("sample:latest", "sample:1.0"),
        step(
            "#(nop) ADD file:ce026b62356eec3ad1214f92be2c9dc063fe205bd5e600be3492c4dfb17148bd in /"
                + " ",
            dir("bin"),
            file("bin/busybox", 1_075_464, 11, 0755),
            hardlink("bin/cat", "bin/busybox"),
            hardlink("bin/ls", "bin/busybox"),
            dir("etc"),
            file("etc/group", 307, 12, 0664),
            file("etc/passwd", 340, 13, 0644),
            entry("etc/shadow", FileType.REGULAR, 243, 0600, 0, 42, "", 14),
            entry("home", FileType.DIRECTORY, 0, 0755, 65534, 65534, "", 0),
            dir("root", 0700),
            dir("tmp", 01777),
            dir("usr"),
            entry("usr/sbin", FileType.DIRECTORY, 0, 0755, 1, 1, "", 0),
            symlink("usr/bin/env", "/bin/busybox"),
            file("usr/share/日本語.txt", 2_000, 15, 0644),
            file("usr/share/bad\u001b[2Jname", 10, 16, 0644)),
        step("#(nop) ADD file:139c3708 in /somefile.txt ", file("somefile.txt", 6405, 21, 0664)),
        step(
            "/bin/sh -c mkdir -p /root/example/really/nested",
            dir("root", 0700),
            dir("root/example"),
            dir("root/example/really"),
            dir("root/example/really/nested")),
        step(
            "/bin/sh -c cp /somefile.txt /root/example/somefile1.txt",
            dir("root", 0700),
            dir("root/example"),
            file("root/example/somefile1.txt", 6405, 21, 0644)),
        step(
            "/bin/sh -c chmod 444 /root/example/somefile1.txt",
            dir("root", 0700),
            dir("root/example"),
            file("root/example/somefile1.txt", 6405, 21, 0444)),
        step(
            "/bin/sh -c mv /root/example/somefile1.txt /root/saved.txt",
            dir("root", 0700),
            dir("root/example"),
            whiteout("root/example/somefile1.txt"),
            file("root/saved.txt", 6405, 21, 0444)),
        step("/bin/sh -c rm -rf /root/example/", dir("root", 0700), whiteout("root/example")),
        step(
            "/bin/sh -c chmod +x /root/saved.txt\n    && echo done",
            dir("root", 0700),
            file("root/saved.txt", 6405, 21, 0555)));
  }

  static LayerChange hardlink(String path, String target) {
    return entry(path, FileType.HARDLINK, 0, 0755, 0, 0, target, 0);
  }

  static LayerChange entry(
      String path, FileType type, long size, int mode, int uid, int gid, String link, long hash) {
    return new LayerChange.Put(new FileEntry(path, type, size, mode, uid, gid, link, hash));
  }
}
