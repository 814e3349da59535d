package io.layerdive.source.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class NetworkErrorsTest {
  private static final Duration T = Duration.ofSeconds(30);

  private static IOException pkix() {
    SSLHandshakeException e =
        new SSLHandshakeException(
            "PKIX path building failed: unable to find valid certification path to requested"
                + " target");
    return new IOException(e.getMessage(), e);
  }

  @Test
  void tlsFailureOnAPublicHostDoesNotSuggestSkippingTheCheck() {
    assertThat(NetworkErrors.describe("registry.example.com", pkix(), T))
        .hasMessage(
            "registry.example.com: TLS failed (the certificate is not signed by a trusted CA); a"
                + " proxy may be intercepting HTTPS: pass its CA certificate with --registry-ca"
                + " FILE (or SSL_CERT_FILE); --insecure-registry exists for registries on your own"
                + " network, not for public hosts");
  }

  @Test
  void tlsFailureOnAPrivateHostSuggestsBoth() {
    assertThat(NetworkErrors.describe("nexus.corp:5000", pkix(), T))
        .hasMessage(
            "nexus.corp:5000: TLS failed (the certificate is not signed by a trusted CA); if it"
                + " uses a private CA, pass its certificate with --registry-ca FILE (or"
                + " SSL_CERT_FILE); --insecure-registry nexus.corp:5000 skips the check");
  }

  private static IOException plainHttpAnswer() {
    javax.net.ssl.SSLException e =
        new javax.net.ssl.SSLException("Unsupported or unrecognized SSL message");
    return new IOException(e.getMessage(), e);
  }

  @Test
  void plainHttpAnswerFromAPrivateHostSuggestsAllowingIt() {
    assertThat(NetworkErrors.describe("192.168.1.10:5000", plainHttpAnswer(), T))
        .hasMessage(
            "192.168.1.10:5000: answers plain HTTP, not HTTPS; if you trust the network to it,"
                + " allow plain HTTP with --insecure-registry 192.168.1.10:5000");
  }

  @Test
  void plainHttpAnswerFromAPublicHostDoesNotSuggestSkippingTls() {
    assertThat(NetworkErrors.describe("registry.example.com:80", plainHttpAnswer(), T))
        .hasMessage(
            "registry.example.com:80: answers plain HTTP, not HTTPS; check the port (HTTPS is"
                + " usually 443); --insecure-registry exists for registries on your own network,"
                + " not for public hosts");
  }

  @Test
  void otherFailures() {
    IOException unresolved = new IOException("x", new ConnectException("y"));
    unresolved.getCause().initCause(new UnresolvedAddressException());
    assertThat(NetworkErrors.describe("nowhere.example", unresolved, T))
        .hasMessage(
            "nowhere.example: unknown host (the name does not resolve); check the registry name and"
                + " your DNS");
    assertThat(
            NetworkErrors.describe(
                "10.9.9.9:5000", new HttpConnectTimeoutException("HTTP connect timed out"), T))
        .hasMessage(
            "10.9.9.9:5000: no connection within 30 s; check the host, port, network or proxy");
    assertThat(NetworkErrors.describe("h:1", new IOException("Connection reset"), T))
        .hasMessage("h:1: connection failed (Connection reset)");
  }

  @Test
  void whatIsWorthRetrying() {
    assertThat(NetworkErrors.isTransient(new IOException("Connection reset"))).isTrue();
    assertThat(NetworkErrors.isTransient(new ConnectException("refused"))).isFalse();
    assertThat(NetworkErrors.isTransient(pkix())).isFalse();
  }
}
