package io.layerdive.source.extract;

import io.layerdive.image.Digest;
import io.layerdive.image.Layer;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The names a layer's tar may have inside an image archive, from what the first pass recorded:
 * {@code <id>/layer.tar} (docker save before Docker 25), {@code blobs/sha256/<hex>} (OCI layout,
 * Docker 25 on), {@code <diff id>.tar} (podman), {@code <blob digest>.tar.gz} (kaniko).
 */
final class LayerEntryNames {
  private LayerEntryNames() {}

  static Set<String> candidates(Layer layer) {
    Set<String> names = new LinkedHashSet<>();
    String id = layer.id() == null ? "" : layer.id();
    if (!id.isEmpty() && !id.equals("blobs")) {
      names.add(id + "/layer.tar");
      names.add(id);
    }
    layer.blobDigest().ifPresent(d -> addDigest(names, d));
    addDigest(names, layer.diffId());
    return names;
  }

  private static void addDigest(Set<String> names, Digest digest) {
    names.add("blobs/" + digest.algorithm() + "/" + digest.hex());
    names.add(digest.hex() + ".tar");
    names.add(digest.hex() + ".tar.gz");
    names.add(digest.hex() + ".tar.zst");
    names.add(digest.hex() + "/layer.tar");
  }
}
