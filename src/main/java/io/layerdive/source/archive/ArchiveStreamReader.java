package io.layerdive.source.archive;

import io.layerdive.image.Diagnostic;
import io.layerdive.image.LayerReceiver;
import io.layerdive.source.ArchivePaths;
import io.layerdive.source.CachedLayers;
import io.layerdive.source.Compression;
import io.layerdive.source.CountedInputStream;
import io.layerdive.source.ImageAssembler;
import io.layerdive.source.ImageAssembler.LayerRef;
import io.layerdive.source.ImageReadException;
import io.layerdive.source.LayerCache;
import io.layerdive.source.LayerReadResult;
import io.layerdive.source.LayerTarReader;
import io.layerdive.source.LoadListener;
import io.layerdive.source.LoadedImage;
import io.layerdive.source.TarStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an archive front to back once. Small JSON files are kept; every other file is read as a
 * layer blob while it streams by, keyed by its path, and a blob that fails to read keeps its error
 * until the manifest (last in the stream) says whether it is a layer at all.
 */
final class ArchiveStreamReader {
  private static final int MAX_JSON = 64 * 1024 * 1024;
  private static final int MAX_LINK_HOPS = 40;

  private final String name;
  private final LayerTarReader layerReader = new LayerTarReader();
  private final LayerCache cache;

  /**
   * @param cache where the layers read are recorded; a stream cannot skip a layer, so nothing is
   *     replayed from it
   */
  ArchiveStreamReader(String name, LayerCache cache) {
    this.name = name;
    this.cache = cache;
  }

  /**
   * @param raw the archive as stored; counted for progress against {@code total} (-1 unknown)
   * @param outer how the whole archive is compressed
   */
  <T> LoadedImage<T> read(
      InputStream raw,
      long total,
      Compression outer,
      LayerReceiver<T> receiver,
      LoadListener listener)
      throws ImageReadException {
    int[] blobs = {0};
    CountedInputStream counted =
        new CountedInputStream(raw, 4 << 20, n -> listener.progress(n, total, blobs[0], -1));
    TarStream tar;
    try {
      tar = new TarStream(outer.decompress(counted), name);
    } catch (IOException e) {
      throw new ImageReadException(
          name + ": not " + outer.displayName() + " data (" + e.getMessage() + ")", e);
    }
    Map<String, byte[]> json = new HashMap<>();
    Map<String, String> links = new HashMap<>();
    Map<String, LayerReadResult<T>> results = new HashMap<>();
    Map<String, ImageReadException> failures = new HashMap<>();
    TarStream.Entry entry;
    while ((entry = tar.next()) != null) {
      String path = entry.path();
      json.remove(path);
      links.remove(path);
      results.remove(path);
      failures.remove(path);
      if (entry.kind() == TarStream.Kind.LINK) {
        links.put(path, entry.linkTarget());
        continue;
      }
      if (entry.kind() != TarStream.Kind.FILE) continue;
      Peeked peeked;
      try {
        peeked = Peeked.of(tar.data());
        if (peeked.isJson() && entry.size() <= MAX_JSON) {
          json.put(path, peeked.readAll(tar.data(), entry.size()));
          continue;
        }
      } catch (IOException e) {
        throw tar.error(e);
      }
      try {
        results.put(
            path,
            CachedLayers.readAndRecord(
                layerReader, peeked.stream(tar.data()), name + ": " + path, null, receiver, cache));
        blobs[0]++;
      } catch (ImageReadException e) {
        failures.put(path, e);
      }
    }
    cache.trim();

    listener.progress(counted.count(), total, blobs[0], -1);
    ArchivePlan plan = ArchivePlan.of(name, lookup(json, links, results, failures));
    List<Long> blobSizes = new ArrayList<>();
    for (LayerRef ref : plan.refs()) {
      ImageReadException failure = failures.get(ref.blobKey());
      if (failure != null) throw failure;
      LayerReadResult<T> result = results.get(ref.blobKey());
      if (result == null) {
        throw new ImageReadException(
            name + ": " + ref.blobKey() + " is listed as a layer but is a JSON file");
      }
      blobSizes.add(result.blobBytes());
    }
    listener.layersKnown(
        ImageAssembler.preview(plan.refs(), plan.diffIds(), plan.config(), blobSizes));
    // Name the layers as the file reader does, now that their places are known.
    Map<String, LayerReadResult<T>> named = new HashMap<>();
    for (int i = 0; i < plan.refs().size(); i++) {
      String key = plan.refs().get(i).blobKey();
      if (named.containsKey(key)) continue;
      LayerReadResult<T> r = results.get(key);
      String from = name + ": " + key;
      String to = name + ": layer " + i + " (" + plan.layerPaths().get(i) + ")";
      List<Diagnostic> diagnostics = new ArrayList<>();
      Compression announced = plan.announced().get(i);
      if (announced != null && announced != r.compression()) {
        diagnostics.add(
            new Diagnostic(to, LayerTarReader.announcedMismatch(announced, r.compression())));
      }
      for (Diagnostic d : r.diagnostics()) {
        diagnostics.add(d.subject().equals(from) ? new Diagnostic(to, d.message()) : d);
      }
      named.put(
          key,
          new LayerReadResult<>(
              r.contents(),
              r.diffId(),
              r.blobDigest(),
              r.compression(),
              r.sizeBytes(),
              r.blobBytes(),
              r.tarBytes(),
              r.entryCount(),
              diagnostics));
    }
    return ImageAssembler.assemble(
        name,
        name,
        plan.config(),
        plan.tags(),
        plan.refs(),
        plan.diffIds(),
        named,
        plan.diagnostics());
  }

