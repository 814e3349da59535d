package io.layerdive.source.registry;

import io.layerdive.image.Diagnostic;
import io.layerdive.image.Digest;
import io.layerdive.source.ImageReadException;
import io.layerdive.source.ImageReference;
import io.layerdive.source.Platform;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Finds the image manifest a reference means: fetches what the tag or digest names, and if that is
 * an index (OCI index or Docker manifest list) chooses the platform's manifest from it.
 */
final class ManifestResolver {
  private final RegistryClient client;
  private final ImageReference ref;
  private final Optional<Platform> requested;
  private final Platform machine;

  ManifestResolver(
      RegistryClient client, ImageReference ref, Optional<Platform> requested, Platform machine) {
    this.client = client;
    this.ref = ref;
    this.requested = requested;
    this.machine = machine;
  }

  /**
   * The manifest, its digest, the platform chosen from an index (empty for a single manifest) and
   * any diagnostic about the choice.
   */
  record Resolved(
      ManifestJson manifest,
      Digest digest,
      Optional<Platform> chosenPlatform,
      List<Diagnostic> diagnostics) {}

  Resolved resolve() throws ImageReadException {
    String subject = ref.familiar();
    RegistryClient.ManifestResponse top = client.fetchManifest(ref.manifestReference(), subject);
    if (ref.digest().isPresent()) {
      checkDigest(top, ref.digest().get(), subject);
    }
    ManifestJson doc = parse(top, subject);
    String type = typeOf(top, doc, subject);
    if (MediaTypes.isManifest(type)) {
      return new Resolved(doc, top.digest(), Optional.empty(), List.of());
    }
    PlatformSelector.Choice choice;
    try {
      choice = PlatformSelector.choose(doc.manifests(), requested, machine);
    } catch (PlatformSelector.NoMatch e) {
      throw new ImageReadException(
          subject
              + ": no image for "
              + e.wanted
              + " in the index (it has "
              + (e.offered.isEmpty()
                  ? "no platform-specific images"
                  : e.offered.stream().map(Platform::toString).collect(Collectors.joining(", ")))
              + "); choose one with --platform");
    }
    Digest digest;
    try {
      digest = Digest.parse(choice.entry().digest());
    } catch (IllegalArgumentException e) {
      throw new ImageReadException(
          subject
              + ": the index lists a manifest with a bad digest ('"
              + choice.entry().digest()
              + "')");
    }
    String childSubject = subject + " (" + choice.platform() + ")";
    RegistryClient.ManifestResponse child = client.fetchManifest(digest.toString(), childSubject);
    checkDigest(child, digest, childSubject);
    ManifestJson manifest = parse(child, childSubject);
    String childType = typeOf(child, manifest, childSubject);
    if (!MediaTypes.isManifest(childType)) {
      throw new ImageReadException(
          childSubject + ": the index points to another index; nested indexes are not supported");
    }
    List<Diagnostic> diagnostics =
        choice.fallback()
            ? List.of(
                new Diagnostic(
                    subject,
                    "the index has only a "
                        + choice.platform()
                        + " image, not one for this machine ("
                        + machine
                        + "); showing that one"))
            : List.of();
    return new Resolved(manifest, digest, Optional.of(choice.platform()), diagnostics);
  }

  private static void checkDigest(
      RegistryClient.ManifestResponse r, Digest expected, String subject)
      throws ImageReadException {
    if (expected.algorithm().equals("sha256") && !r.digest().equals(expected)) {
      throw new ImageReadException(
          subject
              + ": the manifest received has digest "
              + r.digest()
              + ", not the "
              + expected
              + " asked for; a proxy or the registry altered it");
    }
  }

  private static ManifestJson parse(RegistryClient.ManifestResponse r, String subject)
      throws ImageReadException {
    try {
      return WireJson.read(r.body(), ManifestJson.class);
    } catch (IOException e) {
      throw new ImageReadException(
          subject + ": the manifest is not valid JSON (" + NetworkErrors.detail(e) + ")", e);
    }
  }

  /** The document's media type: the response's, else its own field, else guessed from its shape. */
  private static String typeOf(RegistryClient.ManifestResponse r, ManifestJson doc, String subject)
      throws ImageReadException {
    String type = r.contentType();
    if (!MediaTypes.isIndex(type) && !MediaTypes.isManifest(type) && !MediaTypes.isSchema1(type)) {
      type = doc.mediaType();
    }
    if (type.isEmpty() && doc.schemaVersion() == 2) {
      if (!doc.manifests().isEmpty()) type = MediaTypes.OCI_INDEX;
      else if (doc.config() != null) type = MediaTypes.OCI_MANIFEST;
    }
    if (MediaTypes.isSchema1(type) || doc.schemaVersion() == 1) {
      throw new ImageReadException(
          subject
              + ": the registry has only a Docker schema 1 manifest, a format retired in 2019; push"
              + " the image again with a current client");
    }
    if (!MediaTypes.isIndex(type) && !MediaTypes.isManifest(type)) {
      throw new ImageReadException(
          subject
              + ": not an image manifest (media type '"
              + (type.isEmpty() ? r.contentType() : type)
              + "')");
    }
    return type;
  }
}
