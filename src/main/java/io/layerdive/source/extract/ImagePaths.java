package io.layerdive.source.extract;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/** Image paths cleaned the way tar names need it: no leading slash, no dots, no empty parts. */
final class ImagePaths {
  private ImagePaths() {}

  /** {@code ./a//b/../c/} → {@code a/c}; the root is {@code ""}; empty when it climbs above root. */
  static Optional<String> clean(String name) {
    Deque<String> parts = new ArrayDeque<>();
    for (String part : name.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (parts.isEmpty()) {
          return Optional.empty();
        }
        parts.removeLast();
      } else {
        parts.addLast(part);
      }
    }
    return Optional.of(String.join("/", parts));
  }

  /** Whether {@code path} is {@code selected} or lies below it. */
  static boolean isAtOrBelow(String path, String selected) {
    return selected.isEmpty()
        || path.equals(selected)
        || (path.startsWith(selected) && path.charAt(selected.length()) == '/');
  }

  static String baseName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
