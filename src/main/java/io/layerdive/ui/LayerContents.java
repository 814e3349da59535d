package io.layerdive.ui;

import io.layerdive.image.Layer;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Going back to a layer's contents after loading, for the explorer's viewer and extract actions:
 * the port the composition root implements for the source the image came from (an archive is read
 * again, a daemon exports the image again, a registry serves the blob again). Calls run on a
 * background thread and may take seconds; their exceptions carry messages ready for the user.
 */
public interface LayerContents {

  /** Why this image's layers cannot be read again, in one line; empty when they can. */
  Optional<String> unavailable();

  /**
   * The head of one file of a layer.
   *
   * @param path the file as the tree shows it, {@code /etc/os-release}
   */
  FileText view(Layer layer, String path, LayerJob job) throws Exception;

  /**
   * Writes the file or directory at {@code path} under {@code target}, taking it from each part's
   * layer in turn, lowest first, so that a higher layer's file replaces a lower one's.
   *
   * @param target the directory the user named, as typed (relative to the working directory)
   */
  Extracted extract(String path, List<Part> parts, String target, LayerJob job) throws Exception;

  /**
   * What one layer gives to an extraction.
   *
   * @param only the paths to take from it (as a tar names them: {@code etc/hosts}), or empty for
   *     everything the layer has at or below the extracted path
   */
  record Part(Layer layer, Optional<Set<String>> only) {
    public Part {
      only = only.map(Set::copyOf);
    }

    public static Part whole(Layer layer) {
      return new Part(layer, Optional.empty());
    }
  }

  /**
   * The head of a file, for the viewer.
   *
   * @param size the whole file's size
   * @param text the head as text, or empty for a binary file
   * @param shownBytes how many bytes of the file {@code text} holds
   */
  record FileText(String path, long size, Optional<String> text, long shownBytes) {
    public boolean truncated() {
      return shownBytes < size;
    }
  }

  /**
   * What an extraction wrote.
   *
   * @param where the written file or directory, as the user should look for it
   * @param skipped entries left out, each {@code path: why}
   */
  record Extracted(
      String where, int files, int directories, int links, long bytes, List<String> skipped) {
    public Extracted {
      skipped = List.copyOf(skipped);
    }
  }

  /** Contents that cannot be read again, for the reason given. */
  static LayerContents unavailable(String why) {
    return new LayerContents() {
      @Override
      public Optional<String> unavailable() {
        return Optional.of(why);
      }

      @Override
      public FileText view(Layer layer, String path, LayerJob job) throws Exception {
        throw new IllegalStateException(why);
      }

      @Override
      public Extracted extract(String path, List<Part> parts, String target, LayerJob job)
          throws Exception {
        throw new IllegalStateException(why);
      }
    };
  }
}
