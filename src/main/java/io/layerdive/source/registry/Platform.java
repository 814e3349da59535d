package io.layerdive.source.registry;

import java.util.Locale;

/**
 * An image platform, {@code os/architecture[/variant]}, normalised as containerd does so that
 * {@code aarch64}, {@code arm64} and {@code arm64/v8} are one platform.
 *
 * @param variant empty when none (or when it is the architecture's default, as v8 for arm64)
 */
public record Platform(String os, String architecture, String variant) {

  public Platform {
    os = normaliseOs(os == null ? "" : os);
    String arch = architecture == null ? "" : architecture.toLowerCase(Locale.ROOT);
    String var = variant == null ? "" : variant.toLowerCase(Locale.ROOT);
    switch (arch) {
      case "x86_64", "x86-64", "amd64" -> arch = "amd64";
      case "i386", "x86", "386" -> arch = "386";
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
   * @throws IllegalArgumentException quoting the input
   */
  public static Platform parse(String text) {
    String[] parts = text == null ? new String[0] : text.split("/", -1);
    if (parts.length < 2 || parts.length > 3 || anyBlank(parts)) {
      throw new IllegalArgumentException(
          "--platform '"
              + text
              + "': expected os/arch[/variant], e.g. linux/amd64 or linux/arm/v7");
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

  static Platform forMachine(String osArch) {
    String arch =
        switch (osArch.toLowerCase(Locale.ROOT)) {
          case "amd64", "x86_64" -> "amd64";
          case "aarch64", "arm64" -> "arm64";
          case "x86", "i386", "i486", "i586", "i686" -> "386";
          case "ppc64le" -> "ppc64le";
          default -> osArch.toLowerCase(Locale.ROOT);
        };
    return new Platform("linux", arch, "");
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
  boolean isKnown() {
    return !os.isEmpty() && !os.equals("unknown") && !architecture.equals("unknown");
  }

  private static String normaliseOs(String os) {
    String o = os.toLowerCase(Locale.ROOT);
    return o.equals("macos") ? "darwin" : o;
  }

  private static boolean anyBlank(String[] parts) {
    for (String p : parts) if (p.isBlank()) return true;
    return false;
  }

  @Override
  public String toString() {
    return os + "/" + architecture + (variant.isEmpty() ? "" : "/" + variant);
  }
}
