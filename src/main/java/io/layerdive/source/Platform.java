package io.layerdive.source;

import java.util.Locale;

/**
 * An image platform {@code os/architecture[/variant]}, normalised as containerd does so that one
 * platform has one name: {@code x86_64} is {@code amd64}, {@code aarch64}, {@code arm64} and
 * {@code arm64/v8} are one platform, a bare {@code arm} is {@code arm/v7}.
 *
 * @param variant empty when none (or when it is the architecture's default, as v8 for arm64)
 */
public record Platform(String os, String architecture, String variant) {

  /** What a platform of unknown make is: nothing is known, and nothing is asked. */
  public static final Platform NONE = new Platform("", "", "");

  public Platform {
    os = normaliseOs(os == null ? "" : os);
    String arch = architecture == null ? "" : architecture.toLowerCase(Locale.ROOT);
    String var = variant == null ? "" : variant.toLowerCase(Locale.ROOT);
    switch (arch) {
      case "x86_64", "x86-64", "amd64" -> arch = "amd64";
      case "i386", "i486", "i586", "i686", "x86", "386" -> arch = "386";
      case "aarch64", "arm64" -> {
        arch = "arm64";
        if (var.equals("8") || var.equals("v8") || var.equals("v8.0")) var = "";
      }
      case "armhf" -> {
        arch = "arm";
        var = "v7";
      }
      case "armel" -> {
        arch = "arm";
        var = "v6";
      }
      case "arm" -> {
        if (var.isEmpty()) var = "v7";
        else if (var.matches("[5-8]")) var = "v" + var;
      }
      default -> {}
    }
    architecture = arch;
    variant = var;
  }

  /**
   * Parses {@code os/arch[/variant]}, as {@code --platform} takes it.
   *
   * @throws IllegalArgumentException quoting the input and the expected form
   */
  public static Platform parse(String text) {
    String[] parts = text == null ? new String[0] : text.trim().split("/", -1);
    boolean wellFormed = parts.length >= 2 && parts.length <= 3;
    for (String part : parts) wellFormed &= part.matches("[A-Za-z0-9._-]+");
    if (!wellFormed) {
      throw new IllegalArgumentException(
          "--platform: '" + text + "' is not os/arch[/variant] (e.g. linux/amd64, linux/arm/v7)");
    }
    return new Platform(parts[0], parts[1], parts.length == 3 ? parts[2] : "");
  }

  /**
   * The platform a container pulled on this machine would run as: Linux (as Docker Desktop runs
   * Linux containers on macOS and Windows too) on this machine's architecture.
   */
  public static Platform current() {
    return forMachine(System.getProperty("os.arch", ""));
  }

  /** {@link #current()} for a JVM reporting {@code osArch} as {@code os.arch}. */
  static Platform forMachine(String osArch) {
    return new Platform("linux", osArch, "");
  }

  /**
   * Whether an image of platform {@code offered} runs here as this platform asks: same os and
   * architecture, and the same variant unless this one names none.
   */
  public boolean accepts(Platform offered) {
    return os.equals(offered.os)
        && architecture.equals(offered.architecture)
        && (variant.isEmpty() || variant.equals(offered.variant));
  }

  /** Whether the platform is a real one, not an attestation entry ({@code unknown/unknown}). */
  public boolean isKnown() {
    return !os.isEmpty() && !os.equals("unknown") && !architecture.equals("unknown");
  }

  private static String normaliseOs(String os) {
    String o = os.toLowerCase(Locale.ROOT);
    return o.equals("macos") ? "darwin" : o;
  }

  @Override
  public String toString() {
    return os + "/" + architecture + (variant.isEmpty() ? "" : "/" + variant);
  }
}
