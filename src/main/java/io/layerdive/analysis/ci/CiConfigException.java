package io.layerdive.analysis.ci;

import java.util.List;

/** The CI rules are configured wrongly; the message names each rule and value, one per line. */
public final class CiConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  public CiConfigException(List<String> problems) {
    super(String.join("\n", problems));
    this.problems = List.copyOf(problems);
  }

  public CiConfigException(String problem) {
    this(List.of(problem));
  }

  public CiConfigException(String problem, Throwable cause) {
    super(problem, cause);
    this.problems = List.of(problem);
  }

  /** Each problem found, e.g. {@code lowestEfficiency: "1.1" is outside 0..1 …}. */
  public List<String> problems() {
    return problems;
  }
}