  private ArchivePlan.Lookup lookup(
      Map<String, byte[]> json,
      Map<String, String> links,
      Map<String, ? extends LayerReadResult<?>> results,
      Map<String, ImageReadException> failures) {
    return new ArchivePlan.Lookup() {
      @Override
      public Optional<String> resolve(String path) throws ImageReadException {
        String current = ArchivePaths.clean(path);
        for (int hop = 0; hop <= MAX_LINK_HOPS; hop++) {
          if (json.containsKey(current)
              || results.containsKey(current)
              || failures.containsKey(current)) {
            return Optional.of(current);
          }
          String next = links.get(current);
          if (next == null) return Optional.empty();
          current = next;
        }
        throw new ImageReadException(name + ": the links at " + path + " loop");
      }

      @Override
      public byte[] read(String key, int max) throws ImageReadException {
        byte[] bytes = json.get(key);
        if (bytes == null) {
          throw new ImageReadException(name + ": " + key + " is not a JSON file");
        }
        return bytes;
      }
    };
  }

  /** The first bytes of an entry, looked at before deciding what it is. */
  private record Peeked(byte[] head, int length) {
    static Peeked of(InputStream data) throws IOException {
      byte[] head = new byte[64];
      int n = data.readNBytes(head, 0, head.length);
      return new Peeked(head, n);
    }

    boolean isJson() {
      for (int i = 0; i < length; i++) {
        byte b = head[i];
        if (b == ' ' || b == '\n' || b == '\r' || b == '\t') continue;
        return b == '{' || b == '[';
      }
      return false;
    }

    byte[] readAll(InputStream data, long size) throws IOException {
      byte[] all = new byte[(int) size];
      System.arraycopy(head, 0, all, 0, length);
      data.readNBytes(all, length, all.length - length);
      return all;
    }

    /** The whole entry again: the peeked bytes, then the rest. */
    InputStream stream(InputStream rest) {
      return new InputStream() {
        private int pos;

        @Override
        public int read() throws IOException {
          byte[] one = new byte[1];
          return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
          if (len == 0) return 0;
          if (pos < length) {
            int n = Math.min(len, length - pos);
            System.arraycopy(head, pos, b, off, n);
            pos += n;
            return n;
          }
          return rest.read(b, off, len);
        }

        @Override
        public int available() throws IOException {
          return (length - pos) + rest.available();
        }
      };
    }
  }
}
