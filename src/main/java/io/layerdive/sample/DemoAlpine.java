package io.layerdive.sample;

import static io.layerdive.sample.SampleEntry.dir;
import static io.layerdive.sample.SampleEntry.file;
import static io.layerdive.sample.SampleEntry.symlink;

import java.util.ArrayList;
import java.util.List;

/**
 * The operating-system layers of the demo image: an Alpine-like root file system and {@code apk add
 * nodejs npm} with the package index cache it leaves behind. Sizes are Alpine's, scaled down with
 * the rest of the demo.
 */
final class DemoAlpine {
  private static final String[] BIN_APPLETS = {
    "arch",
    "ash",
    "base64",
    "bbconfig",
    "cat",
    "chattr",
    "chgrp",
    "chmod",
    "chown",
    "cp",
    "date",
    "dd",
    "df",
    "dmesg",
    "dnsdomainname",
    "dumpkmap",
    "echo",
    "ed",
    "egrep",
    "false",
    "fatattr",
    "fdflush",
    "fgrep",
    "fsync",
    "getopt",
    "grep",
    "gunzip",
    "gzip",
    "hostname",
    "ionice",
    "iostat",
    "ipcalc",
    "kbd_mode",
    "kill",
    "link",
    "linux32",
    "linux64",
    "ln",
    "login",
    "ls",
    "lsattr",
    "lzop",
    "makemime",
    "mkdir",
    "mknod",
    "mktemp",
    "more",
    "mount",
    "mountpoint",
    "mpstat",
    "mv",
    "netstat",
    "nice",
    "pidof",
    "ping",
    "ping6",
    "pipe_progress",
    "printenv",
    "ps",
    "pwd",
    "reformime",
    "rev",
    "rm",
    "rmdir",
    "run-parts",
    "sed",
    "setpriv",
    "setserial",
    "sh",
    "sleep",
    "stat",
    "stty",
    "su",
    "sync",
    "tar",
    "touch",
    "true",
    "umount",
    "uname",
    "usleep",
    "watch",
    "zcat"
  };
  private static final String[] SBIN_APPLETS = {
    "acpid",
    "adjtimex",
    "arp",
    "blkid",
    "blockdev",
    "depmod",
    "fbsplash",
    "fdisk",
    "findfs",
    "fsck",
    "fstrim",
    "getty",
    "halt",
    "hwclock",
    "ifconfig",
    "ifdown",
    "ifenslave",
    "ifup",
    "init",
    "inotifyd",
    "insmod",
    "ip",
    "ipaddr",
    "iplink",
    "ipneigh",
    "iproute",
    "iprule",
    "iptunnel",
    "klogd",
    "loadkmap",
    "logread",
    "losetup",
    "lsmod",
    "mdev",
    "mkdosfs",
    "mkfs.vfat",
    "mkswap",
    "modinfo",
    "modprobe",
    "nameif",
    "nologin",
    "pivot_root",
    "poweroff",
    "reboot",
    "rmmod",
    "route",
    "setconsole",
    "slattach",
    "swapoff",
    "swapon",
    "switch_root",
    "sysctl",
    "syslogd",
    "tunctl",
    "udhcpc",
    "vconfig",
    "watchdog"
  };
  private static final String[] USR_BIN_APPLETS = {
    "[",
    "[[",
    "awk",
    "basename",
    "bc",
    "beep",
    "blkdiscard",
    "bunzip2",
    "bzcat",
    "bzip2",
    "cal",
    "chvt",
    "cksum",
    "clear",
    "cmp",
    "comm",
    "cpio",
    "crontab",
    "cryptpw",
    "cut",
    "dc",
    "deallocvt",
    "diff",
    "dirname",
    "dos2unix",
    "du",
    "eject",
    "env",
    "expand",
    "expr",
    "factor",
    "fallocate",
    "find",
    "flock",
    "fold",
    "free",
    "fuser",
    "groups",
    "hd",
    "head",
    "hexdump",
    "hostid",
    "iconv",
    "id",
    "install",
    "ipcrm",
    "ipcs",
    "killall",
    "last",
    "less",
    "logger",
    "lsof",
    "lsusb",
    "lzcat",
    "lzma",
    "md5sum",
    "mesg",
    "microcom",
    "mkfifo",
    "mkpasswd",
    "nc",
    "nl",
    "nmeter",
    "nohup",
    "nproc",
    "nsenter",
    "nslookup",
    "od",
    "openvt",
    "paste",
    "pgrep",
    "pkill",
    "pmap",
    "printf",
    "pscan",
    "pstree",
    "pwdx",
    "readlink",
    "realpath",
    "renice",
    "reset",
    "resize",
    "seq",
    "setkeycodes",
    "setsid",
    "sha1sum",
    "sha256sum",
    "sha3sum",
    "sha512sum",
    "showkey",
    "shred",
    "shuf",
    "sort",
    "split",
    "strings",
    "sum",
    "tac",
    "tail",
    "tee",
    "time",
    "timeout",
    "top",
    "tr",
    "traceroute",
    "truncate",
    "tty",
    "ttysize",
    "udhcpc6",
    "unexpand",
    "uniq",
    "unix2dos",
    "unlink",
    "unlzma",
    "unshare",
    "unxz",
    "unzip",
    "uptime",
    "uudecode",
    "uuencode",
    "vi",
    "vlock",
    "volname",
    "wc",
    "wget",
    "which",
    "who",
    "whoami",
    "xargs",
    "xxd",
    "xzcat",
    "yes"
  };
  private static final String[] ETC_FILES = {
    "alpine-release:7",
    "fstab:89",
    "group:697",
    "hostname:10",
    "hosts:79",
    "inittab:570",
    "issue:54",
    "modules:15",
    "motd:283",
    "nsswitch.conf:205",
    "passwd:1172",
    "profile:800",
    "protocols:3164",
    "securetty:38",
    "services:12813",
    "shadow:448",
    "shells:38",
    "sysctl.conf:53",
    "apk/arch:7",
    "apk/protected_paths.d/alpine-base.list:74",
    "apk/repositories:104",
    "apk/world:34",
    "conf.d/syslog:178",
    "crontabs/root:283",
    "logrotate.d/acpid:83",
    "modprobe.d/aliases.conf:2193",
    "modprobe.d/blacklist.conf:898",
    "modprobe.d/i386.conf:122",
    "modprobe.d/kms.conf:91",
    "modules-load.d/.keep:0",
    "network/if-up.d/dad:775",
    "opt/.keep:0",
    "periodic/15min/.keep:0",
    "periodic/daily/.keep:0",
    "periodic/hourly/.keep:0",
    "periodic/monthly/.keep:0",
    "periodic/weekly/.keep:0",
    "profile.d/20locale.sh:61",
    "profile.d/README:295",
    "profile.d/color_prompt.sh.disabled:431",
    "secfixes.d/alpine:141",
    "ssl/cert.pem:226944",
    "ssl/ct_log_list.cnf:412",
    "ssl/ct_log_list.cnf.dist:412",
    "ssl/openssl.cnf:12324",
    "ssl/openssl.cnf.dist:12324",
    "udhcpc/udhcpc.conf:282"
  };
  private static final String[] APK_KEYS = {
    "alpine-devel@lists.alpinelinux.org-4a6a0840.rsa.pub",
    "alpine-devel@lists.alpinelinux.org-5243ef4b.rsa.pub",
    "alpine-devel@lists.alpinelinux.org-5261cecb.rsa.pub",
    "alpine-devel@lists.alpinelinux.org-6165ee59.rsa.pub",
    "alpine-devel@lists.alpinelinux.org-61666e3f.rsa.pub",
    "alpine-devel@lists.alpinelinux.org-616a9724.rsa.pub",
    "alpine-devel@lists.alpinelinux.org-616abc23.rsa.pub",
    "alpine-devel@lists.alpinelinux.org-616ac3bc.rsa.pub",
    "alpine-devel@lists.alpinelinux.org-616adfeb.rsa.pub",
    "alpine-devel@lists.alpinelinux.org-616ae350.rsa.pub",
    "alpine-devel@lists.alpinelinux.org-616db30d.rsa.pub"
  };
  private static final String[] LIBS = {
    "lib/ld-musl-x86_64.so.1:658232",
    "lib/libapk.so.2.14.0:227464",
    "lib/libcrypto.so.3:1313616",
    "lib/libssl.so.3:609712",
    "lib/libz.so.1.3.1:100312",
    "usr/lib/engines-3/afalg.so:14296",
    "usr/lib/engines-3/capi.so:14296",
    "usr/lib/engines-3/loader_attic.so:38936",
    "usr/lib/engines-3/padlock.so:14296",
    "usr/lib/ossl-modules/legacy.so:92024",
    "usr/share/udhcpc/default.script:3088",
    "usr/lib/os-release:174",
    "lib/apk/db/installed:19745",
    "lib/apk/db/scripts.tar:11264",
    "lib/apk/db/triggers:35",
    "lib/apk/db/lock:0",
    "lib/apk/exec/.keep:0",
    "lib/firmware/.keep:0",
    "lib/mdev/.keep:0",
    "lib/modules-load.d/.keep:0",
    "lib/sysctl.d/00-alpine.conf:1278",
    "sbin/apk:72432",
    "sbin/ldconfig:393",
    "sbin/mkmntdirs:14056",
    "usr/bin/getconf:35248",
    "usr/bin/getent:51096",
    "usr/bin/iconv:22576",
    "usr/bin/ldd:53",
    "usr/bin/scanelf:80728",
    "usr/bin/ssl_client:14328",
    "usr/sbin/update-ca-certificates:39400",
    "usr/share/man/.keep:0",
    "usr/share/misc/.keep:0",
    "usr/local/bin/.keep:0",
    "usr/local/lib/.keep:0",
    "usr/local/share/.keep:0",
    "var/lib/udhcpd/.keep:0"
  };
  private static final String[] EMPTY_DIRS = {
    "dev",
    "home",
    "media/cdrom",
    "media/floppy",
    "media/usb",
    "mnt",
    "opt",
    "proc",
    "root",
    "run",
    "srv",
    "sys",
    "tmp",
    "usr/local/sbin",
    "var/cache/apk",
    "var/cache/misc",
    "var/empty",
    "var/lib/misc",
    "var/local",
    "var/log",
    "var/mail",
    "var/opt",
    "var/spool/mail",
    "var/tmp"
  };

