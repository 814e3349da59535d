package io.layerdive.source.extract;

import io.layerdive.image.Layer;
import io.layerdive.source.ImageReadException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Writes a file or directory of one layer (everything at or below the selected path) under a
 * target directory, as {@code docker cp} would: selecting {@code /etc/nginx} writes {@code
 * TARGET/nginx/...}; selecting the root writes the whole layer into {@code TARGET}.
 *
 * <p>Only what the layer itself carries is written: files of lower layers are not there. Symlinks
 * are written as symlinks, whatever they point to, and never followed; permissions are kept
 * without setuid, setgid and sticky bits (directories stay writable by their owner, so the user
 * can remove what was written); owners are not.
 */
public final class LayerExtractor {
  private static final String WHITEOUT_PREFIX = ".wh.";
  private static final String OPAQUE_MARKER = ".wh..wh..opq";

  private final LayerOpener opener;

  public LayerExtractor(LayerOpener opener) {
    this.opener = opener;
  }

  /**
   * @param imagePath the selected path as the tree shows it ({@code /etc/nginx}, {@code /} for all)
   * @param target the directory to write under; created when missing
   * @throws ImageReadException when the layer has nothing at {@code imagePath}, or cannot be read
   */
  public ExtractResult extract(Layer layer, String imagePath, Path target)
      throws ImageReadException {
    return extract(layer, imagePath, target, path -> true);
  }

  /**
   * As {@link #extract(Layer, String, Path)}, writing only the entries {@code include} accepts
   * (it gets cleaned paths without a leading slash, {@code etc/nginx/nginx.conf}).
   */
  public ExtractResult extract(
      Layer layer, String imagePath, Path target, Predicate<String> include)
      throws ImageReadException {
    return extract(List.of(new Piece(layer, include)), imagePath, target);
  }

  /**
   * What one layer gives to an extraction that takes from several.
   *
   * @param include which entries to take: cleaned paths without a leading slash
   */
  public record Piece(Layer layer, Predicate<String> include) {}

  /**
   * Writes the selected path from several layers in turn, lowest first, so that a later layer's
   * file replaces an earlier one's: for a stacked directory, each file taken from the layer that
   * last put it.
   *
   * <p>When the extraction fails or is cancelled (its stream closed from another thread), all it
   * created, from every layer, is removed again. Each layer is read to its end, so that a checking
   * stream sees all of it.
   *
   * @throws ImageReadException when no layer has anything at {@code imagePath}, or one cannot be
   *     read
   */
  public ExtractResult extract(List<Piece> pieces, String imagePath, Path target)
      throws ImageReadException {
    String selected =
        ImagePaths.clean(imagePath)
            .orElseThrow(() -> new ImageReadException(imagePath + ": not a path in the image"));
    if (pieces.isEmpty()) {
      throw new ImageReadException(display(selected) + ": no layer to extract it from");
    }
    String subject = "layer " + pieces.get(pieces.size() - 1).layer().index() + ": "
        + display(selected);
    Run run = null;
    boolean done = false;
    try {
      run = new Run(new TargetDirectory(target), selected);
      for (Piece piece : pieces) {
        subject = "layer " + piece.layer().index() + ": " + display(selected);
        run.layer(piece.include());
        try (InputStream in = opener.openLayer(piece.layer())) {
          TarArchiveInputStream tar = new TarArchiveInputStream(in);
          for (TarArchiveEntry entry = tar.getNextEntry();
              entry != null;
              entry = tar.getNextEntry()) {
            run.entry(entry, tar);
          }
          // The tar's end marker may leave padding unread; a digest check needs every byte.
          in.transferTo(OutputStream.nullOutputStream());
        }
      }
      if (run.matched == 0 && run.whiteouts > 0) {
        throw new ImageReadException(subject + ": this layer removes it; select a lower layer to"
            + " extract it");
      }
      if (run.matched == 0) {
        throw new ImageReadException(subject + ": this layer has nothing at this path (it may"
            + " come from a lower layer; select the layer that added it)");
      }
      run.finishDirectories();
      done = true;
      return run.result();
    } catch (IOException e) {
      throw new ImageReadException(
          subject + ": extracting to " + target + " failed (" + e.getMessage() + ")", e);
    } finally {
      if (!done && run != null) run.undo();
    }
  }

  static String display(String cleaned) {
    return "/" + cleaned;
  }

  private static final class Run {
    private final TargetDirectory target;
    private final String selected;
    private final Map<String, Path> written = new HashMap<>();
    private final Deque<DirectoryAttributes> directories = new ArrayDeque<>();
    private final List<String> skipped = new ArrayList<>();
    private Predicate<String> include = path -> true;
    /** Everything this run created, in order, to remove again when it fails. */
    private final List<Path> created = new ArrayList<>();
    private int matched;
    private int whiteouts;
    private int files;
    private int links;
    private long bytes;

    private record DirectoryAttributes(Path path, int mode, FileTime modified) {}

    Run(TargetDirectory target, String selected) {
      this.target = target;
      this.selected = selected;
    }

    /** The next layer begins: its entries are taken when {@code include} accepts them. */
    void layer(Predicate<String> include) {
      this.include = include;
      // Hard links point within their own layer.
      written.clear();
    }

