package io.layerdive.tree;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The frozen files of an image as bytes and back: the path trie and each layer's packed arrays,
 * bulk-copied, names and link targets through tables of the distinct strings. What {@link
 * TreeBuilder#freeze} computed, so that an image opened again need not replay and freeze its
 * layers. Checking the bytes is the caller's business; malformed bytes only throw.
 */
public final class FrozenTrees {
  /**
   * Part of the key frozen files are kept under: raise it whenever {@link TreeBuilder#freeze} would
   * give other files for the same layers, or the encoding changes, so that files frozen by an older
   * build are not used.
   */
  public static final int VERSION = 1;

  private FrozenTrees() {}

  /** The bytes {@link #encode(ImageFiles, WritableByteChannel)} writes, in one array. */
  public static byte[] encode(ImageFiles files) {
    Plan plan = new Plan(files);
    ByteBuffer all = ByteBuffer.allocate((int) plan.size);
    try {
      plan.write(new Sink(all, null));
    } catch (IOException e) {
      throw new UncheckedIOException(e); // no channel, no I/O
    }
    if (all.hasRemaining()) {
      throw new IllegalStateException("size miscounted by " + all.remaining());
    }
    return all.array();
  }

  /**
   * Writes the encoding of {@code files} to {@code out} through a buffer of {@link #CHUNK} bytes,
   * never holding the whole encoding (54 MB for a million files) in memory.
   *
   * @return the number of bytes written
   * @throws IllegalArgumentException before writing anything, when the encoding would be too large
   *     for {@link #decode} to read back
   */
  public static long encode(ImageFiles files, WritableByteChannel out) throws IOException {
    return encode(files, out, CHUNK);
  }

  /** As {@link #encode(ImageFiles, WritableByteChannel)}, through {@code chunk} bytes of buffer. */
  static long encode(ImageFiles files, WritableByteChannel out, int chunk) throws IOException {
    if (chunk < 8) throw new IllegalArgumentException("chunk " + chunk + " < 8");
    Plan plan = new Plan(files);
    Sink sink = new Sink(ByteBuffer.allocate(chunk), out);
    plan.write(sink);
    long written = sink.finish();
    if (written != plan.size) throw new IllegalStateException("size miscounted: " + written);
    return written;
  }

  /** The buffer {@link #encode(ImageFiles, WritableByteChannel)} writes through. */
  public static final int CHUNK = 1 << 20;

  /** What is written beside the arrays, and the encoding's size, computed before writing. */
  private static final class Plan {
    private final PathTrie trie;
    private final Strings names = new Strings();
    private final int[] nameIndex;
    private final Strings links = new Strings();
    private final List<LayerFiles> layers = new ArrayList<>();
    private final int[] positions;
    private final List<int[]> linkIndexes = new ArrayList<>();
    private final long size;

    Plan(ImageFiles files) {
      trie = files.trie();
      int n = trie.size();
      nameIndex = new int[n];
      for (int i = 0; i < n; i++) nameIndex[i] = names.index(trie.names()[i]);
      Map<LayerFiles, Integer> distinct = new IdentityHashMap<>();
      positions = new int[files.layerCount()];
      for (int i = 0; i < positions.length; i++) {
        LayerFiles l = files.layer(i);
        Integer d = distinct.get(l);
        if (d == null) {
          d = layers.size();
          distinct.put(l, d);
          layers.add(l);
        }
        positions[i] = d;
      }
      long size = 4 + 12L * n + 2L * n + names.bytes() + 4 + 4L * positions.length + 4;
      for (LayerFiles l : layers) {
        Object[] p = l.parts();
        String[] link = (String[]) p[7];
        int[] li = new int[link.length];
        for (int i = 0; i < link.length; i++) li[i] = link[i] == null ? -1 : links.index(link[i]);
        linkIndexes.add(li);
        int k = ((int[]) p[0]).length;
        size += 4 + k * (4 + 1 + 8 + 8 + 4 + 4 + 4 + 4 + 4L);
        size += 4 + 4L * ((int[]) p[9]).length + 4 + 4L * ((int[]) p[10]).length + 4;
        for (byte[] c : contents(p).values()) size += 8 + c.length;
      }
      size += links.bytes();
      if (size > Integer.MAX_VALUE - 64) throw new IllegalArgumentException("too large: " + size);
      this.size = size;
    }

    void write(Sink b) throws IOException {
      b.putInt(trie.size());
      b.ints(trie.parents());
      b.ints(trie.ends());
      b.shorts(trie.depths());
      names.write(b);
      b.ints(nameIndex);
      links.write(b);
      b.putInt(positions.length);
      b.ints(positions);
      b.putInt(layers.size());
      for (int d = 0; d < layers.size(); d++) {
        Object[] p = layers.get(d).parts();
        int[] node = (int[]) p[0];
        b.putInt(node.length);
        b.ints(node);
        b.bytes((byte[]) p[1]);
        b.longs((long[]) p[2]);
        b.longs((long[]) p[3]);
        b.ints((int[]) p[4]);
        b.ints((int[]) p[5]);
        b.ints((int[]) p[6]);
        b.ints(linkIndexes.get(d));
        b.ints((int[]) p[8]);
        b.putInt(((int[]) p[9]).length);
        b.ints((int[]) p[9]);
        b.putInt(((int[]) p[10]).length);
        b.ints((int[]) p[10]);
        Map<Integer, byte[]> contents = contents(p);
        b.putInt(contents.size());
        for (Map.Entry<Integer, byte[]> e : contents.entrySet()) {
          b.putInt(e.getKey());
          b.putInt(e.getValue().length);
          b.bytes(e.getValue());
        }
      }
    }
  }

  /**
   * The bytes being decoded: a buffer that is refilled from a channel when it runs short, never
   * reading past the encoding's length; without a channel, the buffer holds all of them.
   */
  private static final class Source {
    private final ByteBuffer buf;
    private final ReadableByteChannel in;
    /** Bytes of the encoding not yet read into the buffer. */
    private long unread;

    Source(ByteBuffer buf, ReadableByteChannel in, long length) {
      this.buf = buf;
      this.in = in;
      this.unread = length - buf.remaining();
    }

    /** Bytes of the encoding not yet decoded. */
    long remaining() {
      return unread + buf.remaining();
    }

    private void check(long bytes) {
      if (bytes > remaining()) throw new IllegalArgumentException("ends early");
    }

    /** Has at least {@code bytes} (at most the buffer's capacity) in the buffer. */
    private void need(int bytes) throws IOException {
      if (buf.remaining() >= bytes) return;
      if (in == null || bytes > remaining()) throw new IllegalArgumentException("ends early");
      buf.compact();
      buf.limit((int) Math.min(buf.capacity(), buf.position() + unread));
      while (buf.position() < bytes) {
        int n = in.read(buf);
        if (n < 0) throw new IllegalArgumentException("ends early");
        unread -= n;
      }
      buf.flip();
    }

    int getInt() throws IOException {
      need(4);
      return buf.getInt();
    }

    int[] ints(int n) throws IOException {
      check(4L * n);
      int[] a = new int[n];
      for (int i = 0; i < n; ) {
        need(4);
        int m = Math.min(n - i, buf.remaining() / 4);
        buf.asIntBuffer().get(a, i, m);
        buf.position(buf.position() + 4 * m);
        i += m;
      }
      return a;
    }

    long[] longs(int n) throws IOException {
      check(8L * n);
      long[] a = new long[n];
      for (int i = 0; i < n; ) {
        need(8);
        int m = Math.min(n - i, buf.remaining() / 8);
        buf.asLongBuffer().get(a, i, m);
        buf.position(buf.position() + 8 * m);
        i += m;
      }
      return a;
    }

    short[] shorts(int n) throws IOException {
      check(2L * n);
      short[] a = new short[n];
      for (int i = 0; i < n; ) {
        need(2);
        int m = Math.min(n - i, buf.remaining() / 2);
        buf.asShortBuffer().get(a, i, m);
        buf.position(buf.position() + 2 * m);
        i += m;
      }
      return a;
    }

    char[] chars(int n) throws IOException {
      check(2L * n);
      char[] a = new char[n];
      for (int i = 0; i < n; ) {
        need(2);
        int m = Math.min(n - i, buf.remaining() / 2);
        buf.asCharBuffer().get(a, i, m);
        buf.position(buf.position() + 2 * m);
        i += m;
      }
      return a;
    }

    byte[] bytes(int n) throws IOException {
      check(n);
      byte[] a = new byte[n];
      for (int i = 0; i < n; ) {
        need(1);
        int m = Math.min(n - i, buf.remaining());
        buf.get(a, i, m);
        i += m;
      }
      return a;
    }
  }

  /**
   * A buffer that hands its bytes to a channel whenever it is full; without a channel, the buffer
   * must hold everything.
   */
  private static final class Sink {
    private final ByteBuffer buf;
    private final WritableByteChannel out;
    private long flushed;

    Sink(ByteBuffer buf, WritableByteChannel out) {
      this.buf = buf;
      this.out = out;
    }

    /** Makes room for at least {@code bytes} more, at most the buffer's capacity. */
    private void room(int bytes) throws IOException {
      if (buf.remaining() >= bytes) return;
      if (out == null) throw new IllegalStateException("size miscounted");
      buf.flip();
      while (buf.hasRemaining()) flushed += out.write(buf);
      buf.clear();
    }

    long finish() throws IOException {
      room(buf.capacity());
      return flushed;
    }

    void putInt(int v) throws IOException {
      room(4);
      buf.putInt(v);
    }

    void putChar(char c) throws IOException {
      room(2);
      buf.putChar(c);
    }

    void ints(int[] a) throws IOException {
      for (int i = 0; i < a.length; ) {
        room(4);
        int m = Math.min(a.length - i, buf.remaining() / 4);
        buf.asIntBuffer().put(a, i, m);
        buf.position(buf.position() + 4 * m);
        i += m;
      }
    }

    void longs(long[] a) throws IOException {
      for (int i = 0; i < a.length; ) {
        room(8);
        int m = Math.min(a.length - i, buf.remaining() / 8);
        buf.asLongBuffer().put(a, i, m);
        buf.position(buf.position() + 8 * m);
        i += m;
      }
    }

    void shorts(short[] a) throws IOException {
      for (int i = 0; i < a.length; ) {
        room(2);
        int m = Math.min(a.length - i, buf.remaining() / 2);
        buf.asShortBuffer().put(a, i, m);
        buf.position(buf.position() + 2 * m);
        i += m;
      }
    }

    void bytes(byte[] a) throws IOException {
      for (int i = 0; i < a.length; ) {
        room(1);
        int m = Math.min(a.length - i, buf.remaining());
        buf.put(a, i, m);
        i += m;
      }
    }
  }

  /**
   * @throws IllegalArgumentException when the bytes are not what {@link #encode} wrote
   */
  public static ImageFiles decode(byte[] bytes) {
    return decode(bytes, 0);
  }

  /** As {@link #decode(byte[])}, for the bytes from {@code offset} on. */
  public static ImageFiles decode(byte[] bytes, int offset) {
    ByteBuffer all = ByteBuffer.wrap(bytes, offset, bytes.length - offset).slice();
    try {
      return decode(new Source(all, null, all.remaining()));
    } catch (IOException e) {
      throw new UncheckedIOException(e); // no channel, no I/O
    }
  }

  /**
   * As {@link #decode(byte[])}, for the next {@code length} bytes of {@code in}, read through a
   * buffer of {@link #CHUNK} bytes: the encoding is never held whole in memory. Reads no further
   * than those bytes.
   *
   * @throws IllegalArgumentException when the bytes are not what {@link #encode} wrote
   */
  public static ImageFiles decode(ReadableByteChannel in, long length) throws IOException {
    return decode(in, length, CHUNK);
  }

  /** As {@link #decode(ReadableByteChannel, long)} through a buffer of {@code chunk} bytes. */
  static ImageFiles decode(ReadableByteChannel in, long length, int chunk) throws IOException {
    if (chunk < 8) throw new IllegalArgumentException("chunk " + chunk + " < 8");
    ByteBuffer buf = ByteBuffer.allocate(chunk);
    buf.limit(0);
    return decode(new Source(buf, in, length));
  }

  private static ImageFiles decode(Source b) throws IOException {
    try {
      int n = count(b, 4);
      int[] parent = b.ints(n);
      int[] end = b.ints(n);
      short[] depth = b.shorts(n);
      String[] nameTable = Strings.read(b);
      String[] name = new String[n];
      for (int i = 0; i < n; i++) name[i] = nameTable[index(b.getInt(), nameTable.length)];
      for (int i = 0; i < n; i++) {
        if (parent[i] < -1 || parent[i] >= i && i > 0 || end[i] < i || end[i] > n) {
          throw new IllegalArgumentException("trie node " + i);
        }
      }
      String[] linkTable = Strings.read(b);
      PathTrie trie = new PathTrie(parent, name, end, depth);
      int[] positions = b.ints(count(b, 4));
      int distinct = count(b, 4);
      LayerFiles[] layers = new LayerFiles[distinct];
      for (int d = 0; d < distinct; d++) {
        int k = count(b, 41);
        int[] node = b.ints(k);
        byte[] type = b.bytes(k);
        long[] size = b.longs(k);
        long[] hash = b.longs(k);
        int[] mode = b.ints(k);
        int[] uid = b.ints(k);
        int[] gid = b.ints(k);
        int[] linkIndex = b.ints(k);
        String[] link = new String[k];
        for (int i = 0; i < k; i++) {
          link[i] = linkIndex[i] < 0 ? null : linkTable[index(linkIndex[i], linkTable.length)];
        }
        int[] target = b.ints(k);
        int[] implicit = b.ints(count(b, 4));
        int[] opaque = b.ints(count(b, 4));
        for (int[] ids : new int[][] {node, implicit, opaque}) {
          for (int id : ids) index(id, n);
        }
        for (int t : target) if (t >= n) throw new IllegalArgumentException("target " + t);
        int c = count(b, 8);
        Map<Integer, byte[]> contents = new HashMap<>();
        for (int i = 0; i < c; i++) {
          int key = index(b.getInt(), n);
          byte[] data = b.bytes(count(b, 1));
          contents.put(key, data);
        }
        layers[d] =
            new LayerFiles(
                node, type, size, hash, mode, uid, gid, link, target, implicit, opaque, trie,
                contents);
      }
      if (b.remaining() > 0) throw new IllegalArgumentException("bytes after the layers");
      List<LayerFiles> out = new ArrayList<>(positions.length);
      for (int p : positions) out.add(layers[index(p, distinct)]);
      return new ImageFiles(trie, out);
    } catch (BufferUnderflowException | IndexOutOfBoundsException | NegativeArraySizeException e) {
      throw new IllegalArgumentException("malformed frozen trees: " + e, e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<Integer, byte[]> contents(Object[] parts) {
    return (Map<Integer, byte[]>) parts[11];
  }

  /** A count read from the bytes, each counted thing taking at least {@code unit} bytes. */
  private static int count(Source b, int unit) throws IOException {
    int n = b.getInt();
    if (n < 0 || (long) n * unit > b.remaining()) throw new IllegalArgumentException("count " + n);
    return n;
  }

  private static int index(int i, int size) {
    if (i < 0 || i >= size) throw new IllegalArgumentException("index " + i + " of " + size);
    return i;
  }

  /** Distinct strings, numbered in the order first met; written as UTF-16 code units. */
  private static final class Strings {
    private final Map<String, Integer> index = new HashMap<>();
    private final List<String> list = new ArrayList<>();
    private long bytes = 4;

    int index(String s) {
      Integer i = index.get(s);
      if (i == null) {
        i = list.size();
        index.put(s, i);
        list.add(s);
        bytes += 4 + 2L * s.length();
      }
      return i;
    }

    long bytes() {
      return bytes;
    }

    void write(Sink b) throws IOException {
      b.putInt(list.size());
      for (String s : list) {
        b.putInt(s.length());
        for (int i = 0; i < s.length(); i++) b.putChar(s.charAt(i));
      }
    }

    static String[] read(Source b) throws IOException {
      String[] out = new String[count(b, 4)];
      for (int i = 0; i < out.length; i++) out[i] = new String(b.chars(count(b, 2)));
      return out;
    }
  }
}
