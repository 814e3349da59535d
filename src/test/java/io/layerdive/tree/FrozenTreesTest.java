package io.layerdive.tree;

import static io.layerdive.testing.Layers.dir;
import static io.layerdive.testing.Layers.file;
import static io.layerdive.testing.Layers.layer;
import static io.layerdive.testing.Layers.opaque;
import static io.layerdive.testing.Layers.symlink;
import static io.layerdive.testing.Layers.whiteout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.layerdive.testing.Layers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FrozenTreesTest {

  @SuppressWarnings("unchecked")
  private static ImageFiles sample() {
    var base =
        layer(
            dir("etc"),
            file("etc/os-release", 20, 7),
            dir("usr/lib"),
            file("usr/lib/a.so", 1000, 1, 0755),
            symlink("usr/lib/b.so", "a.so"),
            file("usr/lib/\uD83D\uDE00 ü", 3, 9));
    var top = layer(whiteout("usr/lib/a.so"), opaque("etc"), file("etc/hosts", 5, 2));
    return Layers.files(base, top, base);
  }

  /** Everything a frozen image answers, as text. */
  private static String describe(ImageFiles files) {
    StringBuilder sb = new StringBuilder();
    PathTrie trie = files.trie();
    for (int n = 0; n < trie.size(); n++) {
      sb.append(n)
          .append(' ')
          .append(trie.path(n))
          .append(" parent=")
          .append(trie.parent(n))
          .append(" end=")
          .append(trie.end(n))
          .append(" depth=")
          .append(trie.depth(n))
          .append('\n');
    }
    for (LayerFiles l : files.layers()) {
      sb.append("layer\n");
      for (Object part : l.parts()) {
        sb.append("  ")
            .append(
                part instanceof int[] a
                    ? Arrays.toString(a)
                    : part instanceof long[] a
                        ? Arrays.toString(a)
                        : part instanceof byte[] a
                            ? Arrays.toString(a)
                            : part instanceof String[] a ? Arrays.toString(a) : part.toString())
            .append('\n');
      }
      sb.append("  post-order");
      for (int k = 0; k < l.nodeCount(); k++) sb.append(' ').append(l.nodeInPostOrder(k));
      sb.append('\n');
    }
    return sb.toString();
  }

  @Test
  void decodesWhatItEncoded() {
    ImageFiles files = sample();

    ImageFiles back = FrozenTrees.decode(FrozenTrees.encode(files));

    assertThat(describe(back)).isEqualTo(describe(files));
    // Layers shared by the positions stay shared, and only those.
    assertThat(back.layer(2) == back.layer(0)).isEqualTo(files.layer(2) == files.layer(0));
  }

  @Test
  void streamedThroughAnySmallBufferTheBytesAreTheSame() throws IOException {
    ImageFiles files = sample();
    byte[] whole = FrozenTrees.encode(files);

    for (int chunk : new int[] {8, 9, 13, 64, whole.length, whole.length + 1}) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      long written = FrozenTrees.encode(files, Channels.newChannel(out), chunk);

      assertThat(out.toByteArray()).as("chunk %d", chunk).isEqualTo(whole);
      assertThat(written).isEqualTo(whole.length);
    }
  }

  @Test
  void readThroughAnySmallBufferTheFilesAreTheSame() throws IOException {
    ImageFiles files = sample();
    byte[] whole = FrozenTrees.encode(files);

    for (int chunk : new int[] {8, 9, 13, 64, whole.length, whole.length + 1}) {
      ByteArrayInputStream in = new ByteArrayInputStream(Arrays.copyOf(whole, whole.length + 5));
      ImageFiles back = FrozenTrees.decode(Channels.newChannel(in), whole.length, chunk);

      assertThat(describe(back)).as("chunk %d", chunk).isEqualTo(describe(files));
      assertThat(in.available()).as("bytes left after the encoding").isEqualTo(5);
    }
  }

  private static ReadableByteChannel channel(byte[] bytes) {
    return Channels.newChannel(new ByteArrayInputStream(bytes));
  }

  @Test
  void aStreamShorterOrLongerThanTheEncodingIsRefusedWithIllegalArgument() {
    byte[] bytes = FrozenTrees.encode(sample());
    for (int n = 0; n < bytes.length; n += 3) {
      byte[] cut = Arrays.copyOf(bytes, n);
      long told = n;
      assertThatThrownBy(() -> FrozenTrees.decode(channel(cut), bytes.length, 8))
          .as("first %d bytes", n)
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> FrozenTrees.decode(channel(bytes), told, 8))
          .as("first %d bytes of a longer stream", n)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void truncatedOrPaddedBytesAreRefusedWithIllegalArgument() {
    byte[] bytes = FrozenTrees.encode(sample());
    for (int n = 0; n < bytes.length; n += 3) {
      byte[] cut = Arrays.copyOf(bytes, n);
      assertThatThrownBy(() -> FrozenTrees.decode(cut))
          .as("first %d bytes", n)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> FrozenTrees.decode(Arrays.copyOf(bytes, bytes.length + 4)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anEmptyImageRoundTrips() {
    @SuppressWarnings("unchecked")
    ImageFiles empty = Layers.files();

    assertThat(FrozenTrees.decode(FrozenTrees.encode(empty)).layerCount()).isZero();
  }
}
