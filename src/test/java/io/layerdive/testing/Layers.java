package io.layerdive.testing;

import io.layerdive.image.FileEntry;
import io.layerdive.image.FileType;
import io.layerdive.image.LayerChange;
import io.layerdive.image.LayerReceiver;
import io.layerdive.tree.ImageFiles;
import io.layerdive.tree.RawLayer;
import io.layerdive.tree.TreeBuilder;
import java.util.ArrayList;
import java.util.List;

/** Builds image files from layer changes written out in a test. */
public final class Layers {
  private Layers() {}

  @SafeVarargs
  public static ImageFiles files(List<LayerChange>... layers) {
    TreeBuilder builder = new TreeBuilder();
    List<RawLayer> raw = new ArrayList<>();
    for (List<LayerChange> layer : layers) {
      LayerReceiver.Builder<RawLayer> b = builder.begin();
      layer.forEach(b::accept);
      raw.add(b.finish());
    }
    return builder.freeze(raw);
  }

  public static List<LayerChange> layer(LayerChange... changes) {
    return List.of(changes);
  }

  public static LayerChange file(String path, long size) {
    return file(path, size, size * 31 + path.hashCode());
  }

  public static LayerChange file(String path, long size, long hash) {
    return new LayerChange.Put(new FileEntry(path, FileType.REGULAR, size, 0644, 0, 0, "", hash));
  }

  public static LayerChange file(String path, long size, long hash, int mode) {
    return new LayerChange.Put(new FileEntry(path, FileType.REGULAR, size, mode, 0, 0, "", hash));
  }

  public static LayerChange dir(String path) {
    return dir(path, 0755);
  }

  public static LayerChange dir(String path, int mode) {
    return new LayerChange.Put(new FileEntry(path, FileType.DIRECTORY, 0, mode, 0, 0, "", 0));
  }

  public static LayerChange symlink(String path, String target) {
    return new LayerChange.Put(new FileEntry(path, FileType.SYMLINK, 0, 0777, 0, 0, target, 7));
  }

  public static LayerChange whiteout(String path) {
    return new LayerChange.Delete(path);
  }

  public static LayerChange opaque(String dir) {
    return new LayerChange.OpaqueDir(dir);
  }
}
