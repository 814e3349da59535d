package io.layerdive.source.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What the daemon lookup reads from the machine: environment variables, the home directory and
 * whether we run as root. A value so the lookup can be tested with a fake environment.
 *
 * @param uid the user id, or -1 when unknown
 */
public record HostEnvironment(Map<String, String> variables, Path home, int uid) {
  public HostEnvironment {
    variables = Map.copyOf(variables);
  }

  /** This process's environment. */
  public static HostEnvironment current() {
    return new HostEnvironment(
        System.getenv(), Path.of(System.getProperty("user.home", "/")), currentUid());
  }

  /** This machine's home and user, with {@code variables} in place of the process's environment. */
  public HostEnvironment withVariables(Map<String, String> variables) {
    return new HostEnvironment(variables, home, uid);
  }

  /** A variable's value, absent when unset or empty (as the docker CLI treats empty ones). */
  public Optional<String> variable(String name) {
    String value = variables.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  public boolean isRoot() {
    return uid == 0;
  }

  /** The docker CLI's configuration directory: {@code $DOCKER_CONFIG} or {@code ~/.docker}. */
  public Path dockerConfigDir() {
    return variable("DOCKER_CONFIG").map(Path::of).orElse(home.resolve(".docker"));
  }

  /** {@code $XDG_RUNTIME_DIR}, or {@code /run/user/<uid>} where systemd would put it. */
  public Path runtimeDir() {
    return variable("XDG_RUNTIME_DIR").map(Path::of).orElse(Path.of("/run/user/" + uid));
  }

  private static int currentUid() {
    try {
      return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }
}
