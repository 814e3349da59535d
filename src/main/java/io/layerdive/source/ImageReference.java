package io.layerdive.source;

import io.layerdive.image.Digest;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reference to an image, {@code [HOST[:PORT]/]NAME[:TAG][@DIGEST]}, normalised by Docker's rules:
 * no host or {@code docker.io} means Docker Hub, a single-component Hub name gets {@code library/},
 * and without tag or digest the tag is {@code latest}. The registry source asks the registry for
 * it; the daemon source pulls it by its {@link #familiarName()} and {@link #manifestReference()},
 * as the docker CLI does.
 *
 * @param registry the registry as named, e.g. {@code docker.io}, {@code localhost:5000}
 * @param repository the repository path, e.g. {@code library/ubuntu}
 * @param tag the tag, empty when only a digest was given
 * @param digest the manifest digest, when given; it wins over the tag
 */
public record ImageReference(
    String registry, String repository, Optional<String> tag, Optional<Digest> digest) {

  public static final String DOCKER_HUB = "docker.io";
  private static final String DOCKER_HUB_API_HOST = "registry-1.docker.io";

  /** The key under which {@code docker login} stores Hub credentials. */
  public static final String DOCKER_HUB_CREDENTIALS_KEY = "https://index.docker.io/v1/";

  private static final String LEGACY_HUB = "index.docker.io";
  private static final String SCHEME = "registry://";
  private static final int MAX_NAME_LENGTH = 255;

  private static final String PATH_COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
  private static final String DOMAIN_COMPONENT =
      "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
  private static final String HOST =
      "(?:" + DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT + ")*|\\[[a-fA-F0-9:]+\\])";
  private static final Pattern DOMAIN = Pattern.compile(HOST + "(?::[0-9]+)?");
  private static final Pattern REMAINDER =
      Pattern.compile(
          "("
              + PATH_COMPONENT
              + "(?:/"
              + PATH_COMPONENT
              + ")*)(?::([\\w][\\w.-]{0,127}))?(?:@([A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}))?");
  private static final Pattern IDENTIFIER = Pattern.compile("[a-f0-9]{64}");
  private static final Pattern IMAGE_ID = Pattern.compile("(?:sha256:)?[a-f0-9]{12,64}");

  public ImageReference {
    tag = tag == null ? Optional.empty() : tag;
    digest = digest == null ? Optional.empty() : digest;
    if (tag.isEmpty() && digest.isEmpty()) {
      throw new IllegalArgumentException(registry + "/" + repository + ": neither tag nor digest");
    }
  }

  /**
   * Parses a reference as {@code docker pull} does, with or without a {@code registry://} prefix.
   *
   * @throws IllegalArgumentException with a message quoting the input and saying what is wrong
   */
  public static ImageReference parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException(
          "image reference: empty; expected e.g. registry.example.com/team/app:1.4");
    }
    String s = text.startsWith(SCHEME) ? text.substring(SCHEME.length()) : text;
    if (IDENTIFIER.matcher(s).matches()) {
      throw new IllegalArgumentException(
          "'" + text + "': a 64-character hex string is an image id, not a registry reference");
    }
    String registry;
    String remainder;
    int slash = s.indexOf('/');
    String first = slash < 0 ? "" : s.substring(0, slash);
    if (slash < 0
        || (!first.contains(".")
            && !first.contains(":")
            && !first.equals("localhost")
            && first.toLowerCase(Locale.ROOT).equals(first))) {
      registry = DOCKER_HUB;
      remainder = s;
    } else {
      registry = first;
      remainder = s.substring(slash + 1);
      if (!DOMAIN.matcher(registry).matches()) {
        throw invalid(text, "'" + registry + "' is not a valid registry host[:port]");
      }
    }
    if (registry.equals(LEGACY_HUB)) {
      registry = DOCKER_HUB;
    }
    Matcher m = REMAINDER.matcher(remainder);
    if (!m.matches()) {
      String name = remainder.split("[:@]", 2)[0];
      if (!name.toLowerCase(Locale.ROOT).equals(name)) {
        throw invalid(text, "repository name must be lowercase");
      }
      if (remainder.contains("@")) {
        throw invalid(text, "the digest must read algorithm:hex, e.g. sha256:<64 hex digits>");
      }
      throw invalid(
          text, "expected [HOST[:PORT]/]NAME[:TAG][@sha256:DIGEST] with a lowercase NAME");
    }
    String repository = m.group(1);
    if (registry.equals(DOCKER_HUB) && !repository.contains("/")) {
      repository = "library/" + repository;
    }
    if (registry.length() + 1 + repository.length() > MAX_NAME_LENGTH) {
      throw invalid(text, "the name is longer than " + MAX_NAME_LENGTH + " characters");
    }
    Optional<String> tag = Optional.ofNullable(m.group(2));
    Optional<Digest> digest = Optional.empty();
    if (m.group(3) != null) {
      digest = Optional.of(parseDigest(text, m.group(3)));
    }
    if (tag.isEmpty() && digest.isEmpty()) {
      tag = Optional.of("latest");
    }
    return new ImageReference(registry, repository, tag, digest);
  }

  /** The reference, or empty when the text is not one. */
  public static Optional<ImageReference> tryParse(String text) {
    try {
      return Optional.of(parse(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * Whether the text names a registry host explicitly ({@code host.tld/…}, {@code host:port/…},
   * {@code localhost/…}): a name the user cannot have meant for a local daemon only, so loading it
   * from the registry when no daemon answers is a safe fallback.
   */
  public static boolean namesRegistryHost(String text) {
    if (text == null || tryParse(text).isEmpty()) {
      return false;
    }
    String s = text.startsWith(SCHEME) ? text.substring(SCHEME.length()) : text;
    int slash = s.indexOf('/');
    if (slash < 0) {
      return false;
    }
    String first = s.substring(0, slash);
    return first.contains(".")
        || first.contains(":")
        || first.equals("localhost")
        || !first.toLowerCase(Locale.ROOT).equals(first);
  }

  /**
   * Whether the text is an image id (full, short or with {@code sha256:}) rather than a name, as a
   * daemon takes it: ids are looked up, never pulled.
   */
  public static boolean looksLikeImageId(String text) {
    return text != null && IMAGE_ID.matcher(text).matches();
  }

  private static Digest parseDigest(String text, String value) {
    Digest digest;
    try {
      digest = Digest.parse(value);
    } catch (IllegalArgumentException e) {
      throw invalid(text, "'" + value + "' is not a digest");
    }
    int expected =
        switch (digest.algorithm()) {
          case "sha256" -> 64;
          case "sha512" -> 128;
          default ->
              throw invalid(text, "unsupported digest algorithm '" + digest.algorithm() + "'");
        };
    if (digest.hex().length() != expected) {
      throw invalid(
          text,
          digest.algorithm()
              + " digest must have "
              + expected
              + " hex digits, not "
              + digest.hex().length());
    }
    return digest;
  }

  private static IllegalArgumentException invalid(String text, String what) {
    return new IllegalArgumentException("'" + text + "': not an image reference: " + what);
  }

  public boolean isDockerHub() {
    return registry.equals(DOCKER_HUB);
  }

  /** The host[:port] the API is served from: Docker Hub's is {@code registry-1.docker.io}. */
  public String apiHost() {
    return isDockerHub() ? DOCKER_HUB_API_HOST : registry;
  }

  /** The tag or digest to ask the registry for: the digest when given. */
  public String manifestReference() {
    return digest.map(Digest::toString).orElseGet(tag::orElseThrow);
  }

  /**
   * The name without Hub defaults, as {@code docker images} shows it: {@code ubuntu}, {@code
   * team/app}.
   */
  public String familiarName() {
    if (isDockerHub()) {
      return repository.startsWith("library/")
          ? repository.substring("library/".length())
          : repository;
    }
    return registry + "/" + repository;
  }

  /** The familiar name with its tag and digest, e.g. {@code ubuntu:22.04}. */
  public String familiar() {
    return familiarName() + suffix();
  }

  private String suffix() {
    return tag.map(t -> ":" + t).orElse("") + digest.map(d -> "@" + d).orElse("");
  }

  /** The fully qualified reference, e.g. {@code docker.io/library/ubuntu:22.04}. */
  @Override
  public String toString() {
    return registry + "/" + repository + suffix();
  }
}
