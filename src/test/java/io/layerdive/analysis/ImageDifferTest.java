package io.layerdive.analysis;

import static io.layerdive.testing.Layers.dir;
import static io.layerdive.testing.Layers.file;
import static io.layerdive.testing.Layers.files;
import static io.layerdive.testing.Layers.layer;
import static io.layerdive.testing.Layers.whiteout;
import static org.assertj.core.api.Assertions.assertThat;

import io.layerdive.image.Digest;
import io.layerdive.image.Image;
import io.layerdive.image.ImageConfig;
import io.layerdive.image.Layer;
import io.layerdive.tree.ImageFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImageDifferTest {

  private static Image image(String name, ImageFiles files, String... diffIds) {
    List<Layer> layers = new ArrayList<>();
    for (int i = 0; i < files.layerCount(); i++) {
      layers.add(new Layer(i, "l" + i, Digest.parse("sha256:" + diffIds[i].repeat(64).substring(0, 64)),
          Optional.empty(), "step " + i, files.layer(i).totalSize(), -1));
    }
    return new Image(name, ImageConfig.unknown(), layers, List.of());
  }

  @Test
  void reportsAddedRemovedChangedFilesDirectoriesAndLayers() {
    ImageFiles before =
        files(
            layer(dir("app"), file("app/main.js", 100, 1), file("app/old.js", 50, 2)),
            layer(dir("app"), dir("app/node_modules"), file("app/node_modules/react.js", 9000, 3)));
    ImageFiles after =
        files(
            layer(dir("app"), file("app/main.js", 100, 1), file("app/old.js", 50, 2)),
            layer(dir("app"), file("app/main.js", 120, 4), whiteout("app/old.js"), file("app/new.js", 10, 5)));

    ImageDiff diff = ImageDiffer.diff(image("before", before, "a", "b"), before, image("after", after, "a", "c"), after);

    assertThat(diff.addedFiles()).isEqualTo(1);
    assertThat(diff.removedFiles()).isEqualTo(2);
    assertThat(diff.changedFiles()).isEqualTo(1);
    assertThat(diff.files())
        .containsExactly(
            new FileChange("/app/node_modules/react.js", FileChange.Kind.REMOVED, 9000, 0),
            new FileChange("/app/old.js", FileChange.Kind.REMOVED, 50, 0),
            new FileChange("/app/main.js", FileChange.Kind.CHANGED, 100, 120),
            new FileChange("/app/new.js", FileChange.Kind.ADDED, 0, 10));
    assertThat(diff.beforeFileSystemBytes()).isEqualTo(9150);
    assertThat(diff.afterFileSystemBytes()).isEqualTo(130);
    assertThat(diff.directories())
        .containsExactly(
            new DirectoryChange("/app", 9150, 130),
            new DirectoryChange("/app/node_modules", 9000, 0));
    assertThat(diff.layers()).extracting(LayerPair::shared).containsExactly(true, false);
    assertThat(diff.imageDeltaBytes()).isEqualTo(diff.afterImageBytes() - diff.beforeImageBytes());
  }

  @Test
  void identicalImagesHaveNoChanges() {
    ImageFiles a = files(layer(dir("x"), file("x/y", 5)));
    ImageFiles b = files(layer(dir("x"), file("x/y", 5)));

    ImageDiff diff = ImageDiffer.diff(image("a", a, "a"), a, image("b", b, "a"), b);

    assertThat(diff.files()).isEmpty();
    assertThat(diff.directories()).isEmpty();
    assertThat(diff.filesTruncated()).isFalse();
  }
}
