package io.layerdive.sample;

import io.layerdive.image.Digest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A layer tar's digests and sizes, computed by writing it once into a hash; its bytes are kept only
 * when small.
 *
 * <p>Archives must name a blob and state its size before its bytes, and docker sorts its entries by
 * names that depend on every layer's digest, so all digests are needed before the first byte is
 * written. Rather than spill layers to temporary files (a second copy of a 2 GB image on disk, plus
 * cleanup), a large layer is generated twice: once into the hash, once into the archive. Generation
 * runs at several GB/s and SHA-256 at about 1.7 GB/s here, so the extra pass costs about as much as
 * reading a temporary file back, needs no disk and works for any output stream. Small layers (the
 * tests) keep their bytes from the first pass and are written only once. Large compressed layers
 * pay the most: they are compressed twice, and gzip of random content runs at some 45 MB/s here
 * (zstd at several hundred), which is one reason the benchmark images are uncompressed.
 */
record LayerBlob(
    SampleLayer layer,
    Compression compression,
    Digest diffId,
    long tarSize,
    Digest blobDigest,
    long blobSize,
    byte[] kept) {

  /** Keeps a layer's bytes in memory up to this size ... */
  static final int KEEP_LIMIT = 8 << 20;

  /** ... and the layers of one archive up to this total. */
  static final long KEEP_BUDGET = 64L << 20;

  /** The bytes still allowed to be kept in memory during one write. */
  static final class Budget {
    private long left = KEEP_BUDGET;
  }

  static LayerBlob compute(SampleLayer layer, Compression compression, Budget budget)
      throws IOException {
    KeepingOutputStream keep =
        new KeepingOutputStream((int) Math.min(KEEP_LIMIT, Math.max(0, budget.left)));
    HashingOutputStream blob = new HashingOutputStream(keep);
    HashingOutputStream tar;
    try (OutputStream compressed = compression.compressTo(blob)) {
      tar = new HashingOutputStream(compressed);
      LayerTarWriter.write(layer, tar);
    }
    byte[] kept = keep.keptBytes();
    if (kept != null) budget.left -= kept.length;
    Digest diffId = tar.digest();
    Digest blobDigest = compression == Compression.NONE ? diffId : blob.digest();
    return new LayerBlob(layer, compression, diffId, tar.count(), blobDigest, blob.count(), kept);
  }

  /** Writes the stored blob: the kept bytes, or the layer generated and compressed again. */
  void writeTo(OutputStream out) throws IOException {
    if (kept != null) {
      out.write(kept);
      return;
    }
    CountingOutputStream counted = new CountingOutputStream(out);
    LayerTarWriter.write(layer, compression, counted);
    if (counted.count != blobSize) {
      throw new IllegalStateException(
          "sample layer '"
              + layer.createdBy()
              + "': wrote "
              + counted.count
              + " bytes the second time, "
              + blobSize
              + " the first; its entries are not deterministic");
    }
  }

  private static final class CountingOutputStream extends java.io.FilterOutputStream {
    private long count;

    CountingOutputStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
    }

    @Override
    public void close() throws IOException {
      out.flush();
    }
  }

  /** Collects bytes until a limit, then drops them all: small blobs are kept, large ones not. */
  private static final class KeepingOutputStream extends OutputStream {
    private final int limit;
    private ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    KeepingOutputStream(int limit) {
      this.limit = limit;
    }

    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      if (bytes == null) return;
      if (bytes.size() + (long) len > limit) {
        bytes = null;
        return;
      }
      bytes.write(b, off, len);
    }

    byte[] keptBytes() {
      return bytes == null ? null : bytes.toByteArray();
    }
  }
}
