package io.layerdive.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoJsonFloatTest {

  @ParameterizedTest
  @CsvSource({
    "0.9844212134184309, 0.9844212134184309",
    "1.0, 1",
    "0.75, 0.75",
    "0.4834911001404049, 0.4834911001404049",
    "1e-7, 1e-7",
    "1e-6, 0.000001",
    "1e21, 1e+21",
    "1e20, 100000000000000000000",
    "2e23, 2e+23",
    "4.9e-324, 5e-324",
    "1.7976931348623157e308, 1.7976931348623157e+308",
    "-0.75, -0.75",
  })
  void writesLikeGo(double value, String expected) {
    assertThat(GoJsonFloat.format(value)).isEqualTo(expected);
  }

  @Test
  void zeroHasNoFraction() {
    assertThat(GoJsonFloat.format(0.0)).isEqualTo("0");
  }

  @Test
  void refusesWhatJsonCannotHold() {
    assertThatThrownBy(() -> GoJsonFloat.format(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> GoJsonFloat.format(Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * 4000 doubles (edge cases, random bit patterns, ratios) with what Go 1.19's json.Marshal wrote.
   */
  @Test
  void matchesGoOnRecordedVectors() throws IOException {
    List<String> mismatches = new ArrayList<>();
    int checked = 0;
    try (InputStream in = getClass().getResourceAsStream("/vectors/go-json-float64.tsv");
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String[] cols = line.split("\t");
        double value = Double.longBitsToDouble(Long.parseUnsignedLong(cols[0], 16));
        String actual = GoJsonFloat.format(value);
        if (!actual.equals(cols[1])) mismatches.add(cols[0] + " go=" + cols[1] + " ours=" + actual);
        checked++;
      }
    }
    assertThat(checked).isEqualTo(4000);
    assertThat(mismatches).isEmpty();
  }
}
