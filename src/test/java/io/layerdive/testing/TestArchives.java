package io.layerdive.testing;

import io.airlift.compress.zstd.ZstdOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Writes small images in the layouts of {@code docker save} (Docker ≤ 24 and ≥ 25), {@code podman
 * save}, kaniko and OCI layouts (one image or several platforms), as tar files or directories.
 */
public final class TestArchives {
  private TestArchives() {}

  /** The layouts written. */
  public enum Layout {
    DOCKER_LEGACY,
    PODMAN,
    /** Podman's layout with manifest.json naming the {@code <id>/layer.tar} symlinks. */
    PODMAN_VIA_LINKS,
    KANIKO,
    DOCKER_OCI,
    OCI
  }

  /** How a layer blob is stored. */
  public enum Stored {
    PLAIN,
    GZIP,
    ZSTD
  }

  /** One image: layers (uncompressed tars), their commands and storage, platform, tags. */
  public static final class Image {
    final List<byte[]> layers = new ArrayList<>();
    final List<String> commands = new ArrayList<>();
    final List<Stored> stored = new ArrayList<>();
    final List<String> tags = new ArrayList<>();
    String os = "linux";
    String architecture = "amd64";
    String variant;
    List<String> diffIdOverride;
    boolean emptyLayerHistoryFirst;

    public Image layer(byte[] tar, String command) {
      return layer(tar, command, Stored.PLAIN);
    }

    public Image layer(byte[] tar, String command, Stored how) {
      layers.add(tar);
      commands.add(command);
      stored.add(how);
      return this;
    }

    public Image platform(String os, String architecture, String variant) {
      this.os = os;
      this.architecture = architecture;
      this.variant = variant;
      return this;
    }

    public Image tag(String tag) {
      tags.add(tag);
      return this;
    }

    /** The config lists these diff_ids instead of the true ones. */
    public Image diffIds(List<String> diffIds) {
      this.diffIdOverride = diffIds;
      return this;
    }

    /** The history starts with an {@code empty_layer} entry, as after {@code ENV}. */
    public Image emptyLayerHistoryFirst() {
      this.emptyLayerHistoryFirst = true;
      return this;
    }

    List<String> diffIds() {
      if (diffIdOverride != null) return diffIdOverride;
      List<String> ids = new ArrayList<>();
      for (byte[] l : layers) ids.add("sha256:" + sha256(l));
      return ids;
    }

    byte[] blob(int i) {
      return compress(layers.get(i), stored.get(i));
    }

    String config() {
      StringBuilder history = new StringBuilder();
      if (emptyLayerHistoryFirst) {
        history.append("{\"created_by\":\"ENV A=1\",\"empty_layer\":true}");
      }
      for (String c : commands) {
        if (c == null) continue; // a layer the history does not describe
        if (history.length() > 0) history.append(',');
        history.append("{\"created_by\":").append(quote(c)).append('}');
      }
      StringBuilder diffs = new StringBuilder();
      for (String d : diffIds()) {
        if (diffs.length() > 0) diffs.append(',');
        diffs.append(quote(d));
      }
      return "{\"architecture\":"
          + quote(architecture)
          + ",\"os\":"
          + quote(os)
          + (variant == null ? "" : ",\"variant\":" + quote(variant))
          + ",\"history\":["
          + history
          + "],\"rootfs\":{\"type\":\"layers\",\"diff_ids\":["
          + diffs
          + "]}}";
    }
  }

  /** An uncompressed layer tar with the given files (path, content, path, content, …). */
  public static byte[] layer(String... pathsAndContents) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (int i = 0; i < pathsAndContents.length; i += 2) {
        String path = pathsAndContents[i];
        if (path.endsWith("/")) {
          tar.putArchiveEntry(new TarArchiveEntry(path));
        } else {
          byte[] data = pathsAndContents[i + 1].getBytes(StandardCharsets.UTF_8);
          TarArchiveEntry e = new TarArchiveEntry(path);
          e.setSize(data.length);
          tar.putArchiveEntry(e);
          tar.write(data);
        }
        tar.closeArchiveEntry();
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return bytes.toByteArray();
  }

