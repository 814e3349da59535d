package io.layerdive.sample;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark images: many files in many layers, with overwritten paths, deleted files and
 * directories and opaque directories spread over the layers. Generated deterministically and on
 * demand: a layer's million entries are computed as the tar is written, never held.
 *
 * <p>Layer 0 holds 40% of the files; the others share the rest. Every layer adds its own files
 * under {@code opt/lK/sS/gG/} (100 files a directory, 50 directories a shelf), then edits earlier
 * layers: rewrites (a third unchanged, a third with new content, a third only {@code chmod}-ed),
 * whiteouts of files and of whole directories, and opaque directories refilled with a few files.
 * Edits never touch what an earlier layer already deleted, so readers report no diagnostics. File
 * sizes follow an exponential spread around the average, so a few files are large and most are
 * small.
 */
public enum SyntheticImages {
  /** 100 MB, 10,000 files, 5 layers. */
  SMALL(100_000_000L, 10_000, 5, 1_000, 100),
  /** 1 GB, 100,000 files, 20 layers. */
  LARGE(1_000_000_000L, 100_000, 20, 1_000, 500),
  /** 2 GB, 1,000,000 files, 40 layers. */
  HUGE(2_000_000_000L, 1_000_000, 40, 1_000, 2_000),
  /**
   * 100 MB, 100,000 small files in one layer, nothing overwritten or deleted: the shape of dive's
   * own single-layer figure (a layer of 100,000 small files).
   */
  FLAT(100_000_000L, 100_000, 1, 0, 0);

  /** Files per leaf directory. */
  static final int GROUP = 100;

  /** Leaf directories per middle directory. */
  static final int SHELF = 50;

  private final long totalBytes;
  private final int files;
  private final int layers;
  private final int overwrites;
  private final int whiteouts;

  SyntheticImages(long totalBytes, int files, int layers, int overwrites, int whiteouts) {
    this.totalBytes = totalBytes;
    this.files = files;
    this.layers = layers;
    this.overwrites = overwrites;
    this.whiteouts = whiteouts;
  }

  /** The approximate sum of the file sizes of all layers. */
  public long totalBytes() {
    return totalBytes;
  }

  /** The number of files the layers add (rewrites not counted). */
  public int files() {
    return files;
  }

  public int layers() {
    return layers;
  }

  /** Paths rewritten by a later layer, over all layers. */
  public int overwrites() {
    return overwrites;
  }

  /** Files deleted by a later layer, over all layers (whole directories come on top). */
  public int whiteouts() {
    return whiteouts;
  }

  /** The image name, e.g. {@code synthetic-large:latest}. */
  public String imageName() {
    return "synthetic-" + name().toLowerCase(java.util.Locale.ROOT) + ":latest";
  }

  /** The image's description; cheap, since its layers generate their entries on demand. */
  public SampleImage image() {
    List<SampleLayer> list = new ArrayList<>();
    for (int k = 0; k < layers; k++) {
      list.add(
          new SampleLayer(
              "/bin/sh -c #(nop) ADD synthetic layer " + k + " in / ",
              new LayerEntries(this, k),
              false,
              false,
              false));
    }
    return SampleImage.of(imageName(), list);
  }

  /** Writes the image to a file (or, for {@link Layout#OCI_DIRECTORY}, a directory). */
  public WrittenImage write(Path target, Layout layout) throws IOException {
    return ArchiveWriter.of(layout).write(image(), target);
  }

  /** Files layer {@code k} adds under {@code opt/lNN/}. */
  int filesIn(int k) {
    int base = files * 2 / 5;
    if (k == 0) return layers == 1 ? files : base;
    int rest = files - base;
    return rest / (layers - 1) + (k <= rest % (layers - 1) ? 1 : 0);
  }

  int overwritesIn(int k) {
    return k == 0 ? 0 : share(overwrites, k);
  }

  int whiteoutsIn(int k) {
    return k == 0 ? 0 : share(whiteouts, k);
  }

  private int share(int total, int k) {
    return total / (layers - 1) + (k <= total % (layers - 1) ? 1 : 0);
  }

  long averageFileSize() {
    return totalBytes / files;
  }

  long seed() {
    return Seeds.of(name());
  }

  /**
   * The entries of one layer, computed from their index: first the layer's own files (with their
   * directories, parents first), then its edits of earlier layers (a few hundred, built once).
   */
  static final class LayerEntries extends GeneratedEntries {
    private final SyntheticImages spec;
    private final int k;
    private final int own;
    private volatile List<SampleEntry> edits;

    LayerEntries(SyntheticImages spec, int k) {
      this.spec = spec;
      this.k = k;
      this.own = spec.filesIn(k);
    }

    @Override
    public int size() {
      return edits().size() + ownEntryCount();
    }

    @Override
    public SampleEntry get(int index) {
      int owned = ownEntryCount();
      if (index < owned) return SyntheticLayout.ownEntry(spec, k, own, index);
      return edits().get(index - owned);
    }

    @Override
    public java.util.Iterator<SampleEntry> iterator() {
      List<SampleEntry> edits = edits();
      int owned = ownEntryCount();
      int total = owned + edits.size();
      return new java.util.Iterator<>() {
        private int next;

        @Override
        public boolean hasNext() {
          return next < total;
        }

        @Override
        public SampleEntry next() {
          if (next >= total) throw new java.util.NoSuchElementException();
          int i = next++;
          return i < owned ? SyntheticLayout.ownEntry(spec, k, own, i) : edits.get(i - owned);
        }
      };
    }

    private List<SampleEntry> edits() {
      List<SampleEntry> e = edits;
      if (e == null) edits = e = SyntheticLayout.edits(spec, k);
      return e;
    }

    private int ownEntryCount() {
      return SyntheticLayout.ownEntryCount(k, own);
    }
  }
}
