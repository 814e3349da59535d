package io.layerdive.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * What the user asked to read: a kind of source and its target (a path, an image name or a
 * reference). Written {@code docker-archive://PATH}, {@code oci://PATH}, {@code docker://NAME},
 * {@code podman://NAME}, {@code registry://REF}; a bare path that exists is recognised by its
 * content, {@code -} is an archive on standard input, any other bare text is an image name for the
 * Docker daemon.
 */
public record SourceSpec(Kind kind, String target) {
  /** The target that names standard input, as a file source's path. */
  public static final String STANDARD_INPUT = "-";

  /** The ways of getting an image. */
  public enum Kind {
    DOCKER_ARCHIVE("docker-archive"),
    OCI("oci"),
    DOCKER("docker"),
    PODMAN("podman"),
    REGISTRY("registry");

    private final String scheme;

    Kind(String scheme) {
      this.scheme = scheme;
    }

    public String scheme() {
      return scheme;
    }

    /** The kind named {@code text} (as in {@code --source oci}), if any. */
    public static Optional<Kind> named(String text) {
      for (Kind k : values()) {
        if (k.scheme.equals(text.toLowerCase(Locale.ROOT))) return Optional.of(k);
      }
      return Optional.empty();
    }

    boolean isFile() {
      return this == DOCKER_ARCHIVE || this == OCI;
    }
  }

  public SourceSpec {
    if (target == null || target.isBlank()) {
      throw new IllegalArgumentException("a " + kind.scheme + " source needs a target");
    }
  }

  /** Whether the target is standard input ({@code -}, {@code docker-archive://-}). */
  public boolean isStandardInput() {
    return kind.isFile() && target.equals(STANDARD_INPUT);
  }

  /** Parses {@code input}, recognising bare paths by their content. */
  public static SourceSpec parse(String input) throws ImageReadException {
    return parse(input, Optional.empty());
  }

  /**
   * Parses {@code input}; {@code forced} (from {@code --source}) decides the kind instead of the
   * scheme or the content.
   *
   * @throws ImageReadException when the input is empty, names an unknown scheme, contradicts {@code
   *     forced}, or looks like a path that does not exist
   */
  public static SourceSpec parse(String input, Optional<Kind> forced) throws ImageReadException {
    if (input == null || input.isBlank()) {
      throw new ImageReadException("image: nothing given; name an image or an archive");
    }
    int sep = input.indexOf("://");
    if (sep > 0) {
      String scheme = input.substring(0, sep);
      String target = input.substring(sep + 3);
      Kind kind =
          Kind.named(scheme)
              .orElseThrow(
                  () ->
                      new ImageReadException(
                          input
                              + ": unknown source '"
                              + scheme
                              + "'; use one of docker-archive://,"
                              + " oci://, docker://, podman://, registry://"));
      if (forced.isPresent() && forced.get() != kind) {
        throw new ImageReadException(
            input + ": --source " + forced.get().scheme + " contradicts " + scheme + "://");
      }
      if (target.isBlank()) {
        throw new ImageReadException(
            input + ": no " + (kind.isFile() ? "path" : "image name") + " after " + scheme + "://");
      }
      return new SourceSpec(kind, target);
    }
    if (forced.isPresent()) return new SourceSpec(forced.get(), input);
    if (input.equals(STANDARD_INPUT)) return new SourceSpec(Kind.DOCKER_ARCHIVE, input);
    Path path = Path.of(input);
    if (Files.exists(path)) return new SourceSpec(detect(path), input);
    if (looksLikePath(input)) {
      throw new ImageReadException(input + ": no such file or directory");
    }
    return new SourceSpec(Kind.DOCKER, input);
  }

  /**
   * The kind of an existing path, by content: a directory or tar with {@code manifest.json} is a
   * docker archive; one with {@code index.json} or {@code oci-layout} but no {@code manifest.json}
   * is an OCI layout; anything else, a pipe included, is handed to the archive reader, which says
   * what it is instead.
   */
  static Kind detect(Path path) {
    if (Files.isDirectory(path)) {
      return Files.exists(path.resolve("manifest.json")) ? Kind.DOCKER_ARCHIVE : Kind.OCI;
    }
    // A pipe (/dev/stdin, a FIFO) can be read only once: looking into it would eat the archive.
    if (!Files.isRegularFile(path)) return Kind.DOCKER_ARCHIVE;
    try (InputStream in = Files.newInputStream(path)) {
      byte[] head = in.readNBytes(Compression.MAGIC_LENGTH);
      if (Compression.sniff(head, head.length) != Compression.NONE) return Kind.DOCKER_ARCHIVE;
    } catch (IOException e) {
      return Kind.DOCKER_ARCHIVE;
    }
    try (TarFiles files = TarFiles.index(path, path.toString())) {
      boolean manifest = files.find("manifest.json").isPresent();
      boolean layout = files.find("index.json").isPresent() || files.find("oci-layout").isPresent();
      return layout && !manifest ? Kind.OCI : Kind.DOCKER_ARCHIVE;
    } catch (ImageReadException e) {
      return Kind.DOCKER_ARCHIVE;
    }
  }

  /**
   * {@code input} as the user typed it (a scheme or none) written for another kind of source: for a
   * hint such as "read it with oci://…", which must not keep the scheme that was wrong.
   */
  public static String rewritten(String input, Kind kind) {
    int sep = input.indexOf("://");
    boolean schemed = sep > 0 && Kind.named(input.substring(0, sep)).isPresent();
    return kind.scheme + "://" + (schemed ? input.substring(sep + 3) : input);
  }

  /** Text no image name can be: an explicit path or an archive file name. */
  private static boolean looksLikePath(String input) {
    String lower = input.toLowerCase(Locale.ROOT);
    return input.startsWith("/")
        || input.startsWith("./")
        || input.startsWith("../")
        || input.startsWith("~")
        || input.endsWith("/")
        || input.startsWith(".\\")
        || input.contains("\\")
        || lower.endsWith(".tar")
        || lower.endsWith(".tar.gz")
        || lower.endsWith(".tgz")
        || lower.endsWith(".tar.zst")
        || lower.endsWith(".tzst");
  }

  @Override
  public String toString() {
    return kind.scheme + "://" + target;
  }
}
