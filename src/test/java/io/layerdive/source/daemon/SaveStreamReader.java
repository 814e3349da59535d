package io.layerdive.source.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.layerdive.image.Digest;
import io.layerdive.image.Image;
import io.layerdive.image.ImageConfig;
import io.layerdive.image.Layer;
import io.layerdive.image.LayerReceiver;
import io.layerdive.source.ImageReadException;
import io.layerdive.source.LoadListener;
import io.layerdive.source.LoadedImage;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * A one-pass reader of save streams for the daemon tests: hashes every blob as it goes by and
 * matches them to the config's diff ids at the end. It measures what the tests compare (layer
 * order, diff ids, entry counts and sizes), so that the daemon path and the file path can be held
 * against each other whatever the archive source does.
 */
final class SaveStreamReader implements ArchiveStreamReader {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long SMALL = 4L << 20;

  /** What one blob held. */
  record Blob(String path, Digest rawDigest, Digest diffId, long rawSize, long entries, long entryBytes) {}

  @Override
  public <T> LoadedImage<T> read(
      String name, InputStream in, LayerReceiver<T> receiver, LoadListener listener)
      throws ImageReadException {
    Map<String, byte[]> small = new HashMap<>();
    Map<Digest, Blob> byDiffId = new HashMap<>();
    try {
      TarArchiveInputStream outer = new TarArchiveInputStream(in);
      for (TarArchiveEntry e = outer.getNextEntry(); e != null; e = outer.getNextEntry()) {
        if (!e.isFile() || e.isSymbolicLink() || e.isLink()) {
          continue;
        }
        String path = e.getName().startsWith("./") ? e.getName().substring(2) : e.getName();
        if (e.getSize() < SMALL && !path.endsWith(".tar") && !path.endsWith(".tar.gz")) {
          byte[] data = outer.readAllBytes();
          small.put(path, data);
          if (!looksLikeTar(data)) {
            continue;
          }
          Blob blob = measure(path, new java.io.ByteArrayInputStream(data));
          byDiffId.put(blob.diffId(), blob);
          continue;
        }
        Blob blob = measure(path, outer);
        byDiffId.put(blob.diffId(), blob);
      }
      byte[] manifest = small.get("manifest.json");
      if (manifest == null) {
        throw new ImageReadException(name + ": no manifest.json in the archive");
      }
      JsonNode m = JSON.readTree(manifest).path(0);
      byte[] configBytes = small.get(m.path("Config").asText());
      if (configBytes == null) {
        throw new ImageReadException(name + ": config " + m.path("Config").asText() + " missing");
      }
      JsonNode config = JSON.readTree(configBytes);
      List<String> commands = new ArrayList<>();
      for (JsonNode h : config.path("history")) {
        if (!h.path("empty_layer").asBoolean(false)) {
          commands.add(h.path("created_by").asText(""));
        }
      }
      List<Layer> layers = new ArrayList<>();
      List<T> contents = new ArrayList<>();
      List<String> tags = new ArrayList<>();
      m.path("RepoTags").forEach(t -> tags.add(t.asText()));
      for (JsonNode d : config.path("rootfs").path("diff_ids")) {
        Digest diffId = Digest.parse(d.asText());
        Blob blob = byDiffId.get(diffId);
        if (blob == null) {
          throw new ImageReadException(name + ": no blob for layer " + diffId);
        }
        int index = layers.size();
        String id = blob.path().contains("/") ? blob.path().substring(0, blob.path().indexOf('/')) : blob.path();
        layers.add(
            new Layer(index, id, diffId, Optional.of(blob.rawDigest()),
                index < commands.size() ? commands.get(index) : "", blob.entryBytes(), blob.rawSize()));
        contents.add(receiver.begin().finish());
      }
      ImageConfig imageConfig =
          new ImageConfig(config.path("os").asText(""), config.path("architecture").asText(""), tags);
      return new LoadedImage<>(new Image(name, imageConfig, layers, List.of()), contents);
    } catch (IOException e) {
      throw new ImageReadException(name + ": cannot read (" + e.getMessage() + ")", e);
    }
  }

  private static boolean looksLikeTar(byte[] data) {
    return data.length >= 512 && new String(data, 257, 5, java.nio.charset.StandardCharsets.ISO_8859_1).equals("ustar");
  }

  static Blob measure(String path, InputStream raw) throws IOException {
    MessageDigest rawDigest = sha256();
    CountingDigest counted = new CountingDigest(raw, rawDigest);
    BufferedInputStream buffered = new BufferedInputStream(counted, 65536);
    buffered.mark(2);
    int b0 = buffered.read();
    int b1 = buffered.read();
    buffered.reset();
    InputStream plain = b0 == 0x1f && b1 == 0x8b ? new GZIPInputStream(buffered) : buffered;
    MessageDigest diff = sha256();
    DigestInputStream hashed = new DigestInputStream(plain, diff);
    TarArchiveInputStream tar = new TarArchiveInputStream(hashed);
    long entries = 0;
    long bytes = 0;
    for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
      entries++;
      bytes += e.getSize();
    }
    hashed.transferTo(OutputStream.nullOutputStream());
    counted.transferTo(OutputStream.nullOutputStream());
    return new Blob(path, Digest.sha256(rawDigest.digest()), Digest.sha256(diff.digest()),
        counted.count, entries, bytes);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final class CountingDigest extends DigestInputStream {
    long count;

    CountingDigest(InputStream in, MessageDigest digest) {
      super(in, digest);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) count++;
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) count += n;
      return n;
    }
  }
}
