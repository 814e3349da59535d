package io.layerdive.source.daemon;

/** The two kinds of daemon that speak the Docker Engine API. */
public enum Engine {
  DOCKER("Docker daemon", "DOCKER_HOST"),
  PODMAN("Podman service", "CONTAINER_HOST");

  private final String displayName;
  private final String hostVariable;

  Engine(String displayName, String hostVariable) {
    this.displayName = displayName;
    this.hostVariable = hostVariable;
  }

  /** "Docker daemon", "Podman service": how messages name it. */
  public String displayName() {
    return displayName;
  }

  /** The environment variable that names this engine's host. */
  public String hostVariable() {
    return hostVariable;
  }
}
