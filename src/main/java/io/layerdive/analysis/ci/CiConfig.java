package io.layerdive.analysis.ci;

import java.util.Objects;

/**
 * The configured value of each rule, as text: what the user wrote is what dive prints on PASS
 * ("0.90" stays "0.90"). Build from {@link #defaults()}, a {@code .dive-ci} file ({@link
 * DiveCiFile}) and flags ({@code with…}); {@link CiRules#from} checks the values.
 *
 * <p>dive's precedence, for callers that want it: when a {@code .dive-ci} file exists, its values
 * (with defaults for the keys it lacks) replace everything else, flags included.
 */
public record CiConfig(
    String lowestEfficiency,
    String highestWastedBytes,
    String highestUserWastedPercent,
    String highestReclaimableBytes) {

  public static final String DISABLED = DisabledRule.DISABLED;

  public CiConfig {
    Objects.requireNonNull(lowestEfficiency, "lowestEfficiency");
    Objects.requireNonNull(highestWastedBytes, "highestWastedBytes");
    Objects.requireNonNull(highestUserWastedPercent, "highestUserWastedPercent");
    Objects.requireNonNull(highestReclaimableBytes, "highestReclaimableBytes");
  }

  /** dive's defaults: efficiency 0.9, wasted bytes disabled, user wasted 0.1; ours disabled. */
  public static CiConfig defaults() {
    return new CiConfig("0.9", DISABLED, "0.1", DISABLED);
  }

  public CiConfig withLowestEfficiency(String value) {
    return new CiConfig(
        value, highestWastedBytes, highestUserWastedPercent, highestReclaimableBytes);
  }

  public CiConfig withHighestWastedBytes(String value) {
    return new CiConfig(lowestEfficiency, value, highestUserWastedPercent, highestReclaimableBytes);
  }

  public CiConfig withHighestUserWastedPercent(String value) {
    return new CiConfig(lowestEfficiency, highestWastedBytes, value, highestReclaimableBytes);
  }

  public CiConfig withHighestReclaimableBytes(String value) {
    return new CiConfig(lowestEfficiency, highestWastedBytes, highestUserWastedPercent, value);
  }
}
