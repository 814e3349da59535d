package io.layerdive.ui;

import io.layerdive.image.Layer;
import io.layerdive.text.DisplayWidth;
import java.util.ArrayList;
import java.util.List;

/**
 * The selected layer's details: tags (the image's, on its top layer), id, size (and the stored
 * blob's size where the source knows it: compressed, or the plain tar), stored digest, diff id and
 * the full command, wrapped to the pane and scrollable.
 */
public final class LayerDetailsModel {
  private final List<String> imageTags;
  private final int layerCount;
  private final ScrollText body = new ScrollText();
  private Layer layer;

  public LayerDetailsModel(List<String> imageTags, int layerCount) {
    this.imageTags = List.copyOf(imageTags);
    this.layerCount = layerCount;
  }

  /** Shows another layer, scrolled back to the top. */
  public void show(Layer next) {
    if (next != layer) body.reset();
    layer = next;
  }

  public void scrollBy(int delta) {
    body.scrollBy(delta);
  }

  public void page(int direction) {
    body.page(direction);
  }

  public void toStart() {
    body.toStart();
  }

  public void toEnd() {
    body.toEnd();
  }

  /** The text before wrapping, one list of spans per line. */
  public List<List<Span>> lines() {
    List<List<Span>> lines = new ArrayList<>();
    if (layer == null) return lines;
    String tags =
        layer.index() == layerCount - 1 && !imageTags.isEmpty()
            ? String.join(", ", imageTags)
            : "(none)";
    lines.add(field("Tags:    ", tags));
    lines.add(field("Id:      ", layer.id()));
    // dive's order (Tags, Id, Size, Digest, Command), the diff id after the digest: the size stays
    // in sight above the two long digests, which wrap on all but wide screens.
    String size = io.layerdive.bytes.HumanBytes.format(layer.sizeBytes());
    if (layer.compressedSizeBytes() >= 0) {
      size +=
          " ("
              + io.layerdive.bytes.HumanBytes.format(layer.compressedSizeBytes())
              + (isCompressed(layer) ? " compressed)" : " stored)");
    }
    lines.add(field("Size:    ", size));
    layer.blobDigest().ifPresent(d -> lines.add(field("Digest:  ", d.toString())));
    lines.add(field("Diff ID: ", layer.diffId() == null ? "(unknown)" : layer.diffId().toString()));
    lines.add(List.of(new Span("Command:", Style.HEADER)));
    String command = layer.createdBy() == null ? "" : layer.createdBy();
    if (command.startsWith("/bin/sh -c ")) command = command.substring("/bin/sh -c ".length());
    for (String part : command.split("\n", -1)) {
      lines.add(List.of(new Span(DisplayWidth.sanitize(part.replace('\t', ' ')), Style.NORMAL)));
    }
    return lines;
  }

  /**
   * Whether the stored blob is compressed: its digest differs from the diff id. The sources give no
   * compressed size for a plain tar; one that still comes with a size (a layer cache written
   * before, a source that cannot tell) is labelled {@code stored}, since a tar's headers and
   * padding make it larger than the files and "compressed" would read as a compression that grew
   * the layer.
   */
  private static boolean isCompressed(Layer layer) {
    return layer.blobDigest().map(d -> !d.equals(layer.diffId())).orElse(false);
  }

  private static List<Span> field(String label, String value) {
    return List.of(
        new Span(label, Style.HEADER), new Span(DisplayWidth.sanitize(value), Style.NORMAL));
  }

  void draw(Canvas c, Rect area, boolean focused) {
    PaneTitle.draw(c, area.x(), area.y(), area.width(), "Layer Details", focused);
    body.draw(c, area.x(), area.y() + 1, area.width(), area.height() - 1, lines());
  }
}
