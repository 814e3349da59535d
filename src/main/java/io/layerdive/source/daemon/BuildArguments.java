package io.layerdive.source.daemon;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Parses {@code docker build} arguments as the docker CLI takes them ({@code -t x}, {@code -tx},
 * {@code --tag=x}, {@code --build-arg K} taking K from the environment), so that {@code layerdive
 * build} is a drop-in for {@code docker build}. Errors are {@link IllegalArgumentException}s with a
 * message for the user.
 */
public final class BuildArguments {
  private static final Set<String> WITH_VALUE =
      Set.of(
          "-t", "--tag", "-f", "--file", "--build-arg", "--target", "--label", "--platform",
          "--network", "--add-host", "--cache-from", "--progress");
  private static final Set<String> FLAGS =
      Set.of("--no-cache", "--pull", "-q", "--quiet", "--rm", "--force-rm");
  private static final Map<String, String> UNSUPPORTED =
      Map.of(
          "--secret", "build secrets need BuildKit",
          "--ssh", "SSH forwarding needs BuildKit",
          "-o", "layerdive opens the built image itself",
          "--output", "layerdive opens the built image itself",
          "--push", "layerdive opens the built image itself",
          "--load", "the image is always kept in the daemon",
          "--squash", "squashing hides the layers layerdive is there to show");

  private BuildArguments() {}

  /**
   * @param workingDirectory what relative paths are relative to
   * @param env where {@code --build-arg NAME} without a value takes NAME's value from
   */
  public static BuildRequest parse(
      List<String> args, Path workingDirectory, Map<String, String> env) {
    Optional<Path> dockerfile = Optional.empty();
    List<String> tags = new ArrayList<>();
    Map<String, String> buildArgs = new LinkedHashMap<>();
    Map<String, String> labels = new LinkedHashMap<>();
    Optional<String> target = Optional.empty();
    Optional<String> platform = Optional.empty();
    Optional<String> network = Optional.empty();
    List<String> hosts = new ArrayList<>();
    List<String> cacheFrom = new ArrayList<>();
    boolean noCache = false;
    boolean pull = false;
    List<String> positional = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--")) {
        positional.addAll(args.subList(i + 1, args.size()));
        break;
      }
      if (!arg.startsWith("-") || arg.equals("-")) {
        positional.add(arg);
        continue;
      }
      String name = arg;
      String value = null;
      int eq = arg.indexOf('=');
      if (arg.startsWith("--") && eq > 0) {
        name = arg.substring(0, eq);
        value = arg.substring(eq + 1);
      } else if (!arg.startsWith("--") && arg.length() > 2) {
        name = arg.substring(0, 2);
        value = arg.substring(arg.charAt(2) == '=' ? 3 : 2);
      }
      if (UNSUPPORTED.containsKey(name)) {
        throw new IllegalArgumentException(
            "build: " + name + " is not supported (" + UNSUPPORTED.get(name) + ")");
      }
      if (FLAGS.contains(name)) {
        boolean on = value == null || !value.equals("false");
        switch (name) {
          case "--no-cache" -> noCache = on;
          case "--pull" -> pull = on;
          default -> {} // output and clean-up flags: layerdive shows the steps and keeps no containers
        }
        continue;
      }
      if (!WITH_VALUE.contains(name)) {
        throw new IllegalArgumentException("build: unknown option " + name + " (supported: -t,"
            + " -f, --build-arg, --target, --label, --platform, --network, --add-host,"
            + " --cache-from, --no-cache, --pull, CONTEXT)");
      }
      if (value == null) {
        if (i + 1 >= args.size()) {
          throw new IllegalArgumentException("build: " + name + " needs a value");
        }
        value = args.get(++i);
      }
      switch (name) {
        case "-t", "--tag" -> tags.add(value);
        case "-f", "--file" -> dockerfile = Optional.of(value.equals("-")
            ? Path.of("-")
            : workingDirectory.resolve(value).normalize());
        case "--build-arg" -> putBuildArg(buildArgs, value, env);
        case "--label" -> {
          int e = value.indexOf('=');
          labels.put(e < 0 ? value : value.substring(0, e), e < 0 ? "" : value.substring(e + 1));
        }
        case "--target" -> target = Optional.of(value);
        case "--platform" -> platform = Optional.of(value);
        case "--network" -> network = Optional.of(value);
        case "--add-host" -> hosts.add(value);
        case "--cache-from" -> cacheFrom.add(value);
        default -> {} // --progress: layerdive shows the daemon's own lines
      }
    }
    if (positional.size() != 1) {
      throw new IllegalArgumentException(positional.isEmpty()
          ? "build: no build context given; write layerdive build [OPTIONS] PATH, as for docker build"
          : "build: one build context expected, got " + positional);
    }
    String contextArg = positional.get(0);
    if (contextArg.equals("-") || contextArg.contains("://") || contextArg.startsWith("git@")) {
      throw new IllegalArgumentException("build: " + contextArg + ": only a local directory can be"
          + " the build context");
    }
    if (dockerfile.isPresent() && dockerfile.get().toString().equals("-")) {
      throw new IllegalArgumentException("build: -f -: a Dockerfile from standard input is not"
          + " supported; give its path");
    }
    Path context = workingDirectory.resolve(contextArg).normalize();
    if (!Files.isDirectory(context)) {
      throw new IllegalArgumentException("build: " + contextArg + ": no such directory");
    }
    Path file = dockerfile.orElse(context.resolve("Dockerfile"));
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("build: " + file + ": no such Dockerfile");
    }
    return new BuildRequest(context, dockerfile, tags, buildArgs, target, noCache, pull, labels,
        platform, network, hosts, cacheFrom);
  }

  private static void putBuildArg(Map<String, String> buildArgs, String value, Map<String, String> env) {
    int eq = value.indexOf('=');
    if (eq >= 0) {
      buildArgs.put(value.substring(0, eq), value.substring(eq + 1));
    } else if (env.containsKey(value)) {
      // As docker does: NAME alone takes the value from the environment, and is left out when unset.
      buildArgs.put(value, env.get(value));
    }
  }
}
