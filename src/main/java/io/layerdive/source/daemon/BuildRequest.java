package io.layerdive.source.daemon;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code layerdive build} asks the daemon to build: the usual {@code docker build} arguments.
 *
 * @param context the build context directory
 * @param dockerfile the Dockerfile, when not {@code CONTEXT/Dockerfile}; may lie outside the context
 * @param buildArgs {@code --build-arg}s in the order given
 */
public record BuildRequest(
    Path context,
    Optional<Path> dockerfile,
    List<String> tags,
    Map<String, String> buildArgs,
    Optional<String> target,
    boolean noCache,
    boolean pull,
    Map<String, String> labels,
    Optional<String> platform,
    Optional<String> network,
    List<String> extraHosts,
    List<String> cacheFrom) {

  public BuildRequest {
    tags = List.copyOf(tags);
    buildArgs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(buildArgs));
    labels = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    extraHosts = List.copyOf(extraHosts);
    cacheFrom = List.copyOf(cacheFrom);
  }

  /** A build of {@code context} with its own Dockerfile and nothing else set. */
  public static BuildRequest of(Path context) {
    return new BuildRequest(
        context, Optional.empty(), List.of(), Map.of(), Optional.empty(), false, false, Map.of(),
        Optional.empty(), Optional.empty(), List.of(), List.of());
  }
}
