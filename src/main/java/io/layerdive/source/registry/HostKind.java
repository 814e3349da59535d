package io.layerdive.source.registry;

import java.util.Locale;

/**
 * Tells hosts on one's own network (loopback, private addresses, single-label and local names) from
 * public ones, so that skipping certificate checks is suggested only where it may be sane.
 */
final class HostKind {
  private static final String[] PRIVATE_SUFFIXES = {
    ".local", ".localdomain", ".internal", ".lan", ".home.arpa", ".corp", ".intranet", ".test"
  };

  private HostKind() {}

  /**
   * @param hostAndPort {@code host}, {@code host:port} or {@code [v6]:port}
   */
  static boolean isPrivate(String hostAndPort) {
    String host = stripPort(hostAndPort).toLowerCase(Locale.ROOT);
    if (host.startsWith("[")) {
      String v6 = host.substring(1, host.length() - 1);
      return v6.equals("::1")
          || v6.startsWith("fc")
          || v6.startsWith("fd")
          || v6.startsWith("fe80");
    }
    if (host.equals("localhost") || host.endsWith(".localhost") || !host.contains(".")) {
      return true;
    }
    int[] ip = ipv4(host);
    if (ip != null) {
      return ip[0] == 10
          || ip[0] == 127
          || (ip[0] == 172 && ip[1] >= 16 && ip[1] <= 31)
          || (ip[0] == 192 && ip[1] == 168)
          || (ip[0] == 169 && ip[1] == 254)
          || (ip[0] == 100 && ip[1] >= 64 && ip[1] <= 127);
    }
    for (String suffix : PRIVATE_SUFFIXES) {
      if (host.endsWith(suffix)) return true;
    }
    return false;
  }

  /**
   * Whether the host is this machine ({@code localhost}, {@code *.localhost}, 127.0.0.0/8, {@code
   * [::1]}): traffic to it never crosses a network, so it may speak plain HTTP unasked, as docker
   * allows for 127.0.0.0/8.
   *
   * @param hostAndPort {@code host}, {@code host:port} or {@code [v6]:port}
   */
  static boolean isLoopback(String hostAndPort) {
    String host = stripPort(hostAndPort).toLowerCase(Locale.ROOT);
    if (host.equals("[::1]")) return true;
    if (host.equals("localhost") || host.endsWith(".localhost")) return true;
    int[] ip = ipv4(host);
    return ip != null && ip[0] == 127;
  }

  static String stripPort(String hostAndPort) {
    if (hostAndPort.startsWith("[")) {
      int close = hostAndPort.indexOf(']');
      return close < 0 ? hostAndPort : hostAndPort.substring(0, close + 1);
    }
    int colon = hostAndPort.lastIndexOf(':');
    return colon < 0 ? hostAndPort : hostAndPort.substring(0, colon);
  }

  private static int[] ipv4(String host) {
    String[] parts = host.split("\\.", -1);
    if (parts.length != 4) return null;
    int[] out = new int[4];
    for (int i = 0; i < 4; i++) {
      if (!parts[i].matches("[0-9]{1,3}")) return null;
      out[i] = Integer.parseInt(parts[i]);
      if (out[i] > 255) return null;
    }
    return out;
  }
}
