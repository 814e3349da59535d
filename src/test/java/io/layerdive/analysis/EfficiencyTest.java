package io.layerdive.analysis;

import static io.layerdive.testing.Layers.dir;
import static io.layerdive.testing.Layers.file;
import static io.layerdive.testing.Layers.files;
import static io.layerdive.testing.Layers.layer;
import static io.layerdive.testing.Layers.whiteout;
import static org.assertj.core.api.Assertions.assertThat;

import io.layerdive.tree.ImageFiles;
import org.junit.jupiter.api.Test;

class EfficiencyTest {

  @Test
  void diveEfficiencyTest_whiteoutOfImpliedDirectoryCostsNothing() {
    // dive's filetree/efficiency_test.go TestEfficiency: score 0.75, one inefficiency of 7000.
    ImageFiles files =
        files(
            layer(file("etc/nginx/nginx.conf", 2000), file("etc/nginx/public", 3000)),
            layer(file("etc/nginx/nginx.conf", 5000), file("etc/athing", 10000)),
            layer(whiteout("etc/nginx")));

    Efficiency.Result result = Efficiency.compute(files);

    assertThat(result.score()).isEqualTo(0.75);
    assertThat(result.inefficiencies())
        .containsExactly(new Inefficiency("/etc/nginx/nginx.conf", 2, 7000, 2000));
  }

  @Test
  void diveScratchImage_emptyFileScoresOne() {
    ImageFiles files = files(layer(file("nothing", 0)), layer(), layer());

    Efficiency.Result result = Efficiency.compute(files);

    assertThat(result.score()).isEqualTo(1.0);
    assertThat(result.inefficiencies()).isEmpty();
  }

  @Test
  void whiteoutOfDirectoryEntryCostsTheRemovedSubtree() {
    ImageFiles files =
        files(
            layer(dir("root"), dir("root/example"), file("root/example/a", 100), file("root/example/b", 50)),
            layer(dir("root"), whiteout("root/example")));

    Efficiency.Result result = Efficiency.compute(files);

    // /root/example: one node (the whiteout) costing 150; min == cumulative, so nothing wasted.
    assertThat(result.inefficiencies()).isEmpty();
    assertThat(result.score()).isEqualTo(1.0);
    assertThat(result.finalFileSystemBytes()).isZero();
  }

  @Test
  void danglingWhiteoutDoesNotStopTheRestOfTheLayer() {
    ImageFiles files =
        files(
            layer(file("a", 10), file("z", 10)),
            layer(whiteout("missing"), file("z", 10)));

    Efficiency.Result result = Efficiency.compute(files);

    // dive would skip /z in layer 1 (it comes after the failing whiteout); we count it.
    assertThat(result.inefficiencies()).containsExactly(new Inefficiency("/z", 2, 20, 10));
  }

  @Test
  void inefficienciesListedLargestFirst() {
    ImageFiles files =
        files(
            layer(file("small", 1), file("big", 100), file("mid", 10)),
            layer(file("small", 1), file("big", 100), file("mid", 10)));

    Efficiency.Result result = Efficiency.compute(files);

    assertThat(result.inefficiencies())
        .extracting(Inefficiency::path)
        .containsExactly("/big", "/mid", "/small");
    assertThat(result.score()).isEqualTo(111.0 / 222.0);
  }
}