    void entry(TarArchiveEntry entry, InputStream data) throws IOException {
      Optional<String> cleaned = ImagePaths.clean(entry.getName());
      if (cleaned.isEmpty()) {
        if (selected.isEmpty()) {
          skipped.add(entry.getName() + ": the name climbs above the image root");
        }
        return;
      }
      String path = cleaned.get();
      String base = ImagePaths.baseName(path);
      if (base.equals(OPAQUE_MARKER)) {
        return;
      }
      if (base.startsWith(WHITEOUT_PREFIX)) {
        // A whiteout is no file; note it when it removes the selection, to say so if nothing else.
        String removed = path.substring(0, path.length() - base.length())
            + base.substring(WHITEOUT_PREFIX.length());
        if (ImagePaths.isAtOrBelow(selected, removed) || ImagePaths.isAtOrBelow(removed, selected)) {
          whiteouts++;
        }
        return;
      }
      if (path.isEmpty() || !ImagePaths.isAtOrBelow(path, selected) || !include.test(path)) {
        return;
      }
      matched++;
      String relative =
          selected.isEmpty()
              ? path
              : ImagePaths.baseName(selected) + path.substring(selected.length());
      Optional<Path> destination = target.resolve(relative);
      if (destination.isEmpty() || !target.prepareParents(destination.get(), created::add)) {
        skipped.add(display(path) + ": would be written outside " + target.root());
        return;
      }
      Path dest = destination.get();
      if (entry.isDirectory()) {
        directory(dest, entry);
      } else if (entry.isSymbolicLink()) {
        replace(dest);
        Files.createSymbolicLink(dest, Path.of(entry.getLinkName()));
        created.add(dest);
        links++;
      } else if (entry.isLink()) {
        hardLink(path, dest, entry);
      } else if (entry.isCharacterDevice() || entry.isBlockDevice() || entry.isFIFO()) {
        skipped.add(display(path) + ": devices and fifos are not extracted");
        return;
      } else if (entry.isFile()) {
        replace(dest);
        created.add(dest);
        try (OutputStream out =
            Files.newOutputStream(
                dest,
                StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS)) {
          bytes += data.transferTo(out);
        }
        Files.setPosixFilePermissions(dest, permissions(entry.getMode()));
        Files.setLastModifiedTime(dest, FileTime.from(entry.getLastModifiedDate().toInstant()));
        files++;
      } else {
        skipped.add(display(path) + ": not a kind of file that can be extracted");
        return;
      }
      written.put(path, dest);
    }

    private void directory(Path dest, TarArchiveEntry entry) throws IOException {
      if (Files.isSymbolicLink(dest) || Files.isRegularFile(dest, LinkOption.NOFOLLOW_LINKS)) {
        Files.delete(dest);
      }
      if (!Files.isDirectory(dest, LinkOption.NOFOLLOW_LINKS)) {
        Files.createDirectory(dest);
        created.add(dest);
      }
      // Owner write and search until the end, so that entries below can still be written.
      Set<PosixFilePermission> perms = permissions(entry.getMode() | 0700);
      Files.setPosixFilePermissions(dest, perms);
      directories.push(
          new DirectoryAttributes(
              dest, entry.getMode(), FileTime.from(entry.getLastModifiedDate().toInstant())));
    }

    private void hardLink(String path, Path dest, TarArchiveEntry entry) throws IOException {
      Optional<String> linked = ImagePaths.clean(entry.getLinkName());
      Path existing = linked.map(written::get).orElse(null);
      if (existing == null || !Files.isRegularFile(existing, LinkOption.NOFOLLOW_LINKS)) {
        skipped.add(display(path) + ": hard link to /" + linked.orElse(entry.getLinkName())
            + ", which is not in the selection");
        return;
      }
      replace(dest);
      Files.createLink(dest, existing);
      created.add(dest);
      links++;
    }

    /** Removes what a duplicate entry left, never following a symlink. */
    private static void replace(Path dest) throws IOException {
      if (Files.isDirectory(dest, LinkOption.NOFOLLOW_LINKS)) {
        throw new FileAlreadyExistsException(dest.toString(), null, "a directory is in the way");
      }
      Files.deleteIfExists(dest);
    }

    void finishDirectories() throws IOException {
      // Deepest first, since the parent's times change while its children are written.
      List<DirectoryAttributes> all = new ArrayList<>(directories);
      all.sort((a, b) -> Integer.compare(b.path().getNameCount(), a.path().getNameCount()));
      for (DirectoryAttributes dir : all) {
        Files.setPosixFilePermissions(dir.path(), permissions(dir.mode() | 0200));
        Files.setLastModifiedTime(dir.path(), dir.modified());
      }
    }

    /** Removes what this run created, newest first; what was there before stays. */
    void undo() {
      for (int i = created.size() - 1; i >= 0; i--) {
        Path p = created.get(i);
        try {
          if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            Files.setPosixFilePermissions(p, permissions(0700));
          }
          Files.deleteIfExists(p);
        } catch (IOException | RuntimeException e) {
          // A directory the user filled meanwhile stays; nothing else can be done here.
        }
      }
    }

    ExtractResult result() {
      Path root = selected.isEmpty() ? target.root() : target.root().resolve(ImagePaths.baseName(selected));
      return new ExtractResult(root, files, directories.size(), links, bytes, skipped);
    }
  }

  static Set<PosixFilePermission> permissions(int mode) {
    Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
    PosixFilePermission[] order = {
      PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
      PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_READ,
      PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
      PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE,
      PosixFilePermission.OTHERS_EXECUTE
    };
    for (int i = 0; i < 9; i++) {
      if ((mode & (1 << (8 - i))) != 0) {
        set.add(order[i]);
      }
    }
    return set;
  }
}
