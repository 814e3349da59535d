package io.layerdive.source.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PullTallyTest {
  @Test
  void sumsLayersAsTheyProgress() {
    PullTally tally = new PullTally("Pulling app:1 into the Docker daemon");
    tally.accept("1", "Pulling from team/app", null, null);
    assertThat(tally.describe()).isEqualTo("Pulling app:1 into the Docker daemon: Pulling from team/app");
    tally.accept("aaa", "Pulling fs layer", null, null);
    tally.accept("bbb", "Already exists", null, null);
    tally.accept("ccc", "Pulling fs layer", null, null);
    tally.accept("aaa", "Downloading", 500_000L, 2_000_000L);
    tally.accept("ccc", "Downloading", 1_000L, 3_000_000L);
    assertThat(tally.describe())
        .isEqualTo("Pulling app:1 into the Docker daemon: 1 of 3 layers, 501 kB of 5.0 MB downloaded");
    tally.accept("aaa", "Download complete", null, null);
    tally.accept("aaa", "Extracting", 100L, 2_000_000L);
    tally.accept("aaa", "Pull complete", null, null);
    assertThat(tally.describe())
        .isEqualTo("Pulling app:1 into the Docker daemon: 2 of 3 layers, 2.0 MB of 5.0 MB downloaded");
  }
}
