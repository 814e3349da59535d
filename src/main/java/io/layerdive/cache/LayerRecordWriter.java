package io.layerdive.cache;

import io.layerdive.image.Digest;
import io.layerdive.image.FileEntry;
import io.layerdive.image.LayerChange;
import io.layerdive.image.LayerReceiver;
import io.layerdive.source.LayerCache;
import java.nio.ByteBuffer;
import java.util.function.BiConsumer;

/**
 * Passes a layer's changes on to the receiver's builder and encodes them as they go by, in the
 * order received, for {@link LayerRecordReader} to replay. Paths share their prefix with the
 * previous one.
 */
final class LayerRecordWriter<T> implements LayerCache.Recorder<T> {
  static final int PUT = 1;
  static final int DELETE = 2;
  static final int OPAQUE = 3;
  static final int CONTENT = 4;

  private final LayerReceiver.Builder<T> target;
  private final BiConsumer<Digest, ByteBuffer[]> sink;
  private final Bytes changes = new Bytes(64 * 1024);
  private String previous = "";
  private int count;

  /**
   * @param sink receives the diff_id and the file's parts (header, facts, changes) on {@link
   *     #store}
   */
  LayerRecordWriter(LayerReceiver.Builder<T> target, BiConsumer<Digest, ByteBuffer[]> sink) {
    this.target = target;
    this.sink = sink;
  }

  @Override
  public void accept(LayerChange change) {
    target.accept(change);
    count++;
    if (change instanceof LayerChange.Put put) {
      FileEntry e = put.entry();
      changes.put(PUT);
      path(e.path());
      changes.put(e.type().ordinal());
      changes.putVarLong(e.size());
      changes.putVarLong(e.mode());
      changes.putVarLong(e.uid());
      changes.putVarLong(e.gid());
      changes.putString(e.linkTarget());
      changes.putLong(e.contentHash());
    } else if (change instanceof LayerChange.Delete delete) {
      changes.put(DELETE);
      path(delete.path());
    } else {
      changes.put(OPAQUE);
      path(change.path());
    }
  }

  @Override
  public boolean wantsContent(String path, long size) {
    return target.wantsContent(path, size);
  }

  @Override
  public void content(String path, byte[] content) {
    target.content(path, content);
    count++;
    changes.put(CONTENT);
    path(path);
    changes.putVarLong(content.length);
    changes.putBytes(content, 0, content.length);
  }

  @Override
  public T finish() {
    return target.finish();
  }

  private void path(String path) {
    int keep = commonPrefix(previous, path);
    changes.putVarLong(keep);
    changes.putChars(path, keep);
    previous = path;
  }

  private static int commonPrefix(String a, String b) {
    int n = Math.min(a.length(), b.length());
    int i = 0;
    while (i < n && a.charAt(i) == b.charAt(i)) i++;
    return i;
  }

  @Override
  public void store(Digest diffId, LayerCache.Facts facts) {
    Bytes head = new Bytes(256);
    head.putVarLong(facts.sizeBytes());
    head.putVarLong(facts.tarBytes());
    head.putVarLong(facts.entryCount());
    head.putVarLong(facts.diagnostics().size());
    for (String d : facts.diagnostics()) head.putString(d);
    head.putVarLong(count);
    byte[] header = CacheFile.header(CacheFile.LAYER, diffId.toString(), head, changes);
    sink.accept(
        diffId,
        new ByteBuffer[] {
          ByteBuffer.wrap(header),
          ByteBuffer.wrap(head.array(), 0, head.length()),
          ByteBuffer.wrap(changes.array(), 0, changes.length())
        });
  }
}
