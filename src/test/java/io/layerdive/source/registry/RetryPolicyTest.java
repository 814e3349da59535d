package io.layerdive.source.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private final RetryPolicy policy =
      new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(4));

  @Test
  void doublesUpToTheCap() {
    assertThat(policy.delayAfter(1, Optional.empty())).contains(Duration.ofMillis(500));
    assertThat(policy.delayAfter(2, Optional.empty())).contains(Duration.ofMillis(1000));
    assertThat(policy.delayAfter(3, Optional.empty())).contains(Duration.ofMillis(2000));
    assertThat(policy.delayAfter(4, Optional.empty())).contains(Duration.ofMillis(4000));
    assertThat(policy.delayAfter(40, Optional.empty())).contains(Duration.ofMillis(4000));
  }

  @Test
  void retryAfterIsHonouredOrRefused() {
    assertThat(policy.delayAfter(1, Optional.of(Duration.ofSeconds(3))))
        .contains(Duration.ofSeconds(3));
    assertThat(policy.delayAfter(1, Optional.of(Duration.ofSeconds(3600)))).isEmpty();
  }
}