  /** Writes {@code images} (several only for OCI) as a tar file. */
  public static Path write(Path file, Layout layout, Image... images) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Entries entries = entries(layout, images);
    try (OutputStream out = Files.newOutputStream(file);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (Map.Entry<String, Object> e : entries.files.entrySet()) {
        if (e.getValue() instanceof String target) {
          TarArchiveEntry link = new TarArchiveEntry(e.getKey(), TarConstants.LF_SYMLINK);
          link.setLinkName(target);
          tar.putArchiveEntry(link);
        } else {
          byte[] data = (byte[]) e.getValue();
          TarArchiveEntry entry = new TarArchiveEntry(e.getKey());
          entry.setSize(data.length);
          tar.putArchiveEntry(entry);
          tar.write(data);
        }
        tar.closeArchiveEntry();
      }
    }
    return file;
  }

  /** Writes {@code images} as a directory. */
  public static Path writeDirectory(Path dir, Layout layout, Image... images) throws IOException {
    Entries entries = entries(layout, images);
    for (Map.Entry<String, Object> e : entries.files.entrySet()) {
      Path target = dir.resolve(e.getKey());
      Files.createDirectories(target.getParent());
      if (e.getValue() instanceof String link) {
        Files.createSymbolicLink(target, Path.of(link));
      } else {
        Files.write(target, (byte[]) e.getValue());
      }
    }
    return dir;
  }

  /** Archive paths in write order; a String value is a symlink target. */
  private static final class Entries {
    final Map<String, Object> files = new LinkedHashMap<>();

    void put(String path, Object value) {
      files.put(path, value);
    }
  }

  private static Entries entries(Layout layout, Image... images) {
    Entries out = new Entries();
    Image image = images[0];
    String config = image.config();
    byte[] configBytes = config.getBytes(StandardCharsets.UTF_8);
    String configHex = sha256(configBytes);
    List<String> layerPaths = new ArrayList<>();
    switch (layout) {
      case DOCKER_LEGACY -> {
        Map<String, Object> sorted = new java.util.TreeMap<>();
        for (int i = 0; i < image.layers.size(); i++) {
          String id =
              sha256((i + ":" + sha256(image.layers.get(i))).getBytes(StandardCharsets.UTF_8));
          sorted.put(id + "/VERSION", "1.0".getBytes(StandardCharsets.UTF_8));
          sorted.put(id + "/json", ("{\"id\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8));
          sorted.put(id + "/layer.tar", image.blob(i));
          layerPaths.add(id + "/layer.tar");
        }
        sorted.put(configHex + ".json", configBytes);
        out.files.putAll(sorted);
        out.put("manifest.json", manifestJson(configHex + ".json", image.tags, layerPaths));
        out.put("repositories", "{}".getBytes(StandardCharsets.UTF_8));
      }
      case PODMAN, PODMAN_VIA_LINKS -> {
        for (int i = 0; i < image.layers.size(); i++) {
          String hex = sha256(image.layers.get(i));
          String id = sha256((i + ":" + hex).getBytes(StandardCharsets.UTF_8));
          out.put(hex + ".tar", image.blob(i));
          out.put(id + "/layer.tar", "../" + hex + ".tar");
          layerPaths.add(layout == Layout.PODMAN ? hex + ".tar" : id + "/layer.tar");
        }
        out.put(configHex + ".json", configBytes);
        List<String> tags = new ArrayList<>();
        for (String t : image.tags) tags.add("localhost/" + t);
        out.put("manifest.json", manifestJson(configHex + ".json", tags, layerPaths));
        out.put("repositories", "{}".getBytes(StandardCharsets.UTF_8));
      }
      case KANIKO -> {
        out.put("sha256:" + configHex, configBytes);
        for (int i = 0; i < image.layers.size(); i++) {
          byte[] gz = compress(image.layers.get(i), Stored.GZIP);
          String name = sha256(gz) + ".tar.gz";
          out.put(name, gz);
          layerPaths.add(name);
        }
        out.put("manifest.json", manifestJson("sha256:" + configHex, image.tags, layerPaths));
      }
      case DOCKER_OCI, OCI -> ociEntries(out, layout, images);
    }
    return out;
  }

  private static void ociEntries(Entries out, Layout layout, Image... images) {
    Map<String, byte[]> blobs = new LinkedHashMap<>();
    List<String> descriptors = new ArrayList<>();
    String firstConfig = null;
    List<String> firstLayers = new ArrayList<>();
    for (Image image : images) {
      byte[] config = image.config().getBytes(StandardCharsets.UTF_8);
      String configHex = sha256(config);
      blobs.put(configHex, config);
      StringBuilder layers = new StringBuilder();
      for (int i = 0; i < image.layers.size(); i++) {
        byte[] blob = image.blob(i);
        String hex = sha256(blob);
        blobs.put(hex, blob);
        if (layers.length() > 0) layers.append(',');
        layers.append(descriptor(mediaType(image.stored.get(i)), hex, blob.length, null));
        if (firstConfig == null) firstLayers.add("blobs/sha256/" + hex);
      }
      if (firstConfig == null) firstConfig = "blobs/sha256/" + configHex;
      String manifest =
          "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest."
              + "v1+json\",\"config\":"
              + descriptor(
                  "application/vnd.oci.image.config.v1+json", configHex, config.length, null)
              + ",\"layers\":["
              + layers
              + "]}";
      byte[] manifestBytes = manifest.getBytes(StandardCharsets.UTF_8);
      String manifestHex = sha256(manifestBytes);
      blobs.put(manifestHex, manifestBytes);
      String platform =
          "{\"architecture\":"
              + quote(image.architecture)
              + ",\"os\":"
              + quote(image.os)
              + (image.variant == null ? "" : ",\"variant\":" + quote(image.variant))
              + "}";
      descriptors.add(
          descriptor(
              "application/vnd.oci.image.manifest.v1+json",
              manifestHex,
              manifestBytes.length,
              platform));
    }
    String top;
    String annotations =
        images[0].tags.isEmpty()
            ? ""
            : ",\"annotations\":{"
                + "\"io.containerd.image.name\":"
                + quote(images[0].tags.get(0))
                + ",\"org.opencontainers.image.ref.name\":"
                + quote(images[0].tags.get(0))
                + "}";
    if (images.length == 1) {
      top = descriptors.get(0);
      top = top.substring(0, top.length() - 1) + annotations + "}";
    } else {
      byte[] nested =
          ("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1"
                  + "+json\",\"manifests\":["
                  + String.join(",", descriptors)
                  + "]}")
              .getBytes(StandardCharsets.UTF_8);
      String nestedHex = sha256(nested);
      blobs.put(nestedHex, nested);
      String d =
          descriptor("application/vnd.oci.image.index.v1+json", nestedHex, nested.length, null);
      top = d.substring(0, d.length() - 1) + annotations + "}";
    }
    for (Map.Entry<String, byte[]> b : blobs.entrySet()) {
      out.put("blobs/sha256/" + b.getKey(), b.getValue());
    }
    out.put(
        "index.json",
        ("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index"
                + ".v1+json\",\"manifests\":["
                + top
                + "]}")
            .getBytes(StandardCharsets.UTF_8));
    if (layout == Layout.DOCKER_OCI) {
      out.put("manifest.json", manifestJson(firstConfig, images[0].tags, firstLayers));
    }
    out.put("oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8));
  }

  private static String mediaType(Stored how) {
    return switch (how) {
      case PLAIN -> "application/vnd.oci.image.layer.v1.tar";
      case GZIP -> "application/vnd.oci.image.layer.v1.tar+gzip";
      case ZSTD -> "application/vnd.oci.image.layer.v1.tar+zstd";
    };
  }

  private static String descriptor(String mediaType, String hex, long size, String platform) {
    return "{\"mediaType\":"
        + quote(mediaType)
        + ",\"digest\":\"sha256:"
        + hex
        + "\",\"size\":"
        + size
        + (platform == null ? "" : ",\"platform\":" + platform)
        + "}";
  }

  private static byte[] manifestJson(String config, List<String> tags, List<String> layers) {
    StringBuilder t = new StringBuilder();
    for (String tag : tags) t.append(t.length() > 0 ? "," : "").append(quote(tag));
    StringBuilder l = new StringBuilder();
    for (String layer : layers) l.append(l.length() > 0 ? "," : "").append(quote(layer));
    return ("[{\"Config\":" + quote(config) + ",\"RepoTags\":[" + t + "],\"Layers\":[" + l + "]}]")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** Rewrites the tar at {@code file} without the entries whose path {@code drop} accepts. */
  public static void dropEntries(Path file, java.util.function.Predicate<String> drop)
      throws IOException {
    byte[] original = Files.readAllBytes(file);
    try (var in =
            new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(
                new java.io.ByteArrayInputStream(original));
        OutputStream out = Files.newOutputStream(file);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      TarArchiveEntry e;
      while ((e = in.getNextEntry()) != null) {
        if (drop.test(e.getName())) continue;
        tar.putArchiveEntry(e);
        in.transferTo(tar);
        tar.closeArchiveEntry();
      }
    }
  }

  /** Overwrites the first occurrence of {@code bytes} in {@code file} with {@code replacement}. */
  public static void patch(Path file, byte[] bytes, byte[] replacement) throws IOException {
    byte[] all = Files.readAllBytes(file);
    outer:
    for (int i = 0; i + bytes.length <= all.length; i++) {
      for (int j = 0; j < bytes.length; j++) if (all[i + j] != bytes[j]) continue outer;
      System.arraycopy(replacement, 0, all, i, replacement.length);
      Files.write(file, all);
      return;
    }
    throw new IllegalArgumentException("bytes not found in " + file);
  }

  public static byte[] compress(byte[] data, Stored how) {
    if (how == Stored.PLAIN) return data;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream c =
        how == Stored.GZIP ? new GZIPOutputStream(out) : new ZstdOutputStream(out)) {
      c.write(data);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toByteArray();
  }

  public static String sha256(byte[] data) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(data);
      StringBuilder sb = new StringBuilder();
      for (byte b : d) sb.append(String.format("%02x", b));
      return sb.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') sb.append('\\').append(c);
      else if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
      else sb.append(c);
    }
    return sb.append('"').toString();
  }
}
