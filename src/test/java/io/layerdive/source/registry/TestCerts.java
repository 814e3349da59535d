package io.layerdive.source.registry;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Self-signed certificates made with {@code openssl} for the TLS and token tests. */
final class TestCerts {
  private TestCerts() {}

  /** A key and self-signed certificate ({@code key.pem}, {@code cert.pem}) in {@code dir}. */
  record Pair(Path cert, Path key) {}

  /**
   * @param subjectAltName e.g. {@code IP:127.0.0.1,DNS:localhost} (Go checks only the SAN)
   */
  static Pair selfSigned(Path dir, String subjectAltName) throws IOException, InterruptedException {
    assumeTrue(
        RegistryServer.onPath("openssl").isPresent(),
        "openssl is not installed; it makes the test certificates");
    Path key = dir.resolve("key.pem");
    Path cert = dir.resolve("cert.pem");
    Process p =
        new ProcessBuilder(
                List.of(
                    "openssl",
                    "req",
                    "-x509",
                    "-newkey",
                    "rsa:2048",
                    "-nodes",
                    "-keyout",
                    key.toString(),
                    "-out",
                    cert.toString(),
                    "-days",
                    "36500",
                    "-subj",
                    "/CN=layerdive-test",
                    "-addext",
                    "subjectAltName=" + subjectAltName,
                    "-addext",
                    "keyUsage=digitalSignature,keyEncipherment,keyCertSign"))
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes());
    if (p.waitFor() != 0) throw new IOException("openssl failed: " + out);
    return new Pair(cert, key);
  }
}
