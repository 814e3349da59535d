package io.layerdive.bytes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HumanBytesTest {

  @ParameterizedTest
  @CsvSource({
    "0, 0 B",
    "9, 9 B",
    "10, 10 B",
    "131, 131 B",
    "999, 999 B",
    "1000, 1.0 kB",
    "1499, 1.5 kB",
    "6405, 6.4 kB",
    "9249, 9.2 kB",
    "9950, 10 kB",
    "10500, 10 kB",
    "12810, 13 kB",
    "32025, 32 kB",
    "99999, 100 kB",
    "999999, 1000 kB",
    "999950, 1000 kB",
    "1000000, 1.0 MB",
    "1220598, 1.2 MB",
    "4277894, 4.3 MB",
    "9999500, 10 MB",
    "1000000000, 1.0 GB",
    "999999999999999, 1.0 PB",
    "9223372036854775807, 9.2 EB",
  })
  void formatsLikeGoHumanize(long bytes, String expected) {
    assertThat(HumanBytes.format(bytes)).isEqualTo(expected);
  }

  @Test
  void formatsEveryBorderlineValueAsGoDoes() throws IOException {
    List<String> mismatches = new ArrayList<>();
    List<String> lines = vectors();
    for (String line : lines) {
      String[] fields = line.split("\t");
      String actual = HumanBytes.format(Long.parseLong(fields[0]));
      if (!actual.equals(fields[1])) {
        mismatches.add(fields[0] + ": expected " + fields[1] + " but was " + actual);
      }
    }

    assertThat(lines).hasSizeGreaterThan(1000);
    assertThat(mismatches).isEmpty();
  }

  @Test
  void rejectsNegativeCounts() {
    assertThatThrownBy(() -> HumanBytes.format(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1");
  }

  /** Expected values are what go-humanize's ParseBytes returns for the same text. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "0|0",
        "42|42",
        "1B|1",
        "1b|1",
        "20MB|20000000",
        "20Mb|20000000",
        "19Mb|19000000",
        "50kB|50000",
        "50KB|50000",
        "1.5 MB|1500000",
        "1.5 mib|1572864",
        "42 MiB|44040192",
        "1k|1000",
        "1ki|1024",
        "1KiB|1024",
        "1m|1000000",
        "1GiB|1073741824",
        "1tib|1099511627776",
        "1pib|1125899906842624",
        "1eb|1000000000000000000",
        "1eib|1152921504606846976",
        "8eb|8000000000000000000",
        "1,000|1000",
        "1,000 kB|1000000",
        "1,5MB|15000000",
        "0.0015 kB|1",
        ".5k|500",
        "5.|5",
        "5.k|5000",
        "'20 MB '|20000000",
        "20  MB|20000000",
        "0.9|0",
        "1.9999|1",
      })
  void parsesLikeGoHumanize(String text, long expected) {
    assertThat(HumanBytes.parse(text)).isEqualTo(expected);
  }

  @Test
  void parsesATabBeforeTheUnit() {
    assertThat(HumanBytes.parse("20\tMB")).isEqualTo(20_000_000L);
  }

  @Test
  void saturatesSizesBeyondALong() {
    // Go returns 9300000000000000000 and 17293822569102704640 as uint64.
    assertThat(HumanBytes.parse("9.3eb")).isEqualTo(Long.MAX_VALUE);
    assertThat(HumanBytes.parse("15eib")).isEqualTo(Long.MAX_VALUE);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "not_a_size|does not start with a number",
        "' 20MB'|does not start with a number",
        "-1MB|does not start with a number",
        "''|does not start with a number",
        ".|does not start with a number",
        "1.2.3|does not start with a number",
        "MB|does not start with a number",
        "20XB|unknown unit \"xb\"",
        "20 M B|unknown unit \"m b\"",
        "1e5|unknown unit \"e5\"",
        "0x10|unknown unit \"x10\"",
        "20MBs|unknown unit \"mbs\"",
        "16eib|too large",
        "18.5eb|too large",
        "999999999999999999999|too large",
      })
  void rejectsWhatGoHumanizeRejects(String text, String problem) {
    assertThatThrownBy(() -> HumanBytes.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("size \"" + text + "\": ")
        .hasMessageContaining(problem);
  }

  private static List<String> vectors() throws IOException {
    try (InputStream in =
        HumanBytesTest.class.getResourceAsStream("/vectors/go-humanize-bytes.tsv")) {
      assertThat(in).as("test resource vectors/go-humanize-bytes.tsv").isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .toList();
    }
  }
}
