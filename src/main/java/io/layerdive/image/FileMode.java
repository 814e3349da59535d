package io.layerdive.image;

/**
 * Unix mode bits and their two renderings: Go's {@code os.FileMode} (what dive compares and
 * exports) and the ten-character {@code drwxr-xr-x} column.
 */
public final class FileMode {
  public static final int SETUID = 04000;
  public static final int SETGID = 02000;
  public static final int STICKY = 01000;

  private static final long GO_DIR = 1L << 31;
  private static final long GO_SYMLINK = 1L << 27;
  private static final long GO_DEVICE = 1L << 26;
  private static final long GO_NAMED_PIPE = 1L << 25;
  private static final long GO_SOCKET = 1L << 24;
  private static final long GO_SETUID = 1L << 23;
  private static final long GO_SETGID = 1L << 22;
  private static final long GO_CHAR_DEVICE = 1L << 21;
  private static final long GO_STICKY = 1L << 20;

  private FileMode() {}

  /**
   * Go's {@code tar.Header.FileInfo().Mode()}: permission and special bits, plus type bits taken
   * from both the mode field's file-type bits and the entry's type flag.
   */
  public static long goFileMode(int unixMode, FileType type) {
    long mode = unixMode & 0777;
    if ((unixMode & SETUID) != 0) mode |= GO_SETUID;
    if ((unixMode & SETGID) != 0) mode |= GO_SETGID;
    if ((unixMode & STICKY) != 0) mode |= GO_STICKY;
    switch (unixMode & 0170000) {
      case 0040000 -> mode |= GO_DIR;
      case 0010000 -> mode |= GO_NAMED_PIPE;
      case 0120000 -> mode |= GO_SYMLINK;
      case 0060000 -> mode |= GO_DEVICE;
      case 0020000 -> mode |= GO_DEVICE | GO_CHAR_DEVICE;
      case 0140000 -> mode |= GO_SOCKET;
      default -> {}
    }
    switch (type) {
      case SYMLINK -> mode |= GO_SYMLINK;
      case CHAR_DEVICE -> mode |= GO_DEVICE | GO_CHAR_DEVICE;
      case BLOCK_DEVICE -> mode |= GO_DEVICE;
      case DIRECTORY -> mode |= GO_DIR;
      case FIFO -> mode |= GO_NAMED_PIPE;
      default -> {}
    }
    return mode;
  }

  /** Nine permission characters with s/S, t/T for the special bits, as dive draws them. */
  public static String permissions(int unixMode) {
    char[] c = new char[9];
    String rwx = "rwxrwxrwx";
    for (int i = 0; i < 9; i++) {
      c[i] = (unixMode & (1 << (8 - i))) != 0 ? rwx.charAt(i) : '-';
    }
    if ((unixMode & SETUID) != 0) c[2] = c[2] == 'x' ? 's' : 'S';
    if ((unixMode & SETGID) != 0) c[5] = c[5] == 'x' ? 's' : 'S';
    if ((unixMode & STICKY) != 0) c[8] = c[8] == 'x' ? 't' : 'T';
    return new String(c);
  }
}
