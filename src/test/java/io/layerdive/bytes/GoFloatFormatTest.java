package io.layerdive.bytes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoFloatFormatTest {

  @ParameterizedTest
  @CsvSource({
    "0.125, 2, 0.12", // exact tie: Go rounds half to even
    "0.375, 2, 0.38",
    "10.5, 0, 10",
    "11.5, 0, 12",
    "1.005, 2, 1.00", // the double is just below 1.005
    "98.44212134184309, 2, 98.44",
    "48.34911001404049, 2, 48.35",
    "0.7197802197802198, 2, 0.72",
    "100, 2, 100.00",
    "-0.001, 2, -0.00",
    "-0.0, 2, -0.00",
    "Infinity, 2, +Inf",
    "-Infinity, 1, -Inf",
    "NaN, 2, NaN",
  })
  void fixedRoundsLikeGo(double value, int decimals, String expected) {
    assertThat(GoFloatFormat.fixed(value, decimals)).isEqualTo(expected);
  }

  /** Expected texts are what Go's fmt prints for %v. */
  @ParameterizedTest
  @CsvSource({
    "0.9, 0.9",
    "0.1, 0.1",
    "0.95, 0.95",
    "1, 1",
    "100, 100",
    "123456, 123456",
    "1000000, 1e+06",
    "1234567, 1.234567e+06",
    "0.0001, 0.0001",
    "0.00001, 1e-05",
    "0.30000000000000004, 0.30000000000000004",
    "4.9e-324, 5e-324",
    "-0.0, -0",
    "-0.5, -0.5",
    "Infinity, +Inf",
    "NaN, NaN",
  })
  void shortestPrintsLikeGoPercentV(double value, String expected) {
    assertThat(GoFloatFormat.shortest(value)).isEqualTo(expected);
  }
}
