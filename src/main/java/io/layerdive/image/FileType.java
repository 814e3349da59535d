package io.layerdive.image;

/** The kind of a file entry, with the tar type flag dive reports for it. */
public enum FileType {
  REGULAR('0'),
  HARDLINK('1'),
  SYMLINK('2'),
  CHAR_DEVICE('3'),
  BLOCK_DEVICE('4'),
  DIRECTORY('5'),
  FIFO('6'),
  OTHER('0');

  private final char tarFlag;

  FileType(char tarFlag) {
    this.tarFlag = tarFlag;
  }

  /** The POSIX tar type flag, as Go's tar reader normalises it ({@code \0} becomes {@code '0'}). */
  public char tarFlag() {
    return tarFlag;
  }

  public boolean isLink() {
    return this == HARDLINK || this == SYMLINK;
  }
}
