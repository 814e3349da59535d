package io.layerdive.source.registry;

import io.layerdive.image.Digest;
import io.layerdive.source.CredentialLookup;
import io.layerdive.source.Credentials;
import io.layerdive.source.DockerCredentials;
import io.layerdive.source.ImageReadException;
import io.layerdive.source.ImageReference;
import io.layerdive.source.MediaTypes;
import io.layerdive.source.WireJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLContext;

/**
 * Talks the Registry HTTP API v2 with one registry about one repository: picks HTTPS (or plain HTTP
 * for an insecure registry or one on this machine), answers Basic and Bearer challenges, follows
 * redirects (without the registry's credentials to other hosts), and retries 429, 500, 502, 503,
 * 504 and broken connections with backoff. Safe for use from several download threads.
 */
final class RegistryClient {
  static final List<String> MANIFEST_TYPES =
      List.of(
          MediaTypes.OCI_INDEX,
          MediaTypes.DOCKER_MANIFEST_LIST,
          MediaTypes.OCI_MANIFEST,
          MediaTypes.DOCKER_MANIFEST);

  private static final Set<Integer> RETRIABLE = Set.of(429, 500, 502, 503, 504);
  private static final int MAX_REDIRECTS = 10;
  private static final int MANIFEST_LIMIT = 4 * 1024 * 1024;
  private static final Duration TOKEN_MARGIN = Duration.ofSeconds(10);
  private static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofSeconds(60);
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);

  /** A request whose answer did not come within the response timeout is sent this often in all. */
  private static final int TIMEOUT_ATTEMPTS = 2;

  private final ImageReference ref;
  private final String host;
  private final RegistryOptions options;
  private final DockerCredentials credentials;
  private final List<TlsContexts.CaFile> caFiles;

  private HttpClient verifyingClient;
  private HttpClient insecureClient;
  private volatile String scheme = "https";

  private AuthChallenge challenge;
  private String authorization;
  private Instant authorizationExpiry = Instant.MAX;
  private CredentialLookup lookup;

  RegistryClient(ImageReference ref, RegistryOptions options) {
    this.ref = ref;
    this.host = ref.apiHost();
    this.options = options;
    Path home =
        Path.of(options.environment().getOrDefault("HOME", System.getProperty("user.home", "")));
    this.credentials =
        DockerCredentials.forConfig(options.dockerConfig(), home, options.environment());
    List<TlsContexts.CaFile> cas = new ArrayList<>();
    options.caFile().ifPresent(f -> cas.add(new TlsContexts.CaFile(f, "--registry-ca")));
    options.sslCertFile().ifPresent(f -> cas.add(new TlsContexts.CaFile(f, "SSL_CERT_FILE")));
    this.caFiles = List.copyOf(cas);
  }

  String host() {
    return host;
  }

  String stallTimeoutText() {
    return NetworkErrors.seconds(options.stallTimeout());
  }

  /**
   * {@code GET /v2/}: decides between HTTPS and (for an insecure registry) plain HTTP, and reads
   * the authentication challenge so that the first real request goes out authorised.
   */
  void ping() throws ImageReadException {
    HttpResponse<InputStream> response;
    Optional<HttpResponse<InputStream>> https = Optional.empty();
    Optional<HttpResponse<InputStream>> plain = Optional.empty();
    if (options.isInsecure(host) && !options.isPlainHttp(host)) {
      https = probeHttps();
    } else if (!options.isInsecure(host) && HostKind.isLoopback(host)) {
      plain = probeLoopbackPlainHttp();
    }
    if (plain.isPresent()) {
      scheme = "http";
      response = plain.get();
    } else if (https.isPresent()) {
      response = https.get();
    } else {
      if (options.isInsecure(host)) scheme = "http";
      response = send(Request.get(uri("/v2/"), false));
    }
    int status = response.statusCode();
    if (status == 401) {
      Optional<AuthChallenge> c =
          AuthChallenge.choose(response.headers().allValues("WWW-Authenticate"));
      RegistryResponse.discard(response);
      if (c.isPresent()) {
        authorize(c.get());
      }
      return;
    }
    if (status / 100 != 2) {
      throw new ImageReadException(
          host
              + ": does not answer as a registry (GET /v2/ gave "
              + RegistryResponse.statusLine(response)
              + "); check the host and port");
    }
    RegistryResponse.discard(response);
  }

  /** A manifest or index as the registry sent it, with the digest of its bytes. */
  record ManifestResponse(byte[] body, String contentType, Digest digest) {}

  /**
   * Fetches the manifest for a tag or digest, accepting every image manifest and index type.
   *
   * @param subject the reference it is for, in messages
   */
  ManifestResponse fetchManifest(String reference, String subject) throws ImageReadException {
    URI uri = uri("/v2/" + ref.repository() + "/manifests/" + reference);
    HttpResponse<InputStream> response =
        send(Request.get(uri, true).header("Accept", String.join(", ", MANIFEST_TYPES)));
    if (response.statusCode() == 404) {
      throw new ImageReadException(
          subject
              + ": manifest not found ("
              + RegistryResponse.statusLine(response)
              + "); check the repository name and the tag or digest");
    }
    byte[] body = readAll(response, MANIFEST_LIMIT, subject + ": manifest");
    String contentType = RegistryResponse.contentType(response).orElse("");
    return new ManifestResponse(body, contentType, sha256(body));
  }

  /**
   * Fetches a small blob (an image config) whole and checks its size and digest.
   *
   * @param what {@code image config}, for messages
   */
  byte[] fetchSmallBlob(Digest digest, long size, int limit, String what)
      throws ImageReadException {
    if (size > limit) {
      throw new ImageReadException(
          ref.familiar()
              + ": "
              + what
              + " "
              + digest
              + " is "
              + size
              + " bytes, more than "
              + limit
              + " allowed");
    }
    HttpResponse<InputStream> response = openBlob(digest, 0, what);
    byte[] body = readAll(response, limit, ref.familiar() + ": " + what);
    Digest actual = sha256(body);
    if (body.length != size || !actual.equals(digest)) {
      throw new ImageReadException(
          ref.familiar()
              + ": "
              + what
              + " "
              + digest
              + " arrived corrupted ("
              + body.length
              + " bytes with digest "
              + actual
              + ", expected "
              + size
              + " bytes); try again");
    }
    return body;
  }

  /**
   * Starts downloading a blob from {@code offset} on; the response is 200 (whole blob) or 206 (from
   * the offset).
   */
  HttpResponse<InputStream> openBlob(Digest digest, long offset, String what)
      throws ImageReadException {
    Request request = Request.get(uri("/v2/" + ref.repository() + "/blobs/" + digest), true);
    if (offset > 0) {
      request = request.header("Range", "bytes=" + offset + "-");
    }
    HttpResponse<InputStream> response = send(request);
    if (response.statusCode() == 404) {
      throw new ImageReadException(
          ref.familiar()
              + ": "
              + what
              + " blob "
              + digest
              + " not found ("
              + RegistryResponse.statusLine(response)
              + "); the registry lost it or the manifest is broken");
    }
    return response;
  }

  // ---- requests: redirects, retries, authorisation ----

  /** One request to send; headers apply to its own origin only, never to a redirect's. */
  record Request(
      String method, URI uri, Map<String, String> headers, String form, boolean authorize) {
    static Request get(URI uri, boolean authorize) {
      return new Request("GET", uri, Map.of(), null, authorize);
    }

    Request header(String name, String value) {
      Map<String, String> h = new LinkedHashMap<>(headers);
      h.put(name, value);
      return new Request(method, uri, h, form, authorize);
    }
  }

  /** A connection failure, with the URI it happened on (a redirect's, perhaps). */
  private static final class HopException extends IOException {
    private static final long serialVersionUID = 1L;
    private final transient URI uri;

    HopException(URI uri, IOException cause) {
      super(cause.getMessage(), cause);
      this.uri = uri;
    }
  }

  /**
   * Sends with retries; answers 401 challenges once. Returns 2xx and 404 responses; any other
   * status becomes an exception with a message for the user.
   */
  HttpResponse<InputStream> send(Request request) throws ImageReadException {
    RetryPolicy policy = options.retry();
    boolean reauthorised = false;
    String lastProblem = "";
    for (int attempt = 1; ; attempt++) {
      HttpResponse<InputStream> response;
      try {
        response = followRedirects(request, options.responseTimeout());
      } catch (InterruptedIOException e) {
        throw cancelled(e);
      } catch (IOException e) {
        String failedHost =
            e instanceof HopException hop ? authority(hop.uri) : authority(request.uri());
        if (NetworkErrors.isTransient(e) && attempt < attemptsFor(e, policy)) {
          lastProblem = NetworkErrors.detail(e);
          pause(policy.delayAfter(attempt, Optional.empty()).orElse(Duration.ZERO));
          continue;
        }
        ImageReadException described =
            NetworkErrors.describe(failedHost, e, options.connectTimeout());
        if (attempt > 1 && NetworkErrors.isTransient(e)) {
          described =
              new ImageReadException(
                  described.getMessage() + " (after " + attempt + " attempts)", e);
        }
        throw described;
      }
      int status = response.statusCode();
      if (status == 401 && request.authorize() && !reauthorised) {
        Optional<AuthChallenge> c =
            AuthChallenge.choose(response.headers().allValues("WWW-Authenticate"));
        if (c.isPresent()) {
          String summary = RegistryResponse.errorSummary(response);
          authorize(c.get());
          if (currentAuthorization().isEmpty()) {
            throw accessDenied(401, summary);
          }
          reauthorised = true;
          attempt--; // answering a challenge is not a failed attempt
          continue;
        }
      }
      if ((status == 401 || status == 403) && request.authorize()) {
        throw accessDenied(status, RegistryResponse.errorSummary(response));
      }
      if (RETRIABLE.contains(status)) {
        Optional<Duration> retryAfter = retryAfter(response);
        Optional<Duration> delay = policy.delayAfter(attempt, retryAfter);
        if (attempt < policy.maxAttempts() && delay.isPresent()) {
          RegistryResponse.discard(response);
          lastProblem = status + " " + RegistryResponse.reason(status);
          pause(delay.get());
          continue;
        }
        throw busy(request, response, attempt, retryAfter);
      }
      if (status / 100 == 2 || status == 404 || (status / 100 == 4 && !request.authorize())) {
        return response;
      }
      throw new ImageReadException(
          host
              + ": "
              + request.method()
              + " "
              + request.uri().getRawPath()
              + " failed ("
              + RegistryResponse.statusLine(response)
              + (lastProblem.isEmpty() ? "" : ", after " + lastProblem)
              + ")");
    }
  }

  /**
   * For an insecure registry: whether it speaks HTTPS (with any certificate). Empty when the TLS
   * handshake fails or nothing answers within {@link #PROBE_TIMEOUT} (some plain HTTP servers never
   * answer a TLS hello), so plain HTTP is tried next.
   */
  private Optional<HttpResponse<InputStream>> probeHttps() throws ImageReadException {
    try {
      return Optional.of(followRedirects(Request.get(uri("/v2/"), false), probeTimeout()));
    } catch (InterruptedIOException e) {
      throw cancelled(e);
    } catch (IOException e) {
      if (NetworkErrors.isTls(e) || NetworkErrors.isTimeout(e)) {
        return Optional.empty();
      }
      throw NetworkErrors.describe(host, e, options.connectTimeout());
    }
  }

  /**
   * For a registry on this machine not named with {@code --insecure-registry}: whether it answers
   * plain HTTP as a registry does ({@code GET /v2/} gives 200 or 401, without a redirect). Such a
   * registry is read in plain HTTP, unasked, as docker does for 127.0.0.0/8: the traffic never
   * leaves the machine. Asked before HTTPS because the ping carries no credentials and the answer
   * spares loading the JDK's trust store. Empty for anything else (a TLS server's 400, a closed
   * connection, no answer), so HTTPS is used, with the certificate checked.
   */
  private Optional<HttpResponse<InputStream>> probeLoopbackPlainHttp() throws ImageReadException {
    URI plain = URI.create("http://" + host + "/v2/");
    try {
      HttpResponse<InputStream> r = followRedirects(Request.get(plain, false), probeTimeout());
      if ((r.statusCode() == 200 || r.statusCode() == 401) && r.uri().equals(plain)) {
        return Optional.of(r);
      }
      RegistryResponse.discard(r);
      return Optional.empty();
    } catch (InterruptedIOException e) {
      throw cancelled(e);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * How many times a request that failed this way is sent in all: a registry that let a whole
   * response timeout pass is asked once more, not five times over minutes.
   */
  private static int attemptsFor(IOException e, RetryPolicy policy) {
    return NetworkErrors.isTimeout(e)
        ? Math.min(TIMEOUT_ATTEMPTS, policy.maxAttempts())
        : policy.maxAttempts();
  }

  private Duration probeTimeout() {
    return options.responseTimeout().compareTo(PROBE_TIMEOUT) < 0
        ? options.responseTimeout()
        : PROBE_TIMEOUT;
  }

  private HttpResponse<InputStream> followRedirects(Request request, Duration timeout)
      throws IOException, ImageReadException {
    URI uri = request.uri();
    String method = request.method();
    for (int hops = 0; ; hops++) {
      boolean sameOrigin = sameOrigin(uri, request.uri());
      HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout);
      if ("http".equals(uri.getScheme())) {
        b.version(HttpClient.Version.HTTP_1_1);
      }
      if (sameOrigin) {
        request.headers().forEach(b::header);
      }
      if (sameOrigin && request.authorize() && sameOrigin(uri, uri("/"))) {
        currentAuthorization().ifPresent(v -> b.header("Authorization", v));
      }
      if (request.form() != null && method.equals("POST")) {
        b.header("Content-Type", "application/x-www-form-urlencoded");
        b.POST(HttpRequest.BodyPublishers.ofString(request.form()));
      } else {
        b.GET();
      }
      HttpResponse<InputStream> response;
      try {
        response =
            await(clientFor(uri).sendAsync(b.build(), HttpResponse.BodyHandlers.ofInputStream()));
      } catch (InterruptedIOException e) {
        throw e;
      } catch (IOException e) {
        throw new HopException(uri, e);
      }
      int status = response.statusCode();
      Optional<String> location = response.headers().firstValue("Location");
      if (status / 100 == 3 && status != 304 && location.isPresent()) {
        RegistryResponse.discard(response);
        if (hops >= MAX_REDIRECTS) {
          throw new ImageReadException(
              host
                  + ": more than "
                  + MAX_REDIRECTS
                  + " redirects for "
                  + request.uri().getRawPath());
        }
        uri = uri.resolve(location.get());
        if (status == 303) method = "GET";
        continue;
      }
      return response;
    }
  }

  private static HttpResponse<InputStream> await(
      CompletableFuture<HttpResponse<InputStream>> future) throws IOException {
    try {
      return future.get();
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) throw io;
      throw new IOException(cause);
    }
  }

  private HttpClient clientFor(URI uri) throws ImageReadException {
    // Plain HTTP does no TLS: the client that checks nothing spares loading the trust store.
    boolean insecure = "http".equals(uri.getScheme()) || options.isInsecure(authority(uri));
    synchronized (this) {
      if (insecure) {
        if (insecureClient == null)
          insecureClient = newClient(TlsContexts.trustingAnyCertificate());
        return insecureClient;
      }
      if (verifyingClient == null) verifyingClient = newClient(TlsContexts.verifying(caFiles));
      return verifyingClient;
    }
  }

  private HttpClient newClient(SSLContext ssl) {
    return HttpClient.newBuilder()
        .connectTimeout(options.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .sslContext(ssl)
        .build();
  }

  /**
   * Ends the HTTP clients' threads at once where the JDK allows it ({@code shutdownNow}, Java 21
   * on); on Java 17 they end when the clients are collected.
   */
  void close() {
    List<HttpClient> clients = new ArrayList<>();
    synchronized (this) {
      if (verifyingClient != null) clients.add(verifyingClient);
      if (insecureClient != null) clients.add(insecureClient);
      verifyingClient = null;
      insecureClient = null;
    }
    for (HttpClient c : clients) {
      try {
        HttpClient.class.getMethod("shutdownNow").invoke(c);
      } catch (ReflectiveOperationException | RuntimeException e) {
        // Java 17: nothing to call; the idle threads go with the client.
      }
    }
  }

  // ---- authorisation ----

  private synchronized Optional<String> currentAuthorization() {
    if (authorization != null && challenge != null && Instant.now().isAfter(authorizationExpiry)) {
      return Optional.empty(); // expired: the registry's 401 brings a fresh challenge
    }
    return Optional.ofNullable(authorization);
  }

  /** Answers a challenge: Basic with the credentials, Bearer with a token for this repository. */
  private void authorize(AuthChallenge c) throws ImageReadException {
    CredentialLookup found = credentials();
    synchronized (this) {
      challenge = c;
    }
    if (c.isBasic()) {
      Optional<Credentials> creds = found.credentials().filter(cr -> !cr.identityToken());
      synchronized (this) {
        authorization =
            creds.map(cr -> "Basic " + base64(cr.username() + ":" + cr.secret())).orElse(null);
        authorizationExpiry = Instant.MAX;
      }
      return;
    }
    if (c.isBearer()) {
      TokenJson token = fetchToken(c, found);
      long seconds = token.expiresIn() > 0 ? token.expiresIn() : DEFAULT_TOKEN_LIFETIME.toSeconds();
      synchronized (this) {
        authorization = "Bearer " + token.bearer();
        authorizationExpiry = Instant.now().plusSeconds(seconds).minus(TOKEN_MARGIN);
      }
      return;
    }
    throw new ImageReadException(
        host
            + ": asks for '"
            + c.scheme()
            + "' authentication, which is not supported (only Basic and Bearer)");
  }

  private TokenJson fetchToken(AuthChallenge c, CredentialLookup found) throws ImageReadException {
    String realm = c.param("realm");
    URI realmUri;
    try {
      realmUri = URI.create(realm);
    } catch (IllegalArgumentException e) {
      realmUri = null;
    }
    if (realmUri == null
        || realmUri.getHost() == null
        || !(realm.startsWith("https://") || realm.startsWith("http://"))) {
      throw new ImageReadException(
          host + ": its Bearer challenge names no usable token server (realm '" + realm + "')");
    }
    List<String> scopes = new ArrayList<>();
    scopes.add("repository:" + ref.repository() + ":pull");
    String challengeScope = c.param("scope");
    if (!challengeScope.isEmpty() && !scopes.contains(challengeScope)) scopes.add(challengeScope);
    Map<String, String> params = new LinkedHashMap<>();
    if (!c.param("service").isEmpty()) params.put("service", c.param("service"));
    Optional<Credentials> creds = found.credentials();
    Request request;
    if (creds.isPresent() && creds.get().identityToken()) {
      StringBuilder form = new StringBuilder("grant_type=refresh_token&client_id=layerdive");
      params.forEach((k, v) -> form.append('&').append(k).append('=').append(encode(v)));
      for (String s : scopes) form.append("&scope=").append(encode(s));
      form.append("&refresh_token=").append(encode(creds.get().secret()));
      request = new Request("POST", realmUri, Map.of(), form.toString(), false);
    } else {
      StringBuilder query = new StringBuilder();
      params.forEach(
          (k, v) ->
              query.append(query.length() == 0 ? "" : "&").append(k).append('=').append(encode(v)));
      if (creds.isPresent())
        query
            .append(query.length() == 0 ? "" : "&")
            .append("account=")
            .append(encode(creds.get().username()));
      for (String s : scopes)
        query.append(query.length() == 0 ? "" : "&").append("scope=").append(encode(s));
      String sep = realmUri.getRawQuery() == null ? "?" : "&";
      request = Request.get(URI.create(realm + sep + query), false);
      if (creds.isPresent()) {
        request =
            request.header(
                "Authorization",
                "Basic " + base64(creds.get().username() + ":" + creds.get().secret()));
      }
    }
    HttpResponse<InputStream> response = send(request);
    int status = response.statusCode();
    if (status == 401 || status == 403) {
      throw new ImageReadException(
          ref.familiar()
              + ": the token server "
              + authority(realmUri)
              + " refused "
              + found.tried()
              + " ("
              + RegistryResponse.statusLine(response)
              + "); check them with docker login "
              + ref.registry());
    }
    if (status / 100 != 2) {
      throw new ImageReadException(
          ref.familiar()
              + ": the token server "
              + authority(realmUri)
              + " answered "
              + RegistryResponse.statusLine(response));
    }
    byte[] body = readAll(response, 1024 * 1024, host + ": token");
    TokenJson token;
    try {
      token = WireJson.parse(body, TokenJson.class);
    } catch (IOException e) {
      token = null;
    }
    if (token == null || token.bearer().isEmpty()) {
      throw new ImageReadException(
          ref.familiar() + ": the token server " + authority(realmUri) + " sent no token");
    }
    return token;
  }

  private CredentialLookup credentials() throws ImageReadException {
    synchronized (this) {
      if (lookup != null) return lookup;
    }
    CredentialLookup found = credentials.lookup(ref.registry());
    synchronized (this) {
      if (lookup == null) lookup = found;
      return lookup;
    }
  }

  private ImageReadException accessDenied(int status, String summary) throws ImageReadException {
    CredentialLookup found = credentials();
    String what = status == 403 ? "403 Forbidden" : "401 Unauthorized";
    String advice =
        found.credentials().isPresent()
            ? status == 403
                ? "the account may lack pull access to " + ref.repository()
                : "check them with docker login " + ref.registry()
            : "the repository may not exist, or needs a login: docker login " + ref.registry();
    return new ImageReadException(
        ref.familiar()
            + ": access denied ("
            + what
            + (summary.isEmpty() ? "" : ", " + summary)
            + ") "
            + (found.credentials().isPresent() ? "with " : "")
            + found.tried()
            + "; "
            + advice);
  }

  private ImageReadException busy(
      Request request,
      HttpResponse<InputStream> response,
      int attempts,
      Optional<Duration> retryAfter) {
    int status = response.statusCode();
    RegistryResponse.discard(response);
    String waited = attempts > 1 ? " after " + attempts + " attempts" : "";
    if (status == 429) {
      return new ImageReadException(
          host
              + ": rate limited (429 Too Many Requests"
              + waited
              + retryAfter.map(d -> "; it asks to wait " + d.toSeconds() + " s").orElse("")
              + "); try again later, or log in for a higher limit");
    }
    return new ImageReadException(
        host
            + ": "
            + request.uri().getRawPath()
            + " answered "
            + status
            + " "
            + RegistryResponse.reason(status)
            + waited
            + "; the registry or a proxy before it is in trouble, try again later");
  }

  private ImageReadException cancelled(Exception e) {
    Thread.currentThread().interrupt();
    return new ImageReadException(ref.familiar() + ": cancelled", e);
  }

  private void pause(Duration d) throws ImageReadException {
    if (d.isZero()) return;
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      throw cancelled(e);
    }
  }

  private static Optional<Duration> retryAfter(HttpResponse<?> response) {
    Optional<String> v = response.headers().firstValue("Retry-After");
    if (v.isEmpty()) return Optional.empty();
    try {
      return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(v.get().trim()))));
    } catch (NumberFormatException e) {
      return Optional.empty(); // an HTTP date: fall back to our own backoff
    }
  }

  // ---- small helpers ----

  private URI uri(String path) {
    return URI.create(scheme + "://" + host + path);
  }

  static String authority(URI uri) {
    String h = uri.getHost() == null ? String.valueOf(uri.getAuthority()) : uri.getHost();
    if (h.contains(":") && !h.startsWith("[")) h = "[" + h + "]";
    return uri.getPort() < 0 ? h : h + ":" + uri.getPort();
  }

  private static boolean sameOrigin(URI a, URI b) {
    return a.getScheme().equalsIgnoreCase(b.getScheme())
        && String.valueOf(a.getHost()).equalsIgnoreCase(String.valueOf(b.getHost()))
        && port(a) == port(b);
  }

  private static int port(URI u) {
    if (u.getPort() >= 0) return u.getPort();
    return "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
  }

  private static byte[] readAll(HttpResponse<InputStream> response, int limit, String what)
      throws ImageReadException {
    try (InputStream in = response.body()) {
      byte[] body = in.readNBytes(limit + 1);
      if (body.length > limit) {
        throw new ImageReadException(
            what + ": larger than " + limit + " bytes; refusing to read it");
      }
      return body;
    } catch (InterruptedIOException e) {
      Thread.currentThread().interrupt();
      throw new ImageReadException(what + ": cancelled", e);
    } catch (IOException e) {
      throw new ImageReadException(
          what + ": download broke off (" + NetworkErrors.detail(e) + "); try again", e);
    }
  }

  static Digest sha256(byte[] bytes) {
    try {
      return Digest.sha256(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }

  private static String base64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "RegistryClient[" + scheme + "://" + host + "/" + ref.repository() + "]";
  }
}
