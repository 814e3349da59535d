package io.layerdive.cache;

import io.layerdive.image.Digest;
import io.layerdive.image.LayerReceiver;
import io.layerdive.source.LayerCache;
import io.layerdive.tree.FrozenImages;
import io.layerdive.tree.FrozenTrees;
import io.layerdive.tree.ImageFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Layers as read, one file per diff_id in one directory, and image-level facts in a second one.
 * Writes go to a temporary file in the same directory and are renamed into place, so a reader (this
 * process or another) sees a whole entry or none; the last writer of an entry wins, and all writers
 * of one diff_id write the same thing. Use refreshes a file's modification time, and {@link
 * #trim()} deletes the least recently used files until the directory fits the bound.
 *
 * <p>Nothing here fails a load: an entry that does not check out is a miss (and is overwritten
 * after the fresh read), an entry that cannot be written is skipped.
 */
public final class DiskLayerCache implements LayerCache, FrozenImages {
  private static final String TEMP_PREFIX = ".tmp-";

  /** Older temporary files belong to a process that died while writing. */
  private static final Duration STALE_TEMP = Duration.ofHours(1);

  private final Path root;
  private final Path layers;
  private final Path images;
  private final Path trees;
  private final long maxBytes;
  private final AtomicBoolean wrote = new AtomicBoolean();

  /**
   * @param root the cache's directory, e.g. {@code ~/.cache/layerdive}; created when first written
   * @param maxBytes the bound on the size of all entries together
   */
  public DiskLayerCache(Path root, long maxBytes) {
    this.root = root;
    this.layers = root.resolve("layers");
    this.images = root.resolve("images");
    this.trees = root.resolve("trees");
    this.maxBytes = maxBytes;
  }

  /** Where the entry of {@code diffId} is kept. */
  Path layerFile(Digest diffId) {
    return layers.resolve(diffId.algorithm() + "-" + diffId.hex());
  }

  Path layerDirectory() {
    return layers;
  }

  @Override
  public <T> Optional<Replayed<T>> replay(Digest diffId, LayerReceiver.Builder<T> builder) {
    if (!safe(diffId)) return Optional.empty();
    Path file = layerFile(diffId);
    Cursor payload;
    Facts facts;
    try {
      payload = CacheFile.payload(ChunkedFiles.read(file), CacheFile.LAYER, diffId.toString());
      facts = LayerRecordReader.facts(payload);
    } catch (IOException | CorruptEntry | OutOfMemoryError e) {
      return Optional.empty();
    }
    try {
      LayerRecordReader.replay(payload, builder);
    } catch (CorruptEntry e) {
      // Checked bytes that do not decode: a writer's bug. What reached the builder is part of
      // this very layer, which the caller now reads afresh into a new builder: no stray paths.
      return Optional.empty();
    }
    touch(file);
    return Optional.of(new Replayed<>(builder.finish(), facts));
  }

  @Override
  public Optional<Facts> facts(Digest diffId) {
    if (!safe(diffId)) return Optional.empty();
    Path file = layerFile(diffId);
    try {
      Facts facts =
          LayerRecordReader.facts(
              CacheFile.payload(ChunkedFiles.read(file), CacheFile.LAYER, diffId.toString()));
      touch(file);
      return Optional.of(facts);
    } catch (IOException | CorruptEntry | OutOfMemoryError e) {
      return Optional.empty();
    }
  }

