package io.layerdive.sample;

import java.nio.file.attribute.FileTime;
import java.time.Instant;

/** The fixed times every sample archive carries, so output never depends on the clock. */
final class Timestamps {
  /** The mtime of every file in every sample layer and archive. */
  static final Instant ENTRY_MTIME = Instant.parse("2024-05-01T12:00:00Z");

  static final FileTime ENTRY_FILE_TIME = FileTime.from(ENTRY_MTIME);

  /** What kaniko and go-containerregistry stamp on archive entries. */
  static final FileTime EPOCH = FileTime.from(Instant.EPOCH);

  private Timestamps() {}

  /** History step {@code step} ran one minute after the one before it. */
  static String created(int step) {
    return ENTRY_MTIME.plusSeconds(60L * step).toString();
  }
}
