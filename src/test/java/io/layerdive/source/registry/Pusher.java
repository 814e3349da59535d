package io.layerdive.source.registry;

import io.layerdive.image.Digest;
import io.layerdive.source.MediaTypes;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

/**
 * Pushes blobs and manifests through the registry API of an unsecured server: {@code POST
 * /v2/NAME/blobs/uploads/}, {@code PUT} the bytes with {@code ?digest=}, then {@code PUT} the
 * manifest under a tag.
 */
final class Pusher {
  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;

  Pusher(String hostPort) {
    this.base = "http://" + hostPort;
  }

  Digest blob(String repo, byte[] bytes) throws IOException, InterruptedException {
    Digest digest = RegistryClient.sha256(bytes);
    HttpResponse<String> head =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/v2/" + repo + "/blobs/" + digest))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (head.statusCode() == 200) return digest;
    HttpResponse<String> start =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/v2/" + repo + "/blobs/uploads/"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    expect(start, 202, "start upload");
    String location = start.headers().firstValue("Location").orElseThrow();
    URI upload = URI.create(base).resolve(location);
    String sep = upload.getRawQuery() == null ? "?" : "&";
    HttpResponse<String> put =
        http.send(
            HttpRequest.newBuilder(URI.create(upload + sep + "digest=" + digest))
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    expect(put, 201, "upload " + digest);
    return digest;
  }

  Digest manifest(String repo, String reference, String mediaType, byte[] manifest)
      throws IOException, InterruptedException {
    HttpResponse<String> put =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/v2/" + repo + "/manifests/" + reference))
                .header("Content-Type", mediaType)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(manifest))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    expect(put, 201, "manifest " + reference);
    return RegistryClient.sha256(manifest);
  }

  /** Pushes an image's layers, config and manifest; returns the manifest digest. */
  Digest image(String repo, String tag, TestImage image) throws IOException, InterruptedException {
    for (TestImage.LayerBlob l : image.layers) blob(repo, l.blob());
    blob(repo, image.config());
    return manifest(
        repo,
        tag == null ? RegistryClient.sha256(image.manifest()).toString() : tag,
        image.manifestMediaType(),
        image.manifest());
  }

  /** Pushes each image by digest, then an index of them under the tag. */
  Digest index(String repo, String tag, boolean oci, List<TestImage> images)
      throws IOException, InterruptedException {
    for (TestImage img : images) image(repo, null, img);
    return manifest(
        repo,
        tag,
        oci ? MediaTypes.OCI_INDEX : MediaTypes.DOCKER_MANIFEST_LIST,
        TestImage.index(oci, images));
  }

  void deleteBlob(String repo, Digest digest) throws IOException, InterruptedException {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/v2/" + repo + "/blobs/" + digest))
                .DELETE()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    expect(r, 202, "delete " + digest);
  }

  private static void expect(HttpResponse<String> r, int status, String what) throws IOException {
    if (r.statusCode() != status) {
      throw new IOException(what + ": " + r.statusCode() + " " + r.body());
    }
  }
}
