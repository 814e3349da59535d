package io.layerdive.source.daemon;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A daemon that answers from a script, on a unix socket: for the failures a real daemon cannot be
 * made to show on demand (an export cut off midway, a layout it never writes).
 */
final class FakeDaemon implements AutoCloseable {
  /** One request as the client sent it. */
  record Request(String method, String target) {}

  /** Writes the answer to one request, raw HTTP; closing the socket afterwards is done here. */
  @FunctionalInterface
  interface Handler {
    void answer(Request request, OutputStream out) throws IOException;
  }

  private final Path socket;
  private final ServerSocketChannel server;
  private final Thread thread;
  final List<Request> requests = new CopyOnWriteArrayList<>();
  final List<String> events;

  FakeDaemon(Path socket, List<String> events, Handler handler) throws IOException {
    this.socket = socket;
    this.events = events;
    server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(socket));
    thread = new Thread(() -> serve(handler), "fake-daemon");
    thread.setDaemon(true);
    thread.start();
  }

  URI host() {
    return URI.create("unix://" + socket);
  }

  private void serve(Handler handler) {
    while (server.isOpen()) {
      try (SocketChannel channel = server.accept()) {
        InputStream in = Channels.newInputStream(channel);
        OutputStream out = Channels.newOutputStream(channel);
        Request request = readRequest(in);
        if (request == null) {
          continue;
        }
        requests.add(request);
        events.add("request " + request.method() + " " + request.target());
        handler.answer(request, out);
        out.flush();
      } catch (IOException e) {
        // the client went away, or we closed
      }
    }
  }

  private static Request readRequest(InputStream in) throws IOException {
    String line = readLine(in);
    if (line == null || line.isEmpty()) {
      return null;
    }
    long length = 0;
    boolean chunked = false;
    for (String header = readLine(in); header != null && !header.isEmpty(); header = readLine(in)) {
      String lower = header.toLowerCase(Locale.ROOT);
      if (lower.startsWith("content-length:")) {
        length = Long.parseLong(header.substring(15).trim());
      } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
        chunked = true;
      }
    }
    if (chunked) {
      for (String size = readLine(in); size != null; size = readLine(in)) {
        long n = Long.parseLong(size.trim(), 16);
        in.skipNBytes(n + 2);
        if (n == 0) {
          break;
        }
      }
    } else {
      in.skipNBytes(length);
    }
    String[] parts = line.split(" ");
    return new Request(parts[0], parts[1]);
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b >= 0; b = in.read()) {
      if (b == '\n') {
        String s = line.toString(StandardCharsets.ISO_8859_1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
      }
      line.write(b);
    }
    return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
  }

  static void json(OutputStream out, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    out.write(("HTTP/1.1 " + status + " X\r\nContent-Type: application/json\r\nContent-Length: "
            + bytes.length + "\r\nConnection: close\r\n\r\n")
        .getBytes(StandardCharsets.ISO_8859_1));
    out.write(bytes);
  }

  /** A chunked body; when {@code complete} is false the closing chunk never comes. */
  static void chunked(OutputStream out, byte[] body, boolean complete) throws IOException {
    out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/x-tar\r\n"
            + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n")
        .getBytes(StandardCharsets.ISO_8859_1));
    int chunk = 8192;
    for (int off = 0; off < body.length; off += chunk) {
      int n = Math.min(chunk, body.length - off);
      out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.write(body, off, n);
      out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
    }
    if (complete) {
      out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    }
    out.flush();
  }

  @Override
  public void close() throws IOException {
    server.close();
    thread.interrupt();
    Files.deleteIfExists(socket);
  }
}
