package io.layerdive.source;

import io.layerdive.image.Diagnostic;
import io.layerdive.image.Digest;
import io.layerdive.image.Image;
import io.layerdive.image.ImageConfig;
import io.layerdive.image.Layer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Joins what a manifest lists, what the config says and what reading the blobs gave into an {@link
 * Image}, checking that they agree: the same number of layers, and each layer's computed diff_id
 * (and blob digest, where the manifest names one) as announced.
 */
public final class ImageAssembler {

  /**
   * One layer as the manifest lists it.
   *
   * @param id dive's layer id: the first path component of the layer's path in the archive
   * @param blobKey the key its blob is read under (two layers may share one)
   * @param expectedBlobDigest the digest the manifest gives the blob, or null
   */
  public record LayerRef(String id, String blobKey, Digest expectedBlobDigest) {}

  private ImageAssembler() {}

  /**
   * The config's diff_ids, checked against the number of layers the manifest lists.
   *
   * @param subject names the image in messages
   * @param manifestName how messages name the list of layers, e.g. {@code manifest.json}
   */
  public static List<Digest> diffIds(
      ImageConfigJson config, int layerCount, String subject, String manifestName)
      throws ImageReadException {
    List<String> raw = config.rootfs().diffIds();
    if (raw.size() != layerCount) {
      throw new ImageReadException(
          subject
              + ": "
              + manifestName
              + " lists "
              + layerCount
              + " layer"
              + (layerCount == 1 ? "" : "s")
              + " but the config has "
              + raw.size()
              + " diff_id"
              + (raw.size() == 1 ? "" : "s")
              + "; the image is damaged: export or pull it again");
    }
    List<Digest> digests = new ArrayList<>(raw.size());
    for (String text : raw) {
      try {
        digests.add(Digest.parse(text));
      } catch (IllegalArgumentException e) {
        throw new ImageReadException(
            subject + ": the config lists a diff_id that is not a digest ('" + text + "')", e);
      }
    }
    return digests;
  }

  /**
   * The blob's size when it is stored compressed; a plain tar has no compressed size to tell, and
   * its own size would pass for one that is larger than the layer.
   */
  private static long compressedSize(LayerReadResult<?> result) {
    return result.compression() == Compression.NONE ? -1 : result.blobBytes();
  }

  /** The layers before their blobs are read: sizes -1, blob digests as far as known. */
  public static List<Layer> preview(
      List<LayerRef> refs, List<Digest> diffIds, ImageConfigJson config, List<Long> blobSizes) {
    List<String> commands = config.layerCommands(refs.size());
    List<Layer> layers = new ArrayList<>(refs.size());
    for (int i = 0; i < refs.size(); i++) {
      LayerRef ref = refs.get(i);
      layers.add(
          new Layer(
              i,
              ref.id(),
              diffIds.get(i),
              Optional.ofNullable(ref.expectedBlobDigest()),
              commands.get(i),
              -1,
              blobSizes == null ? -1 : blobSizes.get(i)));
    }
    return layers;
  }

  /**
   * The image and its layer contents in layer order.
   *
   * @param results blob results by {@link LayerRef#blobKey()}
   * @param diagnostics archive-level oddities met so far; layer oddities are added
   */
  public static <T> LoadedImage<T> assemble(
      String name,
      String subject,
      ImageConfigJson config,
      List<String> tags,
      List<LayerRef> refs,
      List<Digest> diffIds,
      Map<String, LayerReadResult<T>> results,
      List<Diagnostic> diagnostics)
      throws ImageReadException {
    List<String> commands = config.layerCommands(refs.size());
    List<Layer> layers = new ArrayList<>(refs.size());
    List<T> contents = new ArrayList<>(refs.size());
    List<Diagnostic> all = new ArrayList<>(diagnostics);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < refs.size(); i++) {
      LayerRef ref = refs.get(i);
      LayerReadResult<T> result = results.get(ref.blobKey());
      if (result == null) {
        throw new ImageReadException(
            subject
                + ": layer "
                + i
                + " ("
                + ref.blobKey()
                + ") is missing from the archive;"
                + " the image is incomplete: export or pull it again");
      }
      Digest blob = ref.expectedBlobDigest();
      if (blob != null && blob.algorithm().equals("sha256") && !blob.equals(result.blobDigest())) {
        throw new ImageReadException(
            subject
                + ": layer "
                + i
                + " ("
                + ref.blobKey()
                + ") should have digest "
                + blob
                + " but has "
                + result.blobDigest()
                + "; the blob is damaged: export or pull the image again");
      }
      Digest expected = diffIds.get(i);
      if (expected.algorithm().equals("sha256") && !expected.equals(result.diffId())) {
        throw new ImageReadException(
            subject
                + ": layer "
                + i
                + " ("
                + ref.blobKey()
                + ") has diff_id "
                + result.diffId()
                + " but the config expects "
                + expected
                + "; the image is damaged or mixed up: export or pull it again");
      }
      if (!expected.algorithm().equals("sha256") && seen.add("alg:" + ref.blobKey())) {
        all.add(
            new Diagnostic(
                subject, "layer " + i + ": diff_id " + expected + " not checked (only sha256 is)"));
      }
      if (seen.add(ref.blobKey())) all.addAll(result.diagnostics());
      layers.add(
          new Layer(
              i,
              ref.id(),
              expected,
              Optional.of(result.blobDigest()),
              commands.get(i),
              result.sizeBytes(),
              compressedSize(result)));
      contents.add(result.contents());
    }
    ImageConfig imageConfig =
        new ImageConfig(
            config.os(),
            config.architecture(),
            tags,
            BaseImageLayers.count(config.history(), layers.size()));
    return new LoadedImage<>(new Image(name, imageConfig, layers, all), contents);
  }
}
