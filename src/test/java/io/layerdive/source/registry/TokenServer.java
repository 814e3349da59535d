package io.layerdive.source.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A token server for the registry's token authentication: grants pull on the asked repository to
 * {@code ld-user}/{@code ld-secret} (Basic) or to the refresh token {@code ld-refresh} (POST), and
 * nothing to anonymous callers; refuses wrong credentials with 401. Tokens are JWTs signed with a
 * test key, its certificate in the {@code x5c} header.
 */
final class TokenServer implements AutoCloseable {
  static final String SERVICE = "layerdive-registry";
  static final String ISSUER = "layerdive-test-issuer";

  private final HttpServer server;
  private final PrivateKey key;
  private final String certDer;
  final List<String> requests = Collections.synchronizedList(new ArrayList<>());

  TokenServer(TestCerts.Pair pair) throws Exception {
    String pem = Files.readString(pair.key());
    String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    key =
        KeyFactory.getInstance("RSA")
            .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
    X509Certificate cert;
    try (var in = Files.newInputStream(pair.cert())) {
      cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
    certDer = Base64.getEncoder().encodeToString(cert.getEncoded());
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/token", this::handle);
    server.start();
  }

  String realm() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
  }

  String hostPort() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  private void handle(HttpExchange ex) throws IOException {
    try {
      Map<String, List<String>> params = new LinkedHashMap<>();
      parse(ex.getRequestURI().getRawQuery(), params);
      boolean granted;
      if (ex.getRequestMethod().equals("POST")) {
        String form = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        parse(form, params);
        requests.add("POST " + params);
        if (!"ld-refresh".equals(first(params, "refresh_token"))) {
          reply(ex, 401, "{\"error\":\"invalid_grant\"}");
          return;
        }
        granted = true;
      } else {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        requests.add("GET " + params + (auth == null ? "" : " with Basic"));
        if (auth == null) {
          granted = false;
        } else {
          String decoded =
              new String(
                  Base64.getDecoder().decode(auth.substring("Basic ".length())),
                  StandardCharsets.UTF_8);
          if (!decoded.equals("ld-user:ld-secret")) {
            reply(
                ex,
                401,
                "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"bad credentials\"}]}");
            return;
          }
          granted = true;
        }
      }
      ObjectNode answer = TestImage.JSON.createObjectNode();
      answer.put(
          ex.getRequestMethod().equals("POST") ? "access_token" : "token", jwt(params, granted));
      answer.put("expires_in", 300);
      reply(ex, 200, answer.toString());
    } catch (Exception e) {
      reply(ex, 500, e.toString());
    }
  }

  private String jwt(Map<String, List<String>> params, boolean granted) throws Exception {
    ObjectNode header = TestImage.JSON.createObjectNode();
    header.put("typ", "JWT").put("alg", "RS256").putArray("x5c").add(certDer);
    ObjectNode claims = TestImage.JSON.createObjectNode();
    long now = System.currentTimeMillis() / 1000;
    claims.put("iss", ISSUER).put("sub", "ld-user").put("aud", SERVICE);
    claims
        .put("exp", now + 300)
        .put("nbf", now - 10)
        .put("iat", now)
        .put("jti", Long.toString(System.nanoTime()));
    var access = claims.putArray("access");
    if (granted) {
      for (String scope : params.getOrDefault("scope", List.of())) {
        String[] parts = scope.split(":");
        if (parts.length == 3 && parts[0].equals("repository")) {
          ObjectNode a = access.addObject().put("type", "repository").put("name", parts[1]);
          a.putArray("actions").add("pull");
        }
      }
    }
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String signingInput =
        b64.encodeToString(header.toString().getBytes(StandardCharsets.UTF_8))
            + "."
            + b64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
    Signature sig = Signature.getInstance("SHA256withRSA");
    sig.initSign(key);
    sig.update(signingInput.getBytes(StandardCharsets.US_ASCII));
    return signingInput + "." + b64.encodeToString(sig.sign());
  }

  private static void parse(String query, Map<String, List<String>> into) {
    if (query == null || query.isEmpty()) return;
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      into.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
    }
  }

  private static String first(Map<String, List<String>> params, String key) {
    List<String> v = params.get(key);
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  private static void reply(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
