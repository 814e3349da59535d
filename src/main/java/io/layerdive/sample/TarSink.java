package io.layerdive.sample;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.attribute.FileTime;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/** Writes archive items as the entries of one tar stream; layers stream straight through. */
final class TarSink implements ArchiveSink {
  private final TarArchiveOutputStream tar;
  private final FileTime mtime;

  TarSink(OutputStream out, FileTime mtime) {
    this.tar = LayerTarWriter.newTar(new UnclosableOutputStream(out));
    this.mtime = mtime;
  }

  @Override
  public void put(ArchiveItem item) throws IOException {
    if (item instanceof ArchiveItem.Directory d) {
      tar.putArchiveEntry(entry(d.name() + "/", TarConstants.LF_DIR, 0755));
    } else if (item instanceof ArchiveItem.Document d) {
      TarArchiveEntry e = entry(d.name(), TarConstants.LF_NORMAL, d.mode());
      e.setSize(d.data().length);
      tar.putArchiveEntry(e);
      tar.write(d.data());
    } else if (item instanceof ArchiveItem.Layer l) {
      TarArchiveEntry e = entry(l.name(), TarConstants.LF_NORMAL, l.mode());
      e.setSize(l.blob().blobSize());
      tar.putArchiveEntry(e);
      l.blob().writeTo(tar);
    } else if (item instanceof ArchiveItem.Symlink s) {
      TarArchiveEntry e = entry(s.name(), TarConstants.LF_SYMLINK, 0777);
      e.setLinkName(s.target());
      tar.putArchiveEntry(e);
    }
    tar.closeArchiveEntry();
  }

  @Override
  public void close() throws IOException {
    tar.finish();
    tar.close();
  }

  private TarArchiveEntry entry(String name, byte type, int mode) {
    TarArchiveEntry e = LayerTarWriter.entry(name, type);
    e.setMode(mode);
    e.setModTime(mtime);
    return e;
  }
}
