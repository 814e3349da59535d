package io.layerdive.source.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.layerdive.image.Digest;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A registry of our own over plain HTTP, for what a real one will not do on demand: cut a
 * connection mid-blob, stall, answer 503 or 429, redirect to blob storage, serve broken documents.
 * A {@link Fault} sees every request first and may answer it instead.
 */
final class FakeRegistry implements AutoCloseable {
  /** Answers a request instead of the registry, or returns false to let it answer. */
  interface Fault {
    boolean handle(HttpExchange exchange, int attempt) throws IOException;
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Map<String, byte[]> blobs = new ConcurrentHashMap<>();
  private final Map<String, byte[]> manifests = new ConcurrentHashMap<>();
  private final Map<String, String> manifestTypes = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
  final List<String> requests = Collections.synchronizedList(new ArrayList<>());
  private volatile Fault fault = (ex, n) -> false;
  private volatile String requiredAuthorization;

  FakeRegistry() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  String hostPort() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  FakeRegistry fault(Fault f) {
    this.fault = f;
    return this;
  }

  /** Requires Basic authentication with these credentials, as an htpasswd registry does. */
  FakeRegistry basicAuth(String user, String password) {
    requiredAuthorization =
        "Basic "
            + java.util.Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return this;
  }

  void blob(byte[] bytes) {
    blobs.put(RegistryClient.sha256(bytes).toString(), bytes);
  }

  void manifest(String repo, String reference, String mediaType, byte[] body) {
    manifests.put(repo + "/manifests/" + reference, body);
    manifestTypes.put(repo + "/manifests/" + reference, mediaType);
    String byDigest = repo + "/manifests/" + RegistryClient.sha256(body);
    manifests.put(byDigest, body);
    manifestTypes.put(byDigest, mediaType);
  }

  /** Serves an image's blobs and its manifest under the tag. */
  Digest image(String repo, String tag, TestImage image) {
    for (TestImage.LayerBlob l : image.layers) blob(l.blob());
    blob(image.config());
    manifest(repo, tag, image.manifestMediaType(), image.manifest());
    return RegistryClient.sha256(image.manifest());
  }

  private void handle(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    String range = ex.getRequestHeaders().getFirst("Range");
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    requests.add(
        ex.getRequestMethod()
            + " "
            + path
            + (range == null ? "" : " " + range)
            + (auth == null ? "" : " [auth]"));
    int attempt = attempts.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
    try {
      if (fault.handle(ex, attempt)) return;
      if (requiredAuthorization != null && !requiredAuthorization.equals(auth)) {
        ex.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"fake\"");
        send(
            ex,
            401,
            "application/json",
            "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"authentication required\"}]}"
                .getBytes(StandardCharsets.UTF_8));
        return;
      }
      if (path.equals("/v2/")) {
        send(ex, 200, "application/json", "{}".getBytes(StandardCharsets.UTF_8));
        return;
      }
      String key = path.substring("/v2/".length());
      int blobsAt = key.indexOf("/blobs/");
      if (blobsAt >= 0) {
        byte[] blob = blobs.get(key.substring(blobsAt + "/blobs/".length()));
        if (blob == null) {
          send(
              ex,
              404,
              "application/json",
              "{\"errors\":[{\"code\":\"BLOB_UNKNOWN\",\"message\":\"blob unknown to registry\"}]}"
                  .getBytes(StandardCharsets.UTF_8));
        } else if (range != null && range.startsWith("bytes=")) {
          int from = Integer.parseInt(range.substring("bytes=".length(), range.length() - 1));
          ex.getResponseHeaders()
              .set("Content-Range", "bytes " + from + "-" + (blob.length - 1) + "/" + blob.length);
          send(
              ex,
              206,
              "application/octet-stream",
              java.util.Arrays.copyOfRange(blob, from, blob.length));
        } else {
          send(ex, 200, "application/octet-stream", blob);
        }
        return;
      }
      byte[] manifest = manifests.get(key);
      if (manifest == null) {
        send(
            ex,
            404,
            "application/json",
            "{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\",\"message\":\"manifest unknown\"}]}"
                .getBytes(StandardCharsets.UTF_8));
        return;
      }
      send(ex, 200, manifestTypes.get(key), manifest);
    } finally {
      ex.close();
    }
  }

  static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /**
   * Sends the headers of the whole blob, then only {@code part} bytes of it, then drops the line.
   */
  static void sendPartThenCut(HttpExchange ex, byte[] blob, int part) throws IOException {
    ex.getResponseHeaders().set("Content-Type", "application/octet-stream");
    ex.sendResponseHeaders(200, blob.length);
    OutputStream out = ex.getResponseBody();
    out.write(blob, 0, part);
    out.flush();
    // Closing the exchange with bytes missing makes the server drop the connection.
    ex.close();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
