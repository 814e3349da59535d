package io.layerdive.sample;

import io.layerdive.image.Digest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** An image with every layer digested and its config built: all a layout needs to name things. */
record PlannedImage(SampleImage image, List<LayerBlob> blobs, byte[] config, Digest configDigest) {

  static PlannedImage plan(SampleImage image, Compression compression, LayerBlob.Budget budget)
      throws IOException {
    List<LayerBlob> blobs = new ArrayList<>();
    for (SampleLayer layer : image.fileLayers()) {
      blobs.add(LayerBlob.compute(layer, compression, budget));
    }
    byte[] config = ImageDocuments.config(image, blobs.stream().map(LayerBlob::diffId).toList());
    return new PlannedImage(image, List.copyOf(blobs), config, HashingOutputStream.sha256(config));
  }

  /** The history step (index into {@code image.layers()}) of layer tar {@code index}. */
  int step(int index) {
    int seen = -1;
    for (int i = 0; i < image.layers().size(); i++) {
      if (!image.layers().get(i).emptyLayer() && ++seen == index) return i;
    }
    throw new IndexOutOfBoundsException(index);
  }

  WrittenLayer written(int index, String archivePath) {
    LayerBlob b = blobs.get(index);
    return new WrittenLayer(
        index,
        b.layer(),
        b.diffId(),
        b.tarSize(),
        b.blobDigest(),
        b.blobSize(),
        b.compression(),
        archivePath,
        b.layer().contentSize());
  }

  /**
   * Legacy layer ids: a chain over the parent id and the diff_id, with the config mixed into the
   * top one, so that, as with docker, images sharing base layers share their ids.
   */
  List<String> v1Ids() {
    List<String> ids = new ArrayList<>();
    String parent = "";
    for (int i = 0; i < blobs.size(); i++) {
      String top = i == blobs.size() - 1 ? configDigest.toString() : "";
      String text = "v1 " + parent + " " + blobs.get(i).diffId() + " " + top;
      parent =
          HashingOutputStream.sha256(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)).hex();
      ids.add(parent);
    }
    return ids;
  }
}
