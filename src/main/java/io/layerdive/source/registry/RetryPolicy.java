package io.layerdive.source.registry;

import java.time.Duration;
import java.util.Optional;

/**
 * How often and how patiently to retry a request the registry answered with 429, 500, 502, 503 or
 * 504, or whose connection broke: exponential backoff from {@code initialDelay}, capped at {@code
 * maxDelay}. A {@code Retry-After} longer than {@code maxDelay} is not waited for: the request
 * fails at once with the wait in the message.
 *
 * @param maxAttempts attempts in all, at least 1
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay) {
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(10));

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException(
          "retry policy: maxAttempts must be at least 1, not " + maxAttempts);
    }
    if (initialDelay.isNegative() || maxDelay.isNegative()) {
      throw new IllegalArgumentException("retry policy: negative delay");
    }
  }

  /** Retries without waiting, for tests. */
  public static RetryPolicy immediate(int maxAttempts) {
    return new RetryPolicy(maxAttempts, Duration.ZERO, Duration.ZERO);
  }

  /**
   * The wait before attempt {@code attempt + 1}, after {@code attempt} failed ones; empty when the
   * server asks for a longer wait than this policy allows.
   */
  Optional<Duration> delayAfter(int attempt, Optional<Duration> retryAfter) {
    if (retryAfter.isPresent()) {
      return retryAfter.get().compareTo(maxDelay) > 0 ? Optional.empty() : retryAfter;
    }
    long millis = initialDelay.toMillis() << Math.min(20, Math.max(0, attempt - 1));
    return Optional.of(Duration.ofMillis(Math.min(millis, maxDelay.toMillis())));
  }
}
