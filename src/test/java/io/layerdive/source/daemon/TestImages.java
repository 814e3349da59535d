package io.layerdive.source.daemon;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.layerdive.source.ImageReadException;
import io.layerdive.source.LoadListener;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The images the daemon tests read, built through the daemon from the Dockerfiles in the test
 * resources. The base image is built from Debian's static busybox when the daemon lacks it, since
 * no public registry is reachable to pull one.
 */
final class TestImages {
  static final String BASE = "ld-busybox:1.35";
  static final String LAYERED = "ld-daemon-it/layered:1";

  private TestImages() {}

  static DaemonEndpoint docker() throws ImageReadException {
    return new EndpointResolver(HostEnvironment.current()).resolve(Engine.DOCKER);
  }

  static void ensureBase(DaemonEndpoint endpoint) throws Exception {
    if (DockerCli.run(Map.of(), "image", "inspect", BASE).exit() == 0) {
      return;
    }
    Path busybox = Path.of("/bin/busybox");
    assumeTrue(Files.isExecutable(busybox),
        BASE + " is missing and /bin/busybox (Debian's busybox-static) is not there to build it");
    Path context = Files.createTempDirectory("ld-base");
    try {
      Files.copy(busybox, context.resolve("busybox"));
      Files.writeString(context.resolve("Dockerfile"),
          "FROM scratch\nCOPY busybox /bin/busybox\n"
              + "RUN [\"/bin/busybox\", \"--install\", \"-s\", \"/bin\"]\nCMD [\"sh\"]\n");
      BuildRequest request = BuildArguments.parse(
          List.of("-t", BASE, context.toString()), context, Map.of());
      new ImageBuilder(endpoint).build(request, LoadListener.NONE);
    } finally {
      deleteTree(context);
    }
  }

  /** Builds {@code resources/daemon/<name>} with extra {@code docker build} arguments. */
  static String build(DaemonEndpoint endpoint, String name, String... args) throws Exception {
    ensureBase(endpoint);
    Path context = resource("daemon/" + name);
    List<String> all = new java.util.ArrayList<>(List.of(args));
    all.add(context.toString());
    return new ImageBuilder(endpoint).build(
        BuildArguments.parse(all, context, Map.of()), LoadListener.NONE);
  }

  static Path resource(String name) throws URISyntaxException {
    return Path.of(TestImages.class.getClassLoader().getResource(name).toURI());
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
