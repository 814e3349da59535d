package io.layerdive.source.registry;

import java.util.List;

/** The error body of the distribution API: {@code {"errors":[{"code":…,"message":…}]}}. */
record RegistryErrorsJson(List<Entry> errors) {
  RegistryErrorsJson {
    errors = errors == null ? List.of() : List.copyOf(errors);
  }

  record Entry(String code, String message) {}

  /** {@code CODE: message; CODE: message}, or empty. */
  String summary() {
    StringBuilder sb = new StringBuilder();
    for (Entry e : errors) {
      if (sb.length() > 0) sb.append("; ");
      if (e.code() != null) sb.append(e.code());
      if (e.message() != null && !e.message().isBlank()) {
        sb.append(e.code() != null ? ": " : "").append(e.message());
      }
    }
    return NetworkErrors.oneLine(sb.toString());
  }
}
