package io.layerdive.source.daemon;

import io.layerdive.image.Diagnostic;
import io.layerdive.image.Digest;
import io.layerdive.image.Image;
import io.layerdive.image.ImageConfig;
import io.layerdive.image.Layer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What an export told of an image besides its layers' contents (names, ids, digests, sizes,
 * commands, oddities), kept in the layer cache so that an image whose layers are all cached opens
 * without an export. The cache checks the bytes; this only encodes them.
 */
final class CachedImage {
  /** Bumped whenever the encoding changes, so older entries are misses rather than misread. */
  private static final int VERSION = 2;

  private CachedImage() {}

  static byte[] encode(Image image) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(VERSION);
      string(out, image.name());
      string(out, image.config().os());
      string(out, image.config().architecture());
      out.writeInt(image.config().tags().size());
      for (String tag : image.config().tags()) string(out, tag);
      out.writeInt(image.config().baseLayers());
      out.writeInt(image.layers().size());
      for (Layer l : image.layers()) {
        string(out, l.id());
        string(out, l.diffId().toString());
        string(out, l.blobDigest().map(Digest::toString).orElse(""));
        string(out, l.createdBy());
        out.writeLong(l.sizeBytes());
        out.writeLong(l.compressedSizeBytes());
      }
      out.writeInt(image.diagnostics().size());
      for (Diagnostic d : image.diagnostics()) {
        string(out, d.subject());
        string(out, d.message());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** The image, or empty when the bytes are not what {@link #encode} wrote. */
  static Optional<Image> decode(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      if (in.readInt() != VERSION) return Optional.empty();
      String name = string(in);
      String os = string(in);
      String arch = string(in);
      List<String> tags = new ArrayList<>();
      for (int i = count(in); i > 0; i--) tags.add(string(in));
      int baseLayers = in.readInt();
      List<Layer> layers = new ArrayList<>();
      int n = count(in);
      for (int i = 0; i < n; i++) {
        String id = string(in);
        Digest diffId = Digest.parse(string(in));
        String blob = string(in);
        String createdBy = string(in);
        long size = in.readLong();
        long compressed = in.readLong();
        layers.add(
            new Layer(
                i,
                id,
                diffId,
                blob.isEmpty() ? Optional.empty() : Optional.of(Digest.parse(blob)),
                createdBy,
                size,
                compressed));
      }
      List<Diagnostic> diagnostics = new ArrayList<>();
      for (int i = count(in); i > 0; i--) diagnostics.add(new Diagnostic(string(in), string(in)));
      if (in.read() != -1) return Optional.empty();
      return Optional.of(new Image(name, new ImageConfig(os, arch, tags, baseLayers), layers, diagnostics));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static void string(DataOutputStream out, String s) throws IOException {
    byte[] b = (s == null ? "" : s).getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String string(DataInputStream in) throws IOException {
    return new String(in.readNBytes(count(in)), StandardCharsets.UTF_8);
  }

  private static int count(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > in.available()) throw new IOException("bad count " + n);
    return n;
  }
}
