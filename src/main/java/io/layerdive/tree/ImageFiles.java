package io.layerdive.tree;

import java.util.List;

/** The files of an image: its path trie and every layer's entries, in layer order. Immutable. */
public record ImageFiles(PathTrie trie, List<LayerFiles> layers) {
  public ImageFiles {
    layers = List.copyOf(layers);
  }

  public int layerCount() {
    return layers.size();
  }

  public LayerFiles layer(int index) {
    return layers.get(index);
  }
}
