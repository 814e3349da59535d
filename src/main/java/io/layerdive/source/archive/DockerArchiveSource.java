package io.layerdive.source.archive;

import io.layerdive.image.LayerReceiver;
import io.layerdive.source.ArchiveEntry;
import io.layerdive.source.ArchiveFiles;
import io.layerdive.source.Compression;
import io.layerdive.source.CountedInputStream;
import io.layerdive.source.ImageAssembler;
import io.layerdive.source.ImageAssembler.LayerRef;
import io.layerdive.source.ImageReadException;
import io.layerdive.source.ImageSource;
import io.layerdive.source.LayerBlobReader;
import io.layerdive.source.LayerCache;
import io.layerdive.source.LayerReadResult;
import io.layerdive.source.LoadListener;
import io.layerdive.source.LoadedImage;
import io.layerdive.source.Reopening;
import io.layerdive.source.extract.FileLayerOpener;
import java.io.FileInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An image saved by {@code docker save} (any engine version), {@code podman save} or kaniko.
 *
 * <p>From a file, the archive is indexed by its headers, then the layer blobs are read in parallel,
 * each distinct blob once. From a stream (a daemon's export), it is read in one pass: each blob as
 * it goes by, the JSON files kept until the manifest, which comes last, tells which blobs are the
 * layers. Both give the same image.
 *
 * <p>{@link io.layerdive.image.Layer#compressedSizeBytes()} is the size of the blob as stored in
 * the archive when it is compressed (-1 for a plain tar); {@link
 * io.layerdive.image.Layer#blobDigest()} the blob's SHA-256.
 */
public final class DockerArchiveSource implements ImageSource {
  private static final String HOW_TO_SAVE = "make one with `docker save IMAGE -o FILE`";
  private static final String HOW_TO_PIPE =
      "pipe an image in with `docker save IMAGE | layerdive -`";

  private final Path path;
  private final LayerBlobReader.Opener stream;
  private final String name;
  private final LayerBlobReader blobReader;
  private final LayerCache cache;

  private DockerArchiveSource(
      Path path, LayerBlobReader.Opener stream, String name, LayerBlobReader blobReader) {
    this.path = path;
    this.stream = stream;
    this.name = name;
    this.blobReader = blobReader;
    this.cache = blobReader.cache();
  }

  /**
   * An archive file (or a directory holding an extracted one).
   *
   * @param name how messages and the image name it: what the user typed
   */
  public static DockerArchiveSource file(Path path, String name) {
    return new DockerArchiveSource(path, null, name, new LayerBlobReader());
  }

  /** As {@link #file(Path, String)} with a chosen number of reading threads. */
  public static DockerArchiveSource file(Path path, String name, int threads) {
    return new DockerArchiveSource(path, null, name, new LayerBlobReader(threads));
  }

  /**
   * As {@link #file(Path, String)}, replaying the layers {@code cache} holds instead of reading
   * them, and caching those it reads.
   */
  public static DockerArchiveSource file(Path path, String name, int threads, LayerCache cache) {
    return new DockerArchiveSource(path, null, name, new LayerBlobReader(threads, cache));
  }

  /** An archive read once from a stream that {@code opener} opens when loading starts. */
  public static DockerArchiveSource stream(LayerBlobReader.Opener opener, String name) {
    return new DockerArchiveSource(null, opener, name, new LayerBlobReader(1));
  }

  /** As {@link #stream}, recording the layers read into {@code cache}. */
  public static DockerArchiveSource stream(
      LayerBlobReader.Opener opener, String name, LayerCache cache) {
    return new DockerArchiveSource(null, opener, name, new LayerBlobReader(1, cache));
  }

  /** The archive file or directory; empty for an archive read from a stream. */
  public Optional<Path> file() {
    return Optional.ofNullable(path);
  }

  /** A file is read again at the layer's blob; a stream, or a pipe named as a file, is gone. */
  @Override
  public Reopening reopening() {
    if (path == null) {
      return Reopening.impossible(
          name + " was read once from a stream; save it to a file to read it again");
    }
    if (!Files.isRegularFile(path) && !Files.isDirectory(path)) {
      return Reopening.impossible(
          name + " was read once from a pipe; save it to a file to read it again");
    }
    FileLayerOpener opener = new FileLayerOpener(path, name);
    return Reopening.by(
        (layer, listener) ->
            CountedInputStream.toListener(opener.openLayer(layer), layer.sizeBytes(), listener));
  }

  @Override
  public <T> LoadedImage<T> load(LayerReceiver<T> receiver, LoadListener listener)
      throws ImageReadException {
    if (path == null) {
      try (InputStream in = stream.open()) {
        return readStream(in, receiver, listener);
      } catch (IOException e) {
        throw new ImageReadException(name + ": cannot read (" + e.getMessage() + ")", e);
      }
    }
    if (!Files.exists(path)) throw new ImageReadException(name + ": no such file or directory");
    if (!Files.isDirectory(path) && !Files.isRegularFile(path)) return readPipe(receiver, listener);
    if (!Files.isDirectory(path)) {
      Compression outer = checkFile();
      if (outer != Compression.NONE) return readCompressedFile(outer, receiver, listener);
    }
    listener.phase("Reading " + name);
    try (ArchiveFiles files = ArchiveFiles.open(path, name)) {
      return readFiles(files, receiver, listener);
    } catch (IOException e) {
      throw new ImageReadException(name + ": cannot read (" + e.getMessage() + ")", e);
    }
  }

  /** Rejects what cannot be an archive with a clear word; tells whether it is compressed. */
  private Compression checkFile() throws ImageReadException {
    try {
      if (Files.size(path) == 0) {
        throw new ImageReadException(
            name + ": the file is empty, not an image archive; " + HOW_TO_SAVE);
      }
      byte[] head = new byte[Compression.MAGIC_LENGTH];
      int n;
      try (InputStream in = Files.newInputStream(path)) {
        n = in.readNBytes(head, 0, head.length);
      }
      return Compression.sniff(head, n);
    } catch (IOException e) {
      throw new ImageReadException(name + ": cannot read (" + e.getMessage() + ")", e);
    }
  }

  /**
   * A pipe ({@code docker save IMAGE | layerdive -}, {@code <(docker save IMAGE)}): one pass, as
   * from a stream.
   */
  private <T> LoadedImage<T> readPipe(LayerReceiver<T> receiver, LoadListener listener)
      throws ImageReadException {
    listener.phase("Reading " + name);
    try (InputStream in = new ReadingSkips(new FileInputStream(path.toFile()))) {
      return readStream(in, receiver, listener);
    } catch (IOException e) {
      throw new ImageReadException(name + ": cannot read (" + e.getMessage() + ")", e);
    }
  }

  /** One pass over a stream, plain or compressed as its first bytes tell. */
  private <T> LoadedImage<T> readStream(
      InputStream raw, LayerReceiver<T> receiver, LoadListener listener)
      throws IOException, ImageReadException {
    PushbackInputStream in = new PushbackInputStream(raw, Compression.MAGIC_LENGTH);
    byte[] head = in.readNBytes(Compression.MAGIC_LENGTH);
    if (head.length == 0) {
      throw new ImageReadException(name + ": nothing came in; " + HOW_TO_PIPE);
    }
    in.unread(head);
    return new ArchiveStreamReader(name, cache)
        .read(in, -1, Compression.sniff(head, head.length), receiver, listener);
  }

  /** {@code docker save IMAGE | gzip > FILE}: no index possible, so one pass. */
  private <T> LoadedImage<T> readCompressedFile(
      Compression outer, LayerReceiver<T> receiver, LoadListener listener)
      throws ImageReadException {
    listener.phase("Reading " + name + " (" + outer.displayName() + " compressed)");
    try (InputStream raw = Files.newInputStream(path)) {
      return new ArchiveStreamReader(name, cache)
          .read(raw, Files.size(path), outer, receiver, listener);
    } catch (IOException e) {
      throw new ImageReadException(name + ": cannot read (" + e.getMessage() + ")", e);
    }
  }

  private <T> LoadedImage<T> readFiles(
      ArchiveFiles files, LayerReceiver<T> receiver, LoadListener listener)
      throws ImageReadException {
    ArchivePlan plan = ArchivePlan.of(name, lookup(files));
    Map<String, ArchiveEntry> entries = new LinkedHashMap<>();
    List<LayerBlobReader.Blob> blobs = new ArrayList<>();
    List<Long> blobSizes = new ArrayList<>();
    for (int i = 0; i < plan.refs().size(); i++) {
      LayerRef ref = plan.refs().get(i);
      ArchiveEntry entry = files.find(ref.blobKey()).orElseThrow();
      blobSizes.add(entry.size());
      if (entries.putIfAbsent(ref.blobKey(), entry) == null) {
        blobs.add(
            new LayerBlobReader.Blob(
                ref.blobKey(),
                entry.size(),
                name + ": layer " + i + " (" + plan.layerPaths().get(i) + ")",
                plan.announced().get(i),
                () -> files.open(entry),
                plan.diffIds().get(i),
                ref.expectedBlobDigest()));
      }
    }
    listener.layersKnown(
        ImageAssembler.preview(plan.refs(), plan.diffIds(), plan.config(), blobSizes));
    listener.phase("Reading " + blobs.size() + " layers of " + name);
    Map<String, LayerReadResult<T>> results =
        blobReader.known(blobs, plan.diffIds(), receiver, listener).orElse(null);
    if (results == null) results = blobReader.readAll(blobs, receiver, listener);
    return ImageAssembler.assemble(
        name,
        name,
        plan.config(),
        plan.tags(),
        plan.refs(),
        plan.diffIds(),
        results,
        plan.diagnostics());
  }

  private static ArchivePlan.Lookup lookup(ArchiveFiles files) {
    return new ArchivePlan.Lookup() {
      @Override
      public Optional<String> resolve(String p) throws ImageReadException {
        return files.find(p).map(ArchiveEntry::path);
      }

      @Override
      public byte[] read(String key, int max) throws ImageReadException {
        return files.readAll(files.find(key).orElseThrow(), max);
      }
    };
  }

  /**
   * A pipe cannot seek: skipping reads the bytes and drops them. (A channel over a pipe cannot even
   * say how many bytes are waiting, hence a plain file stream underneath.)
   */
  private static final class ReadingSkips extends FilterInputStream {
    private final byte[] dropped = new byte[1 << 16];

    ReadingSkips(InputStream in) {
      super(in);
    }

    @Override
    public long skip(long n) throws IOException {
      long left = n;
      while (left > 0) {
        int read = in.read(dropped, 0, (int) Math.min(dropped.length, left));
        if (read < 0) break;
        left -= read;
      }
      return n - left;
    }
  }
}
