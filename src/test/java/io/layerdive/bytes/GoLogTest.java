package io.layerdive.bytes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoLogTest {

  /** Bits of Go's math.Log (amd64); from 1330681 on, Math.log and StrictMath.log both differ. */
  @ParameterizedTest
  @CsvSource({
    "10, 0x40026bb1bbb55516",
    "1000, 0x401ba18a998fffa0",
    "999999999999999, 0x404144f69ff9ffc4",
    "1000000000000000, 0x404144f69ff9ffc4",
    "1330681, 0x402c33d0ab78022c",
    "22995848, 0x4030f3693795416a",
    "2728, 0x401fa5321fa6070c",
    "5459388, 0x402f0693ea4b7b24",
    "2519, 0x401f53937ab2e468",
    "30187, 0x4024a15d85d442ea",
    "112875204300, 0x403973159ef2db5a",
    "6257425140302130176, 0x4045a3e0e2a387ca",
  })
  void matchesGoBitForBit(long input, String goBits) {
    long expected = Long.parseUnsignedLong(goBits.substring(2), 16);

    assertThat(Double.doubleToRawLongBits(GoLog.log((double) input))).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"0", "-1", "NaN", "Infinity"})
  void rejectsWhatThePackageNeverAsks(double input) {
    assertThatThrownBy(() -> GoLog.log(input)).isInstanceOf(IllegalArgumentException.class);
  }
}
