package io.layerdive.ui.lanterna;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Osc52Test {
  private static String sequence(String text) {
    return new String(Osc52.set(text), StandardCharsets.US_ASCII);
  }

  @Test
  void thePathTravelsAsBase64OfItsUtf8Bytes() {
    assertThat(sequence("/etc/passwd")).isEqualTo("\u001b]52;c;L2V0Yy9wYXNzd2Q=\u0007");
    assertThat(sequence("/opt/日本")).isEqualTo("\u001b]52;c;L29wdC/ml6XmnKw=\u0007");
  }

  @Test
  void aLongTextIsCutToWhatTerminalsAccept() {
    String sent = sequence("x".repeat(Osc52.MAX_TEXT_BYTES + 100));
    String payload = sent.substring("\u001b]52;c;".length(), sent.length() - 1);
    assertThat(java.util.Base64.getDecoder().decode(payload)).hasSize(Osc52.MAX_TEXT_BYTES);
  }
}
