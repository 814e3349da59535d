package io.layerdive.source;

import java.util.Objects;
import java.util.Optional;

/**
 * Whether a source can read its image's layers again after the load, and how; when it cannot (an
 * archive read once from a pipe), why, in words for the user.
 */
public record Reopening(Optional<LayerReopener> reopener, String whyNot) {
  public Reopening {
    Objects.requireNonNull(reopener);
    Objects.requireNonNull(whyNot);
  }

  public static Reopening by(LayerReopener reopener) {
    return new Reopening(Optional.of(reopener), "");
  }

  public static Reopening impossible(String whyNot) {
    return new Reopening(Optional.empty(), whyNot);
  }
}
