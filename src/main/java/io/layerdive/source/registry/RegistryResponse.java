package io.layerdive.source.registry;

import io.layerdive.source.WireJson;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/** Reading helpers for a registry's responses: bounded bodies, error summaries, status texts. */
final class RegistryResponse {
  private static final int ERROR_BODY_LIMIT = 64 * 1024;

  private RegistryResponse() {}

  /** {@code 404 Not Found, MANIFEST_UNKNOWN: manifest unknown}; consumes and closes the body. */
  static String statusLine(HttpResponse<InputStream> response) {
    String summary = errorSummary(response);
    String reason = reason(response.statusCode());
    return response.statusCode()
        + (reason.isEmpty() ? "" : " " + reason)
        + (summary.isEmpty() ? "" : ", " + summary);
  }

  /** The registry's error codes and messages from the body, or empty; closes the body. */
  static String errorSummary(HttpResponse<InputStream> response) {
    byte[] body;
    try (InputStream in = response.body()) {
      body = in.readNBytes(ERROR_BODY_LIMIT);
    } catch (IOException e) {
      return "";
    }
    try {
      return WireJson.parse(body, RegistryErrorsJson.class).summary();
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  /** Closes a response whose body is not wanted. */
  static void discard(HttpResponse<InputStream> response) {
    try {
      response.body().close();
    } catch (IOException ignored) {
      // Nothing to do: the connection is dropped either way.
    }
  }

  static Optional<String> contentType(HttpResponse<?> response) {
    return response
        .headers()
        .firstValue("Content-Type")
        .map(
            v -> {
              int semi = v.indexOf(';');
              return (semi < 0 ? v : v.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
            });
  }

  static OptionalLong contentLength(HttpResponse<?> response) {
    return response.headers().firstValueAsLong("Content-Length");
  }

  static String reason(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 206 -> "Partial Content";
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 416 -> "Range Not Satisfiable";
      case 429 -> "Too Many Requests";
      case 500 -> "Internal Server Error";
      case 502 -> "Bad Gateway";
      case 503 -> "Service Unavailable";
      case 504 -> "Gateway Timeout";
      default -> "";
    };
  }
}