  private DemoAlpine() {}

  /** {@code ADD alpine-minirootfs.tar.gz /}: some 500 entries, about 4.9 MB. */
  static SampleLayer base() {
    List<SampleEntry> entries = new ArrayList<>();
    entries.add(file("bin/busybox", 808_712, Seeds.of("busybox")).executable());
    for (String applet : BIN_APPLETS) entries.add(symlink("bin/" + applet, "/bin/busybox"));
    for (String applet : SBIN_APPLETS) entries.add(symlink("sbin/" + applet, "/bin/busybox"));
    for (String applet : USR_BIN_APPLETS) entries.add(symlink("usr/bin/" + applet, "/bin/busybox"));
    for (String spec : ETC_FILES) entries.add(sized("etc/", spec, 0644));
    for (String key : APK_KEYS) {
      entries.add(file("etc/apk/keys/" + key, 451, Seeds.of(key)));
      entries.add(file("usr/share/apk/keys/" + key, 451, Seeds.of(key)));
    }
    for (String spec : LIBS) {
      boolean executable =
          spec.startsWith("sbin/") || spec.contains("bin/") || spec.contains(".so");
      entries.add(sized("", spec, executable ? 0755 : 0644));
    }
    entries.add(symlink("lib/libc.musl-x86_64.so.1", "ld-musl-x86_64.so.1"));
    entries.add(symlink("lib/libz.so.1", "libz.so.1.3.1"));
    entries.add(symlink("usr/lib/libcrypto.so.3", "../../lib/libcrypto.so.3"));
    entries.add(symlink("usr/lib/libssl.so.3", "../../lib/libssl.so.3"));
    entries.add(symlink("etc/os-release", "../usr/lib/os-release"));
    entries.add(symlink("etc/mtab", "../proc/mounts"));
    entries.add(symlink("var/lock", "../run/lock"));
    entries.add(symlink("var/run", "../run"));
    entries.add(symlink("var/spool/cron/crontabs", "../../../etc/crontabs"));
    for (String d : EMPTY_DIRS) {
      SampleEntry entry = dir(d);
      if (d.equals("root")) entry = entry.withMode(0700);
      if (d.equals("tmp") || d.equals("var/tmp")) entry = entry.withMode(01777);
      entries.add(entry);
    }
    return SampleLayer.add(
        "file:9a1d2c5f0e6b7a8c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6a7b8c9d0e in / ", entries);
  }

