package io.layerdive.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.layerdive.tree.CompareKey;
import org.junit.jupiter.api.Test;

class LayerListModelTest {

  @Test
  void divesCompareIndexArithmetic() {
    // dive's layer_set_state_test.go, the three asserted cases.
    assertThat(LayerListModel.compareKey(2, CompareMode.LAYER, 2))
        .isEqualTo(new CompareKey(2, 2, 2, 2));
    assertThat(LayerListModel.compareKey(3, CompareMode.LAYER, 1))
        .isEqualTo(new CompareKey(1, 2, 3, 3));
    assertThat(LayerListModel.compareKey(4, CompareMode.AGGREGATED, 1))
        .isEqualTo(new CompareKey(1, 1, 2, 4));
  }

  @Test
  void theExplorerComparesFromTheBaseLayer() {
    for (int i = 0; i < 5; i++) {
      assertThat(LayerListModel.compareKey(i, CompareMode.LAYER, 0))
          .isEqualTo(CompareKey.layerChanges(i));
      assertThat(LayerListModel.compareKey(i, CompareMode.AGGREGATED, 0))
          .isEqualTo(CompareKey.aggregated(i));
    }
  }

  @Test
  void baseLayerShowsFromAndTheStartOfItsId() {
    AnalyzedImage image = SampleImage.analyzed();
    var layers = image.image().layers();
    assertThat(LayerListModel.describe(layers.get(0)))
        .isEqualTo(" 1.1 MB  FROM " + layers.get(0).id().substring(0, 15));
    assertThat(LayerListModel.describe(layers.get(2)))
        .isEqualTo("    0 B  mkdir -p /root/example/really/nested");
    assertThat(LayerListModel.describe(layers.get(7)))
        .as("newlines become ↵")
        .isEqualTo(" 6.4 kB  chmod +x /root/saved.txt↵    && echo done");
  }

  @Test
  void selectionIsClampedAndReportsChange() {
    LayerListModel model = new LayerListModel(SampleImage.analyzed().image().layers());
    assertThat(model.moveBy(-1)).isFalse();
    assertThat(model.moveBy(3)).isTrue();
    assertThat(model.select(99)).isTrue();
    assertThat(model.selected()).isEqualTo(7);
    assertThat(model.compareKey()).isEqualTo(new CompareKey(0, 6, 7, 7));
    model.setMode(CompareMode.AGGREGATED);
    assertThat(model.compareKey()).isEqualTo(new CompareKey(0, 0, 1, 7));
  }
}
