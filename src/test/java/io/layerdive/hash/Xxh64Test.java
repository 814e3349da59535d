package io.layerdive.hash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Xxh64Test {
  private static final long PRIME32 = 2654435761L;

  /** The 101-byte buffer of the reference sanity check: byte = gen >>> 24, gen *= gen (32-bit). */
  private static byte[] sanityBuffer() {
    byte[] b = new byte[101];
    int gen = (int) PRIME32;
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) (gen >>> 24);
      gen *= gen;
    }
    return b;
  }

  private static long oneShot(byte[] data, int length, long seed) {
    Xxh64 h = new Xxh64(seed);
    h.update(data, 0, length);
    return h.digest();
  }

  @Test
  void matchesTheReferenceSanityVectors() {
    byte[] s = sanityBuffer();
    assertThat(oneShot(s, 0, 0)).isEqualTo(0xEF46DB3751D8E999L);
    assertThat(oneShot(s, 0, PRIME32)).isEqualTo(0xAC75FDA2929B17EFL);
    assertThat(oneShot(s, 1, 0)).isEqualTo(0x4FCE394CC88952D8L);
    assertThat(oneShot(s, 1, PRIME32)).isEqualTo(0x739840CB819FA723L);
    assertThat(oneShot(s, 14, 0)).isEqualTo(0xCFFA8DB881BC3A3DL);
    assertThat(oneShot(s, 14, PRIME32)).isEqualTo(0x5B9611585EFCC9CBL);
    assertThat(oneShot(s, 101, 0)).isEqualTo(0x0EAB543384F878ADL);
    assertThat(oneShot(s, 101, PRIME32)).isEqualTo(0xCAA65939306F1E21L);
  }

  @Test
  void matchesPublishedTextVectors() {
    assertThat(text("")).isEqualTo(Xxh64.EMPTY);
    assertThat(text("a")).isEqualTo(0xD24EC4F1A98C6E5BL);
    assertThat(text("abc")).isEqualTo(0x44BC2CF5AD770999L);
    assertThat(text("Nobody inspects the spammish repetition")).isEqualTo(0xFBCEA83C8A378BF1L);
  }

  private static long text(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    return Xxh64.hash(b, 0, b.length);
  }

  @Test
  void anySplitOfTheInputGivesTheSameHash() {
    Random random = new Random(7);
    byte[] data = new byte[1000];
    random.nextBytes(data);
    for (int length : new int[] {0, 1, 3, 4, 7, 8, 31, 32, 33, 63, 64, 65, 100, 1000}) {
      long expected = Xxh64.hash(data, 0, length);
      Xxh64 byteByByte = new Xxh64();
      for (int i = 0; i < length; i++) byteByByte.update(data, i, 1);
      assertThat(byteByByte.digest()).as("length %d byte by byte", length).isEqualTo(expected);
      Xxh64 chunked = new Xxh64();
      int i = 0;
      while (i < length) {
        int n = Math.min(length - i, 1 + random.nextInt(70));
        chunked.update(data, i, n);
        i += n;
      }
      assertThat(chunked.digest()).as("length %d in chunks", length).isEqualTo(expected);
    }
  }

  @Test
  void resetStartsOverAndDigestDoesNotChangeState() {
    byte[] s = sanityBuffer();
    Xxh64 h = new Xxh64();
    h.update(s, 0, 50);
    long first = h.digest();
    assertThat(h.digest()).isEqualTo(first);
    h.reset();
    h.update(s, 0, 101);
    assertThat(h.digest()).isEqualTo(0x0EAB543384F878ADL);
  }
}
