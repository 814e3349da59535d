package io.layerdive.source.extract;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The head of one file of a layer, for the viewer.
 *
 * @param path the image path, with a leading slash
 * @param size the whole file's size
 * @param head the first bytes, at most what was asked for
 * @param truncated whether the file goes on beyond {@code head}
 */
public record FilePreview(String path, long size, byte[] head, boolean truncated) {
  private static final int SNIFF_BYTES = 8000;

  /**
   * Binary, as git decides it: a NUL byte early on; also text that is neither UTF-8 nor mostly
   * printable single bytes.
   */
  public boolean isBinary() {
    int n = Math.min(head.length, SNIFF_BYTES);
    for (int i = 0; i < n; i++) {
      if (head[i] == 0) {
        return true;
      }
    }
    return utf8().isEmpty() && controlShare() > 0.1;
  }

  /** The head as text: UTF-8, or Latin-1 when it is not UTF-8; a cut-off last character dropped. */
  public String text() {
    return utf8().orElseGet(() -> new String(head, StandardCharsets.ISO_8859_1));
  }

  private Optional<String> utf8() {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(head);
    CharBuffer out = CharBuffer.allocate(head.length);
    var result = decoder.decode(in, out, !truncated);
    if (result.isError()) {
      return Optional.empty();
    }
    // An underflow with bytes left means a character cut by the size limit: drop it.
    if (!truncated) {
      var flush = decoder.flush(out);
      if (flush.isError()) {
        return Optional.empty();
      }
    }
    out.flip();
    return Optional.of(out.toString());
  }

  private double controlShare() {
    if (head.length == 0) {
      return 0;
    }
    int control = 0;
    for (byte b : head) {
      int c = b & 0xff;
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1b && c != '\b') {
        control++;
      }
    }
    return (double) control / head.length;
  }
}
