package io.layerdive.cache;

/** A cache entry that does not check out; always caught inside the cache and made a miss. */
final class CorruptEntry extends RuntimeException {
  CorruptEntry(String message) {
    super(message, null, false, false);
  }
}
