package io.layerdive.source.daemon;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether anything listens where a daemon should: only a missing socket or a refused connection
 * count as "no daemon", so that a daemon that is there but refuses us (permissions, TLS) is still
 * asked, and says what is wrong itself.
 */
public final class DaemonProbe {
  private static final int CONNECT_TIMEOUT_MILLIS = 3000;

  private DaemonProbe() {}

  /** Connects once and hangs up; does not speak the API. */
  public static boolean answers(DaemonEndpoint endpoint) {
    Optional<Path> socket = endpoint.socketPath();
    if (socket.isPresent()) {
      if (!Files.exists(socket.get())) return false;
      try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket.get()))) {
        return true;
      } catch (ConnectException e) {
        return false;
      } catch (IOException | RuntimeException e) {
        return true;
      }
    }
    if ("tcp".equals(endpoint.host().getScheme()) && endpoint.host().getHost() != null) {
      int port = endpoint.host().getPort() < 0 ? 2375 : endpoint.host().getPort();
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(endpoint.host().getHost(), port), CONNECT_TIMEOUT_MILLIS);
        return true;
      } catch (ConnectException e) {
        return false;
      } catch (IOException | RuntimeException e) {
        return true;
      }
    }
    return true;
  }
}
