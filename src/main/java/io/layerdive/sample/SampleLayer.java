package io.layerdive.sample;

import java.util.Arrays;
import java.util.List;

/**
 * One history step of a sample image: a layer tar, or a history-only step ({@code ENV}, {@code
 * CMD}) that has no tar at all.
 *
 * <p>By default a layer tar looks the way docker writes one: every parent directory of an entry has
 * its own directory entry, and entries come in file-system walk order (a directory before its
 * children, siblings by name). {@link #withoutParentDirs()} and {@link #inGivenOrder()} turn those
 * off, {@link #exactly()} turns both off, for tests of readers that must cope with other writers.
 *
 * @param createdBy the history command, as the config records it
 * @param emptyLayer a history-only step: no tar, no diff_id, {@code empty_layer: true}
 * @param parentDirs add a directory entry for every parent the entries do not list themselves
 * @param walkOrder sort entries the way docker walks a file system; otherwise keep the given order
 */
public record SampleLayer(
    String createdBy,
    List<SampleEntry> entries,
    boolean emptyLayer,
    boolean parentDirs,
    boolean walkOrder) {

  private static final String SHELL = "/bin/sh -c ";

  public SampleLayer {
    createdBy = createdBy == null ? "" : createdBy;
    // Synthetic layers of a million entries generate them on demand; copying would hold them all.
    entries = entries instanceof GeneratedEntries ? entries : List.copyOf(entries);
    if (emptyLayer && !entries.isEmpty()) {
      throw new IllegalArgumentException(
          "sample layer '" + createdBy + "': a history-only step cannot carry entries");
    }
  }

  /** A layer made by {@code RUN command}: history {@code /bin/sh -c command}. */
  public static SampleLayer run(String command, SampleEntry... entries) {
    return run(command, Arrays.asList(entries));
  }

  public static SampleLayer run(String command, List<SampleEntry> entries) {
    return of(SHELL + command, entries);
  }

  /** A layer made by {@code COPY args}, as the classic builder records it. */
  public static SampleLayer copy(String args, SampleEntry... entries) {
    return copy(args, Arrays.asList(entries));
  }

  public static SampleLayer copy(String args, List<SampleEntry> entries) {
    return of(SHELL + "#(nop) COPY " + args, entries);
  }

  /** A layer made by {@code ADD args}, as the classic builder records it. */
  public static SampleLayer add(String args, SampleEntry... entries) {
    return add(args, Arrays.asList(entries));
  }

  public static SampleLayer add(String args, List<SampleEntry> entries) {
    return of(SHELL + "#(nop) ADD " + args, entries);
  }

  /** A layer with exactly this history command. */
  public static SampleLayer of(String createdBy, SampleEntry... entries) {
    return of(createdBy, Arrays.asList(entries));
  }

  public static SampleLayer of(String createdBy, List<SampleEntry> entries) {
    return new SampleLayer(createdBy, entries, false, true, true);
  }

  /** A history-only step such as {@code ENV NODE_ENV=production} or {@code CMD ["node"]}. */
  public static SampleLayer nop(String instruction) {
    return new SampleLayer(SHELL + "#(nop)  " + instruction, List.of(), true, true, true);
  }

  /** The same layer without synthesised parent directory entries. */
  public SampleLayer withoutParentDirs() {
    return new SampleLayer(createdBy, entries, emptyLayer, false, walkOrder);
  }

  /** The same layer with its entries in exactly the given order. */
  public SampleLayer inGivenOrder() {
    return new SampleLayer(createdBy, entries, emptyLayer, parentDirs, false);
  }

  /** The same layer writing exactly the given entries in the given order, nothing added. */
  public SampleLayer exactly() {
    return new SampleLayer(createdBy, entries, emptyLayer, false, false);
  }

  /** The sum of the sizes of the entries: what dive reports as the layer's size. */
  public long contentSize() {
    long sum = 0;
    for (SampleEntry e : entries) sum += e.size();
    return sum;
  }
}
