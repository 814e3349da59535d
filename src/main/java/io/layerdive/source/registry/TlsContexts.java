package io.layerdive.source.registry;

import io.layerdive.source.ImageReadException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/** The TLS set-ups a registry client needs: verifying (JDK trust store plus extra CAs), or not. */
final class TlsContexts {
  private TlsContexts() {}

  /**
   * Verifies servers against the JDK's trust store plus the certificates in {@code caFiles} (PEM,
   * several per file allowed); host names are checked as usual.
   *
   * @param caFiles each with the option or variable that named it, for messages
   */
  static SSLContext verifying(List<CaFile> caFiles) throws ImageReadException {
    try {
      if (caFiles.isEmpty()) {
        return SSLContext.getDefault();
      }
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int n = 0;
      for (X509Certificate cert : defaultTrustManager().getAcceptedIssuers()) {
        store.setCertificateEntry("jdk-" + n++, cert);
      }
      for (CaFile file : caFiles) {
        for (Certificate cert : readCertificates(file)) {
          store.setCertificateEntry("extra-" + n++, cert);
        }
      }
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(store);
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, tmf.getTrustManagers(), null);
      return ctx;
    } catch (GeneralSecurityException | IOException e) {
      throw new ImageReadException(
          "TLS: cannot set up the trust store (" + e.getMessage() + ")", e);
    }
  }

  /**
   * Accepts any certificate for any name, for hosts named with {@code --insecure-registry} only. An
   * extended trust manager that checks nothing also skips the host-name check.
   */
  static SSLContext trustingAnyCertificate() throws ImageReadException {
    try {
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, new TrustManager[] {new AcceptAll()}, null);
      return ctx;
    } catch (GeneralSecurityException e) {
      throw new ImageReadException("TLS: cannot set up (" + e.getMessage() + ")", e);
    }
  }

  /** A PEM file of extra CA certificates, and where it was named ({@code --registry-ca}, …). */
  record CaFile(Path path, String namedBy) {}

  private static Collection<? extends Certificate> readCertificates(CaFile file)
      throws ImageReadException {
    String subject = file.namedBy() + " " + file.path();
    try (InputStream in = Files.newInputStream(file.path())) {
      Collection<? extends Certificate> certs =
          CertificateFactory.getInstance("X.509").generateCertificates(in);
      if (certs.isEmpty()) {
        throw new ImageReadException(
            subject + ": no certificate in the file; expected PEM (-----BEGIN CERTIFICATE-----)");
      }
      return new ArrayList<>(certs);
    } catch (CertificateException e) {
      throw new ImageReadException(subject + ": not a PEM certificate (" + e.getMessage() + ")", e);
    } catch (IOException e) {
      throw new ImageReadException(subject + ": cannot read (" + e + ")", e);
    }
  }

  private static X509TrustManager defaultTrustManager() throws GeneralSecurityException {
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init((KeyStore) null);
    for (TrustManager tm : tmf.getTrustManagers()) {
      if (tm instanceof X509TrustManager x) return x;
    }
    throw new GeneralSecurityException("no X.509 trust manager in the JDK");
  }

  private static final class AcceptAll extends X509ExtendedTrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
