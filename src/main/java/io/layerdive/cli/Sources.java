package io.layerdive.cli;

import io.layerdive.source.ImageReadException;
import io.layerdive.source.ImageSource;
import io.layerdive.source.Platform;
import io.layerdive.source.SourceSpec;
import io.layerdive.source.archive.DockerArchiveSource;
import io.layerdive.source.oci.OciLayoutSource;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The sources this build can read, chosen from {@code --source}, the IMAGE's scheme or content, or
 * {@code --demo}. All the wiring of source packages into the program is here.
 */
final class Sources implements SourceOpener {

  @Override
  public ImageSource open(ImageRequest request) throws UsageException, ImageReadException {
    Optional<SourceSpec.Kind> forced = kind(request.source());
    Optional<Platform> platform = platform(request.platform());
    if (request.demo()) {
      return DemoSource.open();
    }
    String name = request.image().orElseThrow();
    SourceSpec spec = SourceSpec.parse(name, forced);
    return switch (spec.kind()) {
      case DOCKER_ARCHIVE -> DockerArchiveSource.file(Path.of(spec.target()), name);
      case OCI -> OciLayoutSource.of(Path.of(spec.target()), name, platform);
      case DOCKER, PODMAN, REGISTRY ->
          throw new ImageReadException(
              name
                  + ": reading from "
                  + spec.kind().scheme()
                  + " is not in this build; save the image to a file (docker save -o app.tar "
                  + spec.target()
                  + ") and open that");
    };
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
      throw new UsageException("--platform: " + e.getMessage(), e);
    }
  }
}
