package io.layerdive.image;

import java.util.Locale;
import java.util.regex.Pattern;

/** A content digest such as {@code sha256:4abad3…}, validated on construction. */
public record Digest(String algorithm, String hex) {
  private static final Pattern ALGORITHM = Pattern.compile("[a-z0-9]+([+._-][a-z0-9]+)*");
  private static final Pattern HEX = Pattern.compile("[a-f0-9]{32,}");

  public Digest {
    if (!ALGORITHM.matcher(algorithm).matches() || !HEX.matcher(hex).matches()) {
      throw new IllegalArgumentException("not a digest: " + algorithm + ":" + hex);
    }
  }

  /** Parses {@code algorithm:hex}; the message quotes the bad input. */
  public static Digest parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("not a digest: null");
    }
    int colon = text.indexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException("not a digest: '" + text + "'");
    }
    String algorithm = text.substring(0, colon);
    String hex = text.substring(colon + 1).toLowerCase(Locale.ROOT);
    try {
      return new Digest(algorithm, hex);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a digest: '" + text + "'", e);
    }
  }

  public static Digest sha256(byte[] hash) {
    StringBuilder sb = new StringBuilder(hash.length * 2);
    for (byte b : hash) {
      sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
    }
    return new Digest("sha256", sb.toString());
  }

  /** The first {@code n} hex characters, for narrow columns. */
  public String shortHex(int n) {
    return hex.substring(0, Math.min(n, hex.length()));
  }

  @Override
  public String toString() {
    return algorithm + ":" + hex;
  }
}
