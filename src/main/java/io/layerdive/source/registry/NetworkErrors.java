package io.layerdive.source.registry;

import io.layerdive.source.ImageReadException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/** Turns a failed connection into one line a user can act on. */
final class NetworkErrors {
  private NetworkErrors() {}

  /** Whether retrying may help: not for unknown hosts, refused connections or TLS failures. */
  static boolean isTransient(IOException e) {
    return !(has(e, UnresolvedAddressException.class)
        || has(e, UnknownHostException.class)
        || has(e, ConnectException.class)
        || has(e, NoRouteToHostException.class)
        || has(e, SSLException.class));
  }

  static boolean isTimeout(Throwable e) {
    return has(e, HttpTimeoutException.class);
  }

  static boolean isTls(Throwable e) {
    return has(e, SSLException.class);
  }

  /** Whether a TLS hello was answered by a server speaking plain HTTP. */
  static boolean isPlainHttpAnswer(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SSLException
          && String.valueOf(t.getMessage()).contains("nrecognized SSL message")) {
        return true;
      }
    }
    return false;
  }

  /**
   * @param host {@code host[:port]} as connected to
   * @param connectTimeout to say how long was waited
   */
  static ImageReadException describe(String host, IOException e, Duration connectTimeout) {
    if (has(e, UnresolvedAddressException.class) || has(e, UnknownHostException.class)) {
      return new ImageReadException(
          host + ": unknown host (the name does not resolve); check the registry name and your DNS",
          e);
    }
    if (has(e, HttpConnectTimeoutException.class)) {
      return new ImageReadException(
          host
              + ": no connection within "
              + seconds(connectTimeout)
              + "; check the host, port, network or proxy",
          e);
    }
    if (has(e, HttpTimeoutException.class)) {
      return new ImageReadException(
          host
              + ": no response ("
              + oneLine(e.getMessage())
              + "); the registry may be overloaded, try again",
          e);
    }
    if (has(e, NoRouteToHostException.class)) {
      return new ImageReadException(host + ": no route to host; check the network", e);
    }
    if (has(e, ConnectException.class)) {
      return new ImageReadException(
          host + ": connection refused; is a registry listening on that host and port?", e);
    }
    if (isTls(e)) {
      return tls(host, e);
    }
    return new ImageReadException(host + ": connection failed (" + detail(e) + ")", e);
  }

  private static ImageReadException tls(String host, IOException e) {
    if (isPlainHttpAnswer(e)) {
      return new ImageReadException(
          host
              + ": answers plain HTTP, not HTTPS; "
              + (HostKind.isPrivate(host)
                  ? "if you trust the network to it, allow plain HTTP with --insecure-registry "
                      + host
                  : "check the port (HTTPS is usually 443); --insecure-registry exists for"
                      + " registries on your own network, not for public hosts"),
          e);
    }
    String reason = tlsReason(e);
    String advice =
        HostKind.isPrivate(host)
            ? "if it uses a private CA, pass its certificate with --registry-ca FILE (or"
                + " SSL_CERT_FILE); --insecure-registry "
                + host
                + " skips the check"
            : "a proxy may be intercepting HTTPS: pass its CA certificate with --registry-ca FILE"
                + " (or SSL_CERT_FILE); --insecure-registry exists for registries on your own"
                + " network, not for public hosts";
    return new ImageReadException(host + ": TLS failed (" + reason + "); " + advice, e);
  }

  private static String tlsReason(Throwable e) {
    String all = "";
    for (Throwable t = e; t != null; t = t.getCause()) all += " " + t.getMessage();
    if (all.contains("PKIX path") || all.contains("unable to find valid certification path")) {
      return "the certificate is not signed by a trusted CA";
    }
    if (all.contains("No subject alternative") || all.contains("No name matching")) {
      return "the certificate is for another host name";
    }
    if (all.contains("validity check failed")
        || all.contains("NotAfter")
        || all.contains("expired")) {
      return "the certificate has expired or is not yet valid";
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SSLHandshakeException || t instanceof SSLException)
        return oneLine(t.getMessage());
    }
    return detail(e);
  }

  static String detail(Throwable e) {
    Throwable deepest = e;
    while (deepest.getCause() != null && deepest.getCause() != deepest)
      deepest = deepest.getCause();
    String m = deepest.getMessage();
    if (m == null || m.isBlank()) m = e.getMessage();
    if (m == null || m.isBlank()) m = deepest.getClass().getSimpleName();
    return oneLine(m);
  }

  static String oneLine(String s) {
    return s == null ? "" : s.replaceAll("\\s+", " ").trim();
  }

  static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() / 1000.0 + " s";
  }

  private static boolean has(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) return true;
    }
    return false;
  }
}
