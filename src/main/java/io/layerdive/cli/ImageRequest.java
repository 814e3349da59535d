package io.layerdive.cli;

import java.util.List;
import java.util.Optional;

/**
 * The image the user asked for.
 *
 * @param image the IMAGE argument as given (a path, a reference, possibly with a scheme); empty
 *     with {@code --demo}
 * @param source the {@code --source} value, when given
 * @param platform the {@code --platform} value ({@code os/arch[/variant]}), when given
 * @param demo whether {@code --demo} asked for the built-in sample image
 * @param pull whether a daemon may pull the image when it does not have it
 * @param insecureRegistries the registry hosts that may be reached over plain HTTP or unverified
 *     TLS
 * @param registryCa a PEM file of CA certificates the registry's TLS may chain to
 * @param cache whether layers may come from and go to the on-disk cache ({@code --no-cache} says
 *     no)
 */
record ImageRequest(
    Optional<String> image,
    Optional<String> source,
    Optional<String> platform,
    boolean demo,
    boolean pull,
    List<String> insecureRegistries,
    Optional<String> registryCa,
    boolean cache) {

  ImageRequest {
    insecureRegistries = List.copyOf(insecureRegistries);
  }

  /** How progress lines and messages name the image. */
  String displayName() {
    return demo ? "demo" : image.orElse("");
  }
}
