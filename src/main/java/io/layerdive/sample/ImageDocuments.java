package io.layerdive.sample;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.layerdive.image.Digest;
import java.util.List;
import java.util.Map;

/**
 * The JSON documents of an image archive, built as ordered trees so that their bytes (and so their
 * digests) never change between runs.
 */
final class ImageDocuments {
  static final String OCI_LAYOUT = "{\"imageLayoutVersion\":\"1.0.0\"}";
  static final String V1_VERSION = "1.0";
  static final String REF_NAME = "org.opencontainers.image.ref.name";
  static final String CONTAINERD_NAME = "io.containerd.image.name";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String PATH_ENV =
      "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

  private ImageDocuments() {}

  /** A descriptor: what a manifest or index says about one blob. */
  record Descriptor(String mediaType, Digest digest, long size) {}

  /** The image config: platform, {@code rootfs.diff_ids} and the full history. */
  static byte[] config(SampleImage image, List<Digest> diffIds) {
    ObjectNode root = NODES.objectNode();
    root.put("architecture", image.architecture());
    if (!image.variant().isEmpty()) root.put("variant", image.variant());
    root.put("os", image.os());
    root.put("created", Timestamps.created(image.layers().size()));
    ObjectNode config = root.putObject("config");
    config.putArray("Env").add(PATH_ENV);
    ObjectNode rootfs = root.putObject("rootfs");
    rootfs.put("type", "layers");
    ArrayNode ids = rootfs.putArray("diff_ids");
    diffIds.forEach(d -> ids.add(d.toString()));
    ArrayNode history = root.putArray("history");
    for (int i = 0; i < image.layers().size(); i++) {
      SampleLayer layer = image.layers().get(i);
      ObjectNode step = history.addObject();
      step.put("created", Timestamps.created(i));
      step.put("created_by", layer.createdBy());
      if (layer.emptyLayer()) step.put("empty_layer", true);
    }
    return bytes(root);
  }

  /** The {@code json} file of a legacy {@code <v1id>/} directory. */
  static byte[] v1Json(SampleImage image, String id, String parent, int step, String createdBy) {
    ObjectNode root = NODES.objectNode();
    root.put("id", id);
    if (parent != null) root.put("parent", parent);
    root.put("created", Timestamps.created(step));
    ObjectNode containerConfig = root.putObject("container_config");
    containerConfig.putArray("Cmd").add(createdBy);
    root.put("architecture", image.architecture());
    root.put("os", image.os());
    return bytes(root);
  }

  /** An image manifest (OCI or Docker v2 schema 2). */
  static byte[] manifest(ManifestFormat format, Descriptor config, List<Descriptor> layers) {
    ObjectNode root = NODES.objectNode();
    root.put("schemaVersion", 2);
    root.put("mediaType", format.manifestMediaType());
    root.set("config", descriptor(config));
    ArrayNode array = root.putArray("layers");
    layers.forEach(l -> array.add(descriptor(l)));
    return bytes(root);
  }

  /** One entry of an index: a descriptor with an optional platform and annotations. */
  record IndexEntry(Descriptor descriptor, SampleImage platform, Map<String, String> annotations) {}

  /** An image index; {@code index.json} is always an OCI index, nested ones follow the format. */
  static byte[] index(String mediaType, List<IndexEntry> entries) {
    ObjectNode root = NODES.objectNode();
    root.put("schemaVersion", 2);
    root.put("mediaType", mediaType);
    ArrayNode manifests = root.putArray("manifests");
    for (IndexEntry e : entries) {
      ObjectNode node = descriptor(e.descriptor());
      if (!e.annotations().isEmpty()) {
        ObjectNode annotations = node.putObject("annotations");
        e.annotations().forEach(annotations::put);
      }
      if (e.platform() != null) {
        ObjectNode platform = node.putObject("platform");
        platform.put("architecture", e.platform().architecture());
        platform.put("os", e.platform().os());
        if (!e.platform().variant().isEmpty()) platform.put("variant", e.platform().variant());
      }
      manifests.add(node);
    }
    return bytes(root);
  }

  /** One image of docker's {@code manifest.json}. */
  record DockerManifestEntry(String config, List<String> repoTags, List<String> layers) {}

  /** Docker's {@code manifest.json}: {@code RepoTags} is {@code null} for an untagged image. */
  static byte[] dockerManifest(List<DockerManifestEntry> images) {
    ArrayNode root = NODES.arrayNode();
    for (DockerManifestEntry image : images) {
      ObjectNode node = root.addObject();
      node.put("Config", image.config());
      if (image.repoTags().isEmpty()) {
        node.putNull("RepoTags");
      } else {
        ArrayNode tags = node.putArray("RepoTags");
        image.repoTags().forEach(tags::add);
      }
      ArrayNode layers = node.putArray("Layers");
      image.layers().forEach(layers::add);
    }
    return bytes(root);
  }

  /** Docker's {@code repositories}: repository → tag → top layer id. */
  static byte[] repositories(Map<String, Map<String, String>> repositories) {
    ObjectNode root = NODES.objectNode();
    repositories.forEach(
        (repo, tags) -> {
          ObjectNode node = root.putObject(repo);
          tags.forEach(node::put);
        });
    return bytes(root);
  }

  private static ObjectNode descriptor(Descriptor d) {
    ObjectNode node = NODES.objectNode();
    node.put("mediaType", d.mediaType());
    node.put("digest", d.digest().toString());
    node.put("size", d.size());
    return node;
  }

  private static byte[] bytes(Object tree) {
    try {
      return JSON.writeValueAsBytes(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("sample archive: cannot serialise " + tree, e);
    }
  }
}
