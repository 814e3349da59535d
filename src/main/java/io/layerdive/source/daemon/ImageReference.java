package io.layerdive.source.daemon;

import io.layerdive.source.ImageReadException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A {@code NAME[:TAG|@DIGEST]} reference split the way the daemon reads it, so that a pull can
 * name its registry (for credentials) and its tag.
 *
 * @param domain the registry, {@code docker.io} when the name has none
 * @param path the repository inside the registry, {@code library/} added for Docker Hub
 * @param tag the tag; {@code latest} when neither tag nor digest is given
 * @param digest {@code algorithm:hex}, when the reference pins one
 */
public record ImageReference(
    String text, String domain, String path, Optional<String> tag, Optional<String> digest) {
  public static final String DOCKER_HUB = "docker.io";

  private static final Pattern COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
  private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
  private static final Pattern DIGEST = Pattern.compile("[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-fA-F0-9]{32,}");
  private static final Pattern IMAGE_ID = Pattern.compile("(?:sha256:)?[a-f0-9]{12,64}");

  /** Parses what the user typed; the message quotes it and says what is wrong. */
  public static ImageReference parse(String text) throws ImageReadException {
    String rest = text;
    Optional<String> digest = Optional.empty();
    int at = rest.indexOf('@');
    if (at >= 0) {
      digest = Optional.of(rest.substring(at + 1));
      rest = rest.substring(0, at);
      if (!DIGEST.matcher(digest.get()).matches()) {
        throw new ImageReadException(text + ": not an image reference (bad digest '"
            + digest.get() + "'; write NAME@sha256:HEX)");
      }
    }
    Optional<String> tag = Optional.empty();
    int colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
      tag = Optional.of(rest.substring(colon + 1));
      rest = rest.substring(0, colon);
      if (!TAG.matcher(tag.get()).matches()) {
        throw new ImageReadException(text + ": not an image reference (bad tag '" + tag.get()
            + "')");
      }
    }
    String domain = DOCKER_HUB;
    String path = rest;
    int slash = rest.indexOf('/');
    if (slash > 0) {
      String first = rest.substring(0, slash);
      if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
        domain = first;
        path = rest.substring(slash + 1);
      }
    }
    if (domain.equals(DOCKER_HUB) && !path.contains("/")) {
      path = "library/" + path;
    }
    for (String component : path.split("/", -1)) {
      if (!COMPONENT.matcher(component).matches()) {
        String why = component.equals(component.toLowerCase(java.util.Locale.ROOT))
            ? "bad name component '" + component + "'"
            : "repository names must be lowercase";
        throw new ImageReadException(text + ": not an image reference (" + why + ")");
      }
    }
    if (tag.isEmpty() && digest.isEmpty()) {
      tag = Optional.of("latest");
    }
    return new ImageReference(text, domain, path, tag, digest);
  }

  /** Whether the text is an image id (full or short) rather than a name: ids are never pulled. */
  public static boolean looksLikeImageId(String text) {
    return IMAGE_ID.matcher(text).matches();
  }

  /** The repository as pull takes it: {@code domain/path}, Docker Hub names without domain. */
  public String repository() {
    if (domain.equals(DOCKER_HUB)) {
      return path.startsWith("library/") ? path.substring("library/".length()) : path;
    }
    return domain + "/" + path;
  }

  /** The tag or digest pull asks for. */
  public String tagOrDigest() {
    return digest.orElseGet(tag::get);
  }
}
