package io.layerdive.ui.lanterna;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jline.utils.InfoCmp;
import org.jline.utils.InfoCmp.Capability;

/** Looks up what the terminfo database says about a terminal type. */
@FunctionalInterface
public interface Terminfo {

  /** The entry for {@code term}, or empty when the type is unknown. */
  Optional<Entry> lookup(String term);

  /**
   * The two facts the explorer needs from an entry.
   *
   * @param cursorAddressing whether the terminal can move the cursor ({@code cup}); without it a
   *     full-screen display is impossible
   * @param maxColors the {@code colors} capability, or -1 when absent
   */
  record Entry(boolean cursorAddressing, int maxColors) {}

  /** The system's database through {@code infocmp}, falling back to the entries JLine bundles. */
  static Terminfo system() {
    return term -> {
      try {
        return Optional.of(parse(InfoCmp.getInfoCmp(term)));
      } catch (java.io.IOException e) {
        return bundled().lookup(term);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return bundled().lookup(term);
      }
    };
  }

  /** Only the few entries JLine bundles (xterm, screen, rxvt, dumb, …): deterministic, for tests. */
  static Terminfo bundled() {
    return term -> Optional.ofNullable(InfoCmp.getDefaultInfoCmp(term)).map(Terminfo::parse);
  }

  private static Entry parse(String source) {
    Map<Capability, Integer> ints = new HashMap<>();
    Map<Capability, String> strings = new HashMap<>();
    InfoCmp.parseInfoCmp(source, EnumSet.noneOf(Capability.class), ints, strings);
    return new Entry(
        strings.containsKey(Capability.cursor_address), ints.getOrDefault(Capability.max_colors, -1));
  }
}