  @Override
  public Optional<ImageFiles> find(List<Digest> diffIds) {
    String key = treesKey(diffIds);
    Path file = trees.resolve(fileName(key));
    try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
      ImageFiles files = CacheFile.read(in, CacheFile.TREES, key, FrozenTrees::decode);
      touch(file);
      return Optional.of(files);
    } catch (IOException | CorruptEntry | IllegalArgumentException | OutOfMemoryError e) {
      return Optional.empty();
    }
  }

  @Override
  public void keep(List<Digest> diffIds, ImageFiles files) {
    String key = treesKey(diffIds);
    // Too large for one entry: encode throws before writing, and the layers are cached all the
    // same.
    write(
        trees,
        trees.resolve(fileName(key)),
        out ->
            CacheFile.write(
                out, CacheFile.TREES, key, payload -> FrozenTrees.encode(files, payload)));
    trim();
  }

  private static String treesKey(List<Digest> diffIds) {
    StringBuilder key = new StringBuilder("trees v").append(FrozenTrees.VERSION);
    for (Digest d : diffIds) key.append(' ').append(d);
    return key.toString();
  }

  @Override
  public boolean contains(Digest diffId) {
    return safe(diffId) && Files.isRegularFile(layerFile(diffId));
  }

  @Override
  public <T> Recorder<T> recorder(LayerReceiver.Builder<T> builder) {
    return new LayerRecordWriter<>(
        builder,
        (diffId, parts) -> {
          if (safe(diffId)) write(layers, layerFile(diffId), parts);
        });
  }

  /** Writes the file whose parts are {@code parts}, each what remains of its buffer. */
  private void write(Path dir, Path target, ByteBuffer[] parts) {
    write(
        dir,
        target,
        out -> {
          for (ByteBuffer part : parts) ChunkedFiles.write(out, part);
        });
  }

  @Override
  public Optional<byte[]> image(String key) {
    Path file = images.resolve(fileName(key));
    try {
      Cursor payload = CacheFile.payload(ChunkedFiles.read(file), CacheFile.IMAGE, key);
      byte[] facts = payload.bytes(payload.varInt());
      if (!payload.atEnd()) return Optional.empty();
      touch(file);
      return Optional.of(facts);
    } catch (IOException | CorruptEntry e) {
      return Optional.empty();
    }
  }

  @Override
  public void storeImage(String key, byte[] facts) {
    Bytes payload = new Bytes(facts.length + 8);
    payload.putVarLong(facts.length);
    payload.putBytes(facts, 0, facts.length);
    write(
        images,
        images.resolve(fileName(key)),
        new ByteBuffer[] {
          ByteBuffer.wrap(CacheFile.header(CacheFile.IMAGE, key, payload)),
          ByteBuffer.wrap(payload.array(), 0, payload.length())
        });
  }

  /** A file name for any key: its XXH64, the key itself being checked inside the file. */
  private static String fileName(String key) {
    byte[] bytes = key.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return String.format("%016x", io.layerdive.hash.Xxh64.hash(bytes, 0, bytes.length));
  }

  /** Digests name files: only plain ones do. */
  private static boolean safe(Digest diffId) {
    return diffId.algorithm().matches("[a-z0-9]+") && diffId.hex().matches("[0-9a-f]+");
  }

  /** What writes a file's bytes to its (temporary) file. */
  @FunctionalInterface
  private interface Content {
    void writeTo(FileChannel out) throws IOException;
  }

  private void write(Path dir, Path target, Content content) {
    Path temp = null;
    try {
      if (!Files.isDirectory(dir)) createPrivate(dir);
      temp = Files.createTempFile(dir, TEMP_PREFIX, "");
      try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        content.writeTo(out);
      }
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      temp = null;
      wrote.set(true);
    } catch (IOException | RuntimeException e) {
      // A cache that cannot be written only makes the next open slower.
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException e) {
          // left for trim() to remove
        }
      }
    }
  }

  /** The file lists of the images one opens are nobody else's business: the root is 0700. */
  private void createPrivate(Path dir) throws IOException {
    if (!Files.isDirectory(root)) {
      Files.createDirectories(root.getParent());
      try {
        Files.createDirectory(
            root,
            java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
      } catch (UnsupportedOperationException e) {
        Files.createDirectories(root);
      } catch (java.nio.file.FileAlreadyExistsException e) {
        // another process made it meanwhile
      }
    }
    Files.createDirectories(dir);
  }

  private static void touch(Path file) {
    try {
      Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis()));
    } catch (IOException | RuntimeException e) {
      // a read-only cache still serves
    }
  }

  /** After a load that wrote entries: deletes the least recently used until within the bound. */
  @Override
  public void trim() {
    if (wrote.getAndSet(false)) trimNow();
  }

  void trimNow() {
    record Entry(Path path, long size, long used) {}
    List<Entry> entries = new ArrayList<>();
    long total = 0;
    long staleBefore = System.currentTimeMillis() - STALE_TEMP.toMillis();
    for (Path dir : List.of(layers, images, trees)) {
      try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
        for (Path file : files) {
          BasicFileAttributes a;
          try {
            a = Files.readAttributes(file, BasicFileAttributes.class);
          } catch (NoSuchFileException e) {
            continue;
          }
          if (!a.isRegularFile()) continue;
          long used = a.lastModifiedTime().toMillis();
          if (file.getFileName().toString().startsWith(TEMP_PREFIX)) {
            if (used < staleBefore) Files.deleteIfExists(file);
            continue;
          }
          entries.add(new Entry(file, a.size(), used));
          total += a.size();
        }
      } catch (IOException | RuntimeException e) {
        // an absent or unreadable directory holds nothing to trim
      }
    }
    if (total <= maxBytes) return;
    entries.sort(Comparator.comparingLong(Entry::used));
    for (Entry e : entries) {
      if (total <= maxBytes) break;
      try {
        Files.deleteIfExists(e.path());
        total -= e.size();
      } catch (IOException ex) {
        // another process may hold it: try the next
      }
    }
  }
}
