package io.layerdive.testing;

import io.layerdive.image.Digest;
import io.layerdive.image.Image;
import io.layerdive.image.ImageConfig;
import io.layerdive.image.Layer;
import io.layerdive.image.LayerChange;
import io.layerdive.image.LayerReceiver;
import io.layerdive.source.ImageSource;
import io.layerdive.source.LoadListener;
import io.layerdive.source.LoadedImage;
import io.layerdive.tree.ImageFiles;
import io.layerdive.tree.RawLayer;
import io.layerdive.tree.TreeBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An image written out in a test: layer changes and their commands. Gives the {@link Image} record
 * with dive's layer sizes, its files, or an {@link ImageSource} that streams the changes.
 */
public final class SyntheticImage {
  private final String name;
  private final List<List<LayerChange>> layers = new ArrayList<>();
  private final List<String> commands = new ArrayList<>();
  private final List<Long> compressedSizes = new ArrayList<>();

  private SyntheticImage(String name) {
    this.name = name;
  }

  public static SyntheticImage named(String name) {
    return new SyntheticImage(name);
  }

  public SyntheticImage layer(String createdBy, LayerChange... changes) {
    layers.add(List.of(changes));
    commands.add(createdBy);
    compressedSizes.add(-1L);
    return this;
  }

  /** The last layer's blob, as a registry or a compressed archive would tell its size. */
  public SyntheticImage compressedTo(long bytes) {
    compressedSizes.set(compressedSizes.size() - 1, bytes);
    return this;
  }

  public ImageFiles files() {
    @SuppressWarnings("unchecked")
    List<LayerChange>[] array = layers.toArray(new List[0]);
    return Layers.files(array);
  }

  public Image image() {
    ImageFiles files = files();
    List<Layer> out = new ArrayList<>();
    for (int i = 0; i < layers.size(); i++) {
      out.add(
          new Layer(
              i,
              String.format("%064x", i + 1),
              diffId(i),
              Optional.empty(),
              commands.get(i),
              files.layer(i).totalSize(),
              compressedSizes.get(i)));
    }
    return new Image(name, ImageConfig.unknown(), out, List.of());
  }

  /** A stand-in diff id: {@code sha256:} and the layer's index, zero-padded. */
  public static Digest diffId(int index) {
    return new Digest("sha256", String.format("%064x", 0xd1ff0000L + index));
  }

  /** A source that sends every layer's changes through the receiver, as a real reader does. */
  public ImageSource source() {
    Image image = image();
    return new ImageSource() {
      @Override
      public <T> LoadedImage<T> load(LayerReceiver<T> receiver, LoadListener listener) {
        listener.phase("Reading layers");
        listener.layersKnown(image.layers());
        List<T> contents = new ArrayList<>();
        for (List<LayerChange> layer : layers) {
          LayerReceiver.Builder<T> builder = receiver.begin();
          layer.forEach(builder::accept);
          contents.add(builder.finish());
          listener.progress(0, -1, contents.size(), layers.size());
        }
        return new LoadedImage<>(image, contents);
      }
    };
  }

  /** The files exactly as the pipeline builds them, for tests that bypass a source. */
  public static ImageFiles filesOf(ImageSource source) throws Exception {
    TreeBuilder builder = new TreeBuilder();
    LoadedImage<RawLayer> loaded = source.load(builder, LoadListener.NONE);
    return builder.freeze(loaded.layerContents());
  }
}