  /**
   * {@code apk update && apk add nodejs npm}: node, its libraries, npm's own modules, the package
   * index cache in {@code /var/cache/apk} that {@code --no-cache} would have avoided, and a larger
   * {@code /lib/apk/db/installed} replacing the base layer's.
   */
  static SampleLayer nodeAndNpm() {
    List<SampleEntry> entries = new ArrayList<>();
    entries.add(file("usr/bin/node", 2_618_792, Seeds.of("node-binary")).executable());
    entries.add(symlink("usr/bin/npm", "../lib/node_modules/npm/bin/npm-cli.js"));
    entries.add(symlink("usr/bin/npx", "../lib/node_modules/npm/bin/npx-cli.js"));
    String[] libs = {
      "usr/lib/libstdc++.so.6.0.32:802_112",
      "usr/lib/libgcc_s.so.1:92_320",
      "usr/lib/libicudata.so.74.1:486_432",
      "usr/lib/libicui18n.so.74.1:303_928",
      "usr/lib/libicuuc.so.74.1:201_136",
      "usr/lib/libuv.so.1.0.0:166_392",
      "usr/lib/libcares.so.2.7.1:137_736",
      "usr/lib/libnghttp2.so.14.25.1:166_264",
      "usr/lib/libada.so.2.7.4:96_792",
      "usr/lib/libsimdutf.so.14.0.0:118_184",
      "usr/lib/libbrotlicommon.so.1.1.0:137_080",
      "usr/lib/libbrotlidec.so.1.1.0:51_592",
      "usr/lib/libbrotlienc.so.1.1.0:281_592",
      "usr/share/doc/nodejs/README.md:39_113",
      "usr/share/doc/npm/README.md:6_392",
    };
    for (String spec : libs) {
      entries.add(sized("", spec.replace("_", ""), spec.contains(".so") ? 0755 : 0644));
    }
    entries.add(symlink("usr/lib/libstdc++.so.6", "libstdc++.so.6.0.32"));
    entries.add(symlink("usr/lib/libicudata.so.74", "libicudata.so.74.1"));
    entries.add(symlink("usr/lib/libicui18n.so.74", "libicui18n.so.74.1"));
    entries.add(symlink("usr/lib/libicuuc.so.74", "libicuuc.so.74.1"));
    entries.add(symlink("usr/lib/libuv.so.1", "libuv.so.1.0.0"));
    entries.addAll(DemoNpm.npmItself());
    entries.add(file("var/cache/apk/APKINDEX.5e2f6e48.tar.gz", 618_114, Seeds.of("apkindex-main")));
    entries.add(
        file("var/cache/apk/APKINDEX.7c1f02b9.tar.gz", 781_522, Seeds.of("apkindex-community")));
    entries.add(file("lib/apk/db/installed", 61_207, Seeds.of("apk-installed-2")));
    entries.add(file("lib/apk/db/scripts.tar", 13_312, Seeds.of("apk-scripts-2")));
    entries.add(
        file(
            "etc/apk/world",
            "alpine-baselayout\nalpine-keys\napk-tools\nbusybox\n"
                + "ca-certificates-bundle\nlibc-utils\nnodejs\nnpm\n"));
    return SampleLayer.run("apk update && apk add nodejs npm", entries);
  }

  /** {@code dir}{@code name:size} → a generated file. */
  private static SampleEntry sized(String dir, String spec, int mode) {
    int colon = spec.lastIndexOf(':');
    String path = dir + spec.substring(0, colon);
    long size = Long.parseLong(spec.substring(colon + 1));
    return file(path, size, Seeds.of(path)).withMode(mode);
  }
}
