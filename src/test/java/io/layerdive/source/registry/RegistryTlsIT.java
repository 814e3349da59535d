package io.layerdive.source.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference registry behind TLS with a self-signed certificate the test makes: refused without
 * its CA, accepted with {@code --registry-ca} or {@code SSL_CERT_FILE}, or unchecked for an
 * insecure registry. The registry speaks HTTP/2 over TLS.
 */
class RegistryTlsIT {
  @TempDir static Path dir;
  private static RegistryServer pushServer;
  private static RegistryServer tlsServer;
  private static RegistryServer wrongNameServer;
  private static TestCerts.Pair cert;

  @BeforeAll
  static void start() throws Exception {
    RegistryServer.binary();
    Path storage = dir.resolve("storage");
    pushServer = RegistryServer.start(dir.resolve("push"), storage, RegistryServer.Security.none());
    new Pusher(pushServer.hostPort)
        .image("team/app", "1.4", new TestImage().layer("ADD a", "a", "a".repeat(1234)));

    cert =
        TestCerts.selfSigned(
            Files.createDirectories(dir.resolve("ca")), "IP:127.0.0.1,DNS:localhost");
    tlsServer =
        RegistryServer.start(
            dir.resolve("tls"),
            storage,
            RegistryServer.Security.none().withTls(cert.cert(), cert.key()));
    TestCerts.Pair other =
        TestCerts.selfSigned(
            Files.createDirectories(dir.resolve("other")), "DNS:elsewhere.example");
    wrongNameServer =
        RegistryServer.start(
            dir.resolve("wrong-name"),
            storage,
            RegistryServer.Security.none().withTls(other.cert(), other.key()));
  }

  @AfterAll
  static void stop() throws Exception {
    for (RegistryServer s : new RegistryServer[] {pushServer, tlsServer, wrongNameServer}) {
      if (s != null) s.close();
    }
  }

  private static RegistryOptions options(Map<String, String> extraEnv) {
    Map<String, String> env =
        new java.util.HashMap<>(
            Map.of("HOME", dir.resolve("home").toString(), "PATH", "/usr/bin:/bin"));
    env.putAll(extraEnv);
    return RegistryOptions.fromEnvironment(env).withRetry(RetryPolicy.immediate(2), 1);
  }

  @Test
  void untrustedCertificateIsRefusedWithAdvice() {
    String host = tlsServer.hostPort;

    assertThatThrownBy(() -> Loads.load(host + "/team/app:1.4", options(Map.of())))
        .hasMessage(
            host
                + ": TLS failed (the certificate is not signed by a trusted CA); if it uses a"
                + " private CA, pass its certificate with --registry-ca FILE (or SSL_CERT_FILE);"
                + " --insecure-registry "
                + host
                + " skips the check");
  }

  @Test
  void trustedWithRegistryCa() throws Exception {
    String host = tlsServer.hostPort;

    Loads.Loaded loaded =
        Loads.load(host + "/team/app:1.4", options(Map.of()).withCaFile(cert.cert()));

    assertThat(loaded.image().image().sizeBytes()).isEqualTo(1234);
  }

  @Test
  void trustedWithSslCertFile() throws Exception {
    String host = tlsServer.hostPort;

    Loads.Loaded loaded =
        Loads.load(
            host + "/team/app:1.4", options(Map.of("SSL_CERT_FILE", cert.cert().toString())));

    assertThat(loaded.image().image().sizeBytes()).isEqualTo(1234);
  }

  @Test
  void hostNameIsCheckedToo() {
    String localhost = "localhost:" + tlsServer.hostPort.split(":")[1];
    String wrong = wrongNameServer.hostPort;

    assertThat(catchLoad(localhost + "/team/app:1.4", options(Map.of()).withCaFile(cert.cert())))
        .isNull();
    assertThatThrownBy(
            () ->
                Loads.load(
                    wrong + "/team/app:1.4",
                    options(Map.of()).withCaFile(dir.resolve("other/cert.pem"))))
        .hasMessageStartingWith(
            wrong + ": TLS failed (the certificate is for another host name); ");
  }

  @Test
  void insecureRegistrySkipsTheCheckButStaysOnTls() throws Exception {
    String host = tlsServer.hostPort;

    Loads.Loaded loaded =
        Loads.load(host + "/team/app:1.4", options(Map.of()).withInsecureRegistries(List.of(host)));

    assertThat(loaded.image().image().sizeBytes()).isEqualTo(1234);
  }

  @Test
  void badCaFile() throws Exception {
    Path notPem = Files.writeString(dir.resolve("not.pem"), "hello");
    String host = tlsServer.hostPort;

    assertThatThrownBy(
            () -> Loads.load(host + "/team/app:1.4", options(Map.of()).withCaFile(notPem)))
        .hasMessageStartingWith("--registry-ca " + notPem + ": ");
  }

  private static Exception catchLoad(String ref, RegistryOptions options) {
    try {
      Loads.load(ref, options);
      return null;
    } catch (Exception e) {
      return e;
    }
  }
}
