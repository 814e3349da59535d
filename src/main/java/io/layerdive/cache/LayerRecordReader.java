package io.layerdive.cache;

import io.layerdive.image.FileEntry;
import io.layerdive.image.FileType;
import io.layerdive.image.LayerChange;
import io.layerdive.image.LayerReceiver;
import io.layerdive.source.LayerCache;
import java.util.ArrayList;
import java.util.List;

/** Replays a layer that {@link LayerRecordWriter} encoded into a receiver's builder. */
final class LayerRecordReader {
  private static final FileType[] TYPES = FileType.values();

  private LayerRecordReader() {}

  /** The facts at the head of a checked payload; leaves {@code in} at the changes. */
  static LayerCache.Facts facts(Cursor in) {
    long sizeBytes = in.varLong();
    long tarBytes = in.varLong();
    int entryCount = in.varInt();
    int n = in.varInt();
    List<String> diagnostics = new ArrayList<>(Math.min(n, 64));
    for (int i = 0; i < n; i++) diagnostics.add(in.string());
    return new LayerCache.Facts(sizeBytes, tarBytes, entryCount, diagnostics);
  }

  /**
   * Sends the changes after the facts to {@code builder}. The payload has been checked, so a
   * malformed change here means a writer of this very format erred.
   */
  static void replay(Cursor in, LayerReceiver.Builder<?> builder) {
    int count = in.varInt();
    String previous = "";
    for (int i = 0; i < count; i++) {
      int tag = in.get();
      int keep = in.varInt();
      if (keep > previous.length()) throw new CorruptEntry("prefix " + keep);
      String path = in.chars(previous, keep);
      previous = path;
      switch (tag) {
        case LayerRecordWriter.PUT -> {
          int type = in.get();
          if (type >= TYPES.length) throw new CorruptEntry("file type " + type);
          long size = in.varLong();
          int mode = in.intValue();
          int uid = in.intValue();
          int gid = in.intValue();
          String link = in.string();
          long hash = in.fixedLong();
          builder.accept(
              new LayerChange.Put(
                  new FileEntry(path, TYPES[type], size, mode, uid, gid, link, hash)));
        }
        case LayerRecordWriter.DELETE -> builder.accept(new LayerChange.Delete(path));
        case LayerRecordWriter.OPAQUE -> builder.accept(new LayerChange.OpaqueDir(path));
        case LayerRecordWriter.CONTENT -> {
          byte[] content = in.bytes(in.varInt());
          if (builder.wantsContent(path, content.length)) builder.content(path, content);
        }
        default -> throw new CorruptEntry("change tag " + tag);
      }
    }
    if (!in.atEnd()) throw new CorruptEntry("data after the changes");
  }
}
