package io.layerdive.tree;

/**
 * The few small files whose contents the analysis reads: package databases that say which
 * package installed which file, and the OS release. Everything else is hashed and dropped.
 */
public final class PackageDatabasePaths {
  public static final String DPKG_STATUS = "var/lib/dpkg/status";
  public static final String DPKG_INFO_DIR = "var/lib/dpkg/info/";
  public static final String APK_INSTALLED = "lib/apk/db/installed";
  public static final String OS_RELEASE = "etc/os-release";
  public static final String USR_OS_RELEASE = "usr/lib/os-release";

  private static final long MAX_DATABASE_BYTES = 32L << 20;
  private static final long MAX_LIST_BYTES = 4L << 20;

  private PackageDatabasePaths() {}

  public static boolean wanted(String path, long size) {
    if (path.equals(DPKG_STATUS) || path.equals(APK_INSTALLED)) return size <= MAX_DATABASE_BYTES;
    if (path.equals(OS_RELEASE) || path.equals(USR_OS_RELEASE)) return size <= 64 << 10;
    return path.startsWith(DPKG_INFO_DIR)
        && path.endsWith(".list")
        && path.indexOf('/', DPKG_INFO_DIR.length()) < 0
        && size <= MAX_LIST_BYTES;
  }
}
