package io.layerdive.cli;

import io.layerdive.cache.CacheSettings;
import io.layerdive.source.ImageReadException;
import io.layerdive.source.ImageReference;
import io.layerdive.source.ImageSource;
import io.layerdive.source.LayerBlobReader;
import io.layerdive.source.LayerCache;
import io.layerdive.source.LoadListener;
import io.layerdive.source.Platform;
import io.layerdive.source.SourceSpec;
import io.layerdive.source.archive.DockerArchiveSource;
import io.layerdive.source.daemon.BuildRequest;
import io.layerdive.source.daemon.DaemonEndpoint;
import io.layerdive.source.daemon.DaemonSource;
import io.layerdive.source.daemon.EndpointResolver;
import io.layerdive.source.daemon.Engine;
import io.layerdive.source.daemon.HostEnvironment;
import io.layerdive.source.daemon.ImageBuilder;
import io.layerdive.source.oci.OciLayoutSource;
import io.layerdive.source.registry.RegistryOptions;
import io.layerdive.source.registry.RegistrySource;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The sources this build can read, chosen from {@code --source}, the IMAGE's scheme or content, or
 * {@code --demo}. All the wiring of source packages into the program is here.
 */
final class Sources implements SourceOpener {
  /** How messages name standard input. */
  private static final String STDIN = "stdin";

  private final HostEnvironment host;
  private final Consumer<String> notice;

  /**
   * @param host the environment the daemon and registry settings come from
   * @param notice receives one-line notices for the user (a fallback from the daemon)
   */
  Sources(HostEnvironment host, Consumer<String> notice) {
    this.host = host;
    this.notice = notice;
  }

  /** Sources for the program's environment: notices on stderr, but not over the explorer. */
  static Sources forEnvironment(CliEnvironment env) {
    return new Sources(
        HostEnvironment.current().withVariables(env.env()),
        env.interactive() ? message -> {} : message -> env.err().println("layerdive: " + message));
  }

  @Override
  public ImageSource open(ImageRequest request) throws UsageException, ImageReadException {
    Optional<SourceSpec.Kind> forced = kind(request.source());
    Optional<Platform> platform = platform(request.platform());
    if (request.demo()) {
      return DemoSource.open();
    }
    String name = request.image().orElseThrow();
    SourceSpec spec = SourceSpec.parse(name, forced);
    LayerCache cache = cache(request);
    if (spec.isStandardInput()) return standardInput(spec, cache);
    return switch (spec.kind()) {
      case DOCKER_ARCHIVE ->
          DockerArchiveSource.file(
              Path.of(spec.target()), name, LayerBlobReader.defaultThreads(), cache);
      case OCI ->
          OciLayoutSource.of(
              Path.of(spec.target()), name, platform, LayerBlobReader.defaultThreads(), cache);
      case DOCKER -> docker(name, spec.target(), request, platform, cache);
      case PODMAN ->
          DaemonSource.of(
                  Engine.PODMAN,
                  spec.target(),
                  request.pull(),
                  new DaemonArchiveReader(cache),
                  host)
              .withCache(cache);
      case REGISTRY -> registry(spec.target(), request, platform, cache);
    };
  }

  @Override
  public String build(BuildRequest request, Consumer<String> output) throws ImageReadException {
    DaemonEndpoint endpoint = new EndpointResolver(host).resolve(Engine.DOCKER);
    return new ImageBuilder(endpoint)
        .build(
            request,
            new LoadListener() {
              @Override
              public void phase(String line) {
                output.accept(line);
              }
            });
  }

  /**
   * {@code -}: a saved image on standard input. Through {@code /dev/stdin} where there is one, so
   * that an archive redirected from a file ({@code layerdive - < app.tar}) is indexed and read in
   * parallel like any file, and a pipe is read in one pass.
   */
  private static ImageSource standardInput(SourceSpec spec, LayerCache cache)
      throws UsageException {
    if (spec.kind() != SourceSpec.Kind.DOCKER_ARCHIVE) {
      throw new UsageException(
          "an OCI layout cannot be read from standard input; give its directory or tar file");
    }
    Path stdin = Path.of("/dev/stdin");
    if (Files.exists(stdin)) {
      if (isTerminal(stdin)) {
        // Reading would wait for an archive typed at the keyboard.
        throw new UsageException(
            "standard input is a terminal, not an image: pipe one in, e.g. docker save IMAGE |"
                + " layerdive -");
      }
      return DockerArchiveSource.file(stdin, STDIN, LayerBlobReader.defaultThreads(), cache);
    }
    InputStream in = new FileInputStream(FileDescriptor.in);
    return DockerArchiveSource.stream(() -> in, STDIN, cache);
  }

  /** Whether {@code path} leads to a terminal device. */
  static boolean isTerminal(Path path) {
    try {
      String device = path.toRealPath().toString();
      return device.startsWith("/dev/pts/")
          || device.startsWith("/dev/tty")
          || device.equals("/dev/console");
    } catch (IOException e) {
      return false;
    }
  }

  /** The on-disk layer cache the environment names, unless {@code --no-cache}. */
  private LayerCache cache(ImageRequest request) throws UsageException {
    if (!request.cache()) return LayerCache.NONE;
    try {
      return CacheSettings.fromEnvironment(host.variables()).open();
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), e);
    }
  }

  /**
   * The daemon; for a bare name that names a registry host, the registry when no daemon answers.
   */
  private ImageSource docker(
      String name,
      String target,
      ImageRequest request,
      Optional<Platform> platform,
      LayerCache cache)
      throws ImageReadException {
    DaemonSource daemon =
        DaemonSource.of(Engine.DOCKER, target, request.pull(), new DaemonArchiveReader(cache), host)
            .withCache(cache);
    boolean bare = request.source().isEmpty() && !name.contains("://");
    if (!bare || !ImageReference.namesRegistryHost(name)) {
      return daemon;
    }
    return new DaemonOrRegistrySource(
        name, daemon, () -> registry(name, request, platform, cache), notice);
  }

  private ImageSource registry(
      String reference, ImageRequest request, Optional<Platform> platform, LayerCache cache)
      throws ImageReadException {
    RegistryOptions options = RegistryOptions.fromEnvironment(host.variables());
    try {
      if (platform.isPresent()) options = options.withPlatform(platform.get());
      options = options.withInsecureRegistries(request.insecureRegistries());
      if (request.registryCa().isPresent())
        options = options.withCaFile(Path.of(request.registryCa().get()));
      return new RegistrySource(
              ImageReference.parse(reference), options, new RegistryLayerReader(cache))
          .withCache(cache);
    } catch (IllegalArgumentException e) {
      throw new ImageReadException(reference + ": " + e.getMessage(), e);
    }
  }

  private static Optional<SourceSpec.Kind> kind(Optional<String> source) throws UsageException {
    if (source.isEmpty()) return Optional.empty();
    Optional<SourceSpec.Kind> kind = SourceSpec.Kind.named(source.get());
    if (kind.isEmpty()) {
      throw new UsageException(
          "--source: unknown source '"
              + source.get()
              + "' (use "
              + Arrays.stream(SourceSpec.Kind.values())
                  .map(SourceSpec.Kind::scheme)
                  .collect(Collectors.joining(", "))
              + ")");
    }
    return kind;
  }

  private static Optional<Platform> platform(Optional<String> platform) throws UsageException {
    try {
      return platform.map(Platform::parse);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), e);
    }
  }
}
