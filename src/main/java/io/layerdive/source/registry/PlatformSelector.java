package io.layerdive.source.registry;

import io.layerdive.source.Platform;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Chooses the manifest of an image index: the platform asked for, else this machine's, else the
 * only image there is. Attestation entries ({@code unknown/unknown}) are never chosen.
 */
final class PlatformSelector {
  private PlatformSelector() {}

  /**
   * The chosen entry, and whether it was a fallback (the index's only image, not this machine's
   * platform).
   */
  record Choice(DescriptorJson entry, Platform platform, boolean fallback) {}

  /** Why nothing was chosen: the platforms the index offers, for the message. */
  static final class NoMatch extends Exception {
    private static final long serialVersionUID = 1L;
    final Platform wanted;
    final List<Platform> offered;

    NoMatch(Platform wanted, List<Platform> offered) {
      super("no " + wanted + " among " + offered);
      this.wanted = wanted;
      this.offered = List.copyOf(offered);
    }
  }

  static Choice choose(List<DescriptorJson> entries, Optional<Platform> requested, Platform machine)
      throws NoMatch {
    List<DescriptorJson> images = new ArrayList<>();
    List<Platform> platforms = new ArrayList<>();
    for (DescriptorJson e : entries) {
      if (!e.mediaType().isEmpty() && !MediaTypes.isManifest(e.mediaType())) continue;
      Platform p = e.platform() == null ? null : e.platform().toPlatform();
      if (p != null && !p.isKnown()) continue;
      images.add(e);
      platforms.add(p);
    }
    Platform wanted = requested.orElse(machine);
    int best = -1;
    for (int i = 0; i < images.size(); i++) {
      Platform p = platforms.get(i);
      if (p == null || !wanted.accepts(p)) continue;
      if (best < 0
          || (p.variant().equals(wanted.variant())
              && !platforms.get(best).variant().equals(wanted.variant()))) {
        best = i;
      }
    }
    if (best >= 0) {
      return new Choice(images.get(best), platforms.get(best), false);
    }
    if (requested.isEmpty() && images.size() == 1) {
      Platform p = platforms.get(0);
      return new Choice(images.get(0), p == null ? Platform.NONE : p, true);
    }
    List<Platform> offered = new ArrayList<>();
    for (Platform p : platforms) if (p != null && !offered.contains(p)) offered.add(p);
    throw new NoMatch(wanted, offered);
  }
}
