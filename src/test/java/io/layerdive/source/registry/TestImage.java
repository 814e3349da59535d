package io.layerdive.source.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.layerdive.image.Digest;
import io.layerdive.source.MediaTypes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * A small deterministic image for the registry tests: layer tars built here, stored gzip-compressed
 * (or not), a config with their diff ids, and a Docker or OCI manifest for them.
 */
class TestImage {
  static final ObjectMapper JSON = new ObjectMapper();

  /** One layer: the uncompressed tar, the blob as stored, and its history command. */
  record LayerBlob(byte[] tar, byte[] blob, String mediaType, String createdBy) {
    Digest diffId() {
      return RegistryClient.sha256(tar);
    }

    Digest digest() {
      return RegistryClient.sha256(blob);
    }
  }

  final List<LayerBlob> layers = new ArrayList<>();
  String os = "linux";
  String architecture = "amd64";
  String variant = null;
  boolean oci = false;

  TestImage platform(String os, String arch, String variant) {
    this.os = os;
    this.architecture = arch;
    this.variant = variant;
    return this;
  }

  TestImage oci() {
    this.oci = true;
    return this;
  }

  /**
   * Adds a gzip layer of the given files ({@code path → contents}; a path ending in / is a dir).
   */
  TestImage layer(String createdBy, String... pathsAndContents) {
    byte[] tar = tar(pathsAndContents);
    layers.add(
        new LayerBlob(
            tar,
            gzip(tar),
            oci
                ? "application/vnd.oci.image.layer.v1.tar+gzip"
                : "application/vnd.docker.image.rootfs.diff.tar.gzip",
            createdBy));
    return this;
  }

  /** Adds an uncompressed layer. */
  TestImage plainLayer(String createdBy, String... pathsAndContents) {
    byte[] tar = tar(pathsAndContents);
    layers.add(new LayerBlob(tar, tar, "application/vnd.oci.image.layer.v1.tar", createdBy));
    return this;
  }

  TestImage addLayer(LayerBlob blob) {
    layers.add(blob);
    return this;
  }

  byte[] config() {
    ObjectNode c = JSON.createObjectNode();
    c.put("architecture", architecture);
    c.put("os", os);
    if (variant != null) c.put("variant", variant);
    ObjectNode rootfs = c.putObject("rootfs");
    rootfs.put("type", "layers");
    ArrayNode ids = rootfs.putArray("diff_ids");
    ArrayNode history = c.putArray("history");
    history.addObject().put("created_by", "/bin/sh -c #(nop)  LABEL x=y").put("empty_layer", true);
    for (LayerBlob l : layers) {
      ids.add(l.diffId().toString());
      history.addObject().put("created_by", l.createdBy());
    }
    return bytes(c);
  }

  String manifestMediaType() {
    return oci ? MediaTypes.OCI_MANIFEST : MediaTypes.DOCKER_MANIFEST;
  }

  byte[] manifest() {
    byte[] config = config();
    ObjectNode m = JSON.createObjectNode();
    m.put("schemaVersion", 2);
    m.put("mediaType", manifestMediaType());
    ObjectNode cfg = m.putObject("config");
    cfg.put("mediaType", oci ? MediaTypes.OCI_CONFIG : MediaTypes.DOCKER_CONFIG);
    cfg.put("digest", RegistryClient.sha256(config).toString());
    cfg.put("size", config.length);
    ArrayNode ls = m.putArray("layers");
    for (LayerBlob l : layers) {
      ls.addObject()
          .put("mediaType", l.mediaType())
          .put("digest", l.digest().toString())
          .put("size", l.blob().length);
    }
    return bytes(m);
  }

  static byte[] bytes(Object node) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] tar(String... pathsAndContents) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (int i = 0; i < pathsAndContents.length; i += 2) {
        String path = pathsAndContents[i];
        byte[] data = pathsAndContents[i + 1].getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry e = new TarArchiveEntry(path);
        e.setModTime(0);
        e.setUserId(0);
        e.setGroupId(0);
        if (path.endsWith("/")) {
          e.setMode(040755);
          tar.putArchiveEntry(e);
        } else {
          e.setMode(0100644);
          e.setSize(data.length);
          tar.putArchiveEntry(e);
          tar.write(data);
        }
        tar.closeArchiveEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static byte[] gzip(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * An index (OCI, or a Docker manifest list) of pushed manifests, each with its platform (an
   * {@code unknown/unknown} image stands for an attestation manifest, as buildx adds).
   */
  static byte[] index(boolean oci, List<TestImage> images) {
    ObjectNode idx = JSON.createObjectNode();
    idx.put("schemaVersion", 2);
    idx.put("mediaType", oci ? MediaTypes.OCI_INDEX : MediaTypes.DOCKER_MANIFEST_LIST);
    ArrayNode ms = idx.putArray("manifests");
    for (TestImage img : images) {
      byte[] m = img.manifest();
      ObjectNode e = ms.addObject();
      e.put("mediaType", img.manifestMediaType());
      e.put("digest", RegistryClient.sha256(m).toString());
      e.put("size", m.length);
      ObjectNode p = e.putObject("platform");
      p.put("architecture", img.architecture);
      p.put("os", img.os);
      if (img.variant != null) p.put("variant", img.variant);
    }
    return bytes(idx);
  }
}
