package io.layerdive.source;

import java.util.Locale;

/**
 * An image platform {@code os/architecture[/variant]}, normalised as container tools name them
 * ({@code x86_64} is {@code amd64}, {@code aarch64} is {@code arm64}).
 *
 * @param variant empty when not given
 */
public record Platform(String os, String architecture, String variant) {

  public Platform {
    os = os == null ? "" : os.toLowerCase(Locale.ROOT);
    architecture = normaliseArchitecture(architecture == null ? "" : architecture);
    variant = variant == null ? "" : variant.toLowerCase(Locale.ROOT);
    if (architecture.equals("arm64") && variant.equals("v8")) variant = "";
  }

  /**
   * Parses {@code os/arch[/variant]}.
   *
   * @throws IllegalArgumentException naming the bad text and the expected form
   */
  public static Platform parse(String text) {
    String[] parts = text == null ? new String[0] : text.trim().split("/", -1);
    if (parts.length < 2 || parts.length > 3) {
      throw new IllegalArgumentException(
          "--platform: '" + text + "' is not os/arch[/variant] (e.g. linux/amd64, linux/arm64/v8)");
    }
    for (String part : parts) {
      if (part.isEmpty() || !part.matches("[A-Za-z0-9._-]+")) {
        throw new IllegalArgumentException(
            "--platform: '" + text + "' is not os/arch[/variant] (e.g. linux/amd64)");
      }
    }
    return new Platform(parts[0], parts[1], parts.length == 3 ? parts[2] : "");
  }

  /** The platform of the machine this runs on, as the JVM reports it. */
  public static Platform current() {
    String osName = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String os;
    if (osName.startsWith("windows")) os = "windows";
    else if (osName.startsWith("mac") || osName.startsWith("darwin")) os = "darwin";
    else if (osName.startsWith("freebsd")) os = "freebsd";
    else os = "linux";
    return new Platform(os, System.getProperty("os.arch", ""), "");
  }

  private static String normaliseArchitecture(String arch) {
    String a = arch.toLowerCase(Locale.ROOT);
    return switch (a) {
      case "x86_64", "x86-64", "amd64" -> "amd64";
      case "aarch64", "arm64" -> "arm64";
      case "x86", "i386", "i486", "i586", "i686" -> "386";
      default -> a;
    };
  }

  /**
   * Whether an image of platform {@code image} serves a request for this platform: same OS and
   * architecture, and the same variant when this one names a variant.
   */
  public boolean accepts(Platform image) {
    return os.equals(image.os)
        && architecture.equals(image.architecture)
        && (variant.isEmpty() || variant.equals(image.variant));
  }

  @Override
  public String toString() {
    return os + "/" + architecture + (variant.isEmpty() ? "" : "/" + variant);
  }
}
