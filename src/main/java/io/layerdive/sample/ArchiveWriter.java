package io.layerdive.sample;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes sample images as image archives, byte for byte the same every time: fixed mtimes, no user
 * names, stable order.
 *
 * <p>An immutable configuration: {@code ArchiveWriter.of(Layout.OCI_LAYOUT)
 * .compression(Compression.GZIP).write(image, out)}. Layers stream from their seeds; memory stays
 * bounded whatever the image size (see {@link LayerBlob} for why large layers are generated twice
 * rather than spilled to disk).
 */
public final class ArchiveWriter {
  private final Settings settings;

  /** What to write; {@code compression} {@code null} means the layout's own default. */
  record Settings(
      Layout layout, Compression compression, ManifestFormat manifestFormat, boolean nestedIndex) {
    Compression effectiveCompression() {
      return compression == null ? layout.defaultCompression() : compression;
    }
  }

  private ArchiveWriter(Settings settings) {
    this.settings = settings;
  }

  /** A writer for {@code layout} with its usual compression and OCI media types. */
  public static ArchiveWriter of(Layout layout) {
    return new ArchiveWriter(
        new Settings(Objects.requireNonNull(layout, "layout"), null, ManifestFormat.OCI, false));
  }

  /** How each layer is stored; any layout accepts any compression. */
  public ArchiveWriter compression(Compression compression) {
    return new ArchiveWriter(
        new Settings(
            settings.layout(),
            Objects.requireNonNull(compression, "compression"),
            settings.manifestFormat(),
            settings.nestedIndex()));
  }

  /** The media types of manifests, configs and layers in the OCI layouts. */
  public ArchiveWriter manifestFormat(ManifestFormat format) {
    return new ArchiveWriter(
        new Settings(
            settings.layout(),
            settings.compression(),
            Objects.requireNonNull(format, "format"),
            settings.nestedIndex()));
  }

  /**
   * Whether {@code index.json} points to one image index blob listing the images (as a
   * multi-platform image is stored) instead of listing them itself. OCI layouts only.
   */
  public ArchiveWriter nestedIndex(boolean nested) {
    if (nested && !isOci(settings.layout())) {
      throw new IllegalArgumentException(
          settings.layout() + ": has no index.json; a nested index needs an OCI layout");
    }
    return new ArchiveWriter(
        new Settings(settings.layout(), settings.compression(), settings.manifestFormat(), nested));
  }

  public Layout layout() {
    return settings.layout();
  }

  public Compression compression() {
    return settings.effectiveCompression();
  }

  /** Writes one image as a tar stream to {@code out}, which is left open. */
  public WrittenImage write(SampleImage image, OutputStream out) throws IOException {
    return writeAll(List.of(image), out).get(0);
  }

  /** Writes one image to a file, or for {@link Layout#OCI_DIRECTORY} into a directory. */
  public WrittenImage write(SampleImage image, Path target) throws IOException {
    return writeAll(List.of(image), target).get(0);
  }

  /** The archive of one image in memory; for small test images. */
  public byte[] toBytes(SampleImage image) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      write(image, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * Writes several images into one archive: the platforms of one index in the OCI layouts, the
   * entries of one {@code manifest.json} in the docker ones. Blobs they share are written once.
   */
  public List<WrittenImage> writeAll(List<SampleImage> images, OutputStream out)
      throws IOException {
    if (!settings.layout().isTar()) {
      throw new IllegalArgumentException(
          settings.layout() + ": writes a directory, not a stream; give a Path to write it into");
    }
    Assembly assembly = assemble(images);
    try (ArchiveSink sink = new TarSink(out, mtime())) {
      emit(assembly, sink);
    }
    return assembly.images();
  }

  /** Writes several images to a file, or for {@link Layout#OCI_DIRECTORY} into a directory. */
  public List<WrittenImage> writeAll(List<SampleImage> images, Path target) throws IOException {
    if (settings.layout().isTar()) {
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(target), 1 << 20)) {
        return writeAll(images, out);
      }
    }
    Assembly assembly = assemble(images);
    try (ArchiveSink sink = new DirectorySink(target)) {
      emit(assembly, sink);
    }
    return assembly.images();
  }

  private Assembly assemble(List<SampleImage> images) throws IOException {
    if (images.isEmpty()) {
      throw new IllegalArgumentException(settings.layout() + ": no images to write");
    }
    LayerBlob.Budget budget = new LayerBlob.Budget();
    List<PlannedImage> planned = new ArrayList<>();
    for (SampleImage image : images) {
      planned.add(PlannedImage.plan(image, settings.effectiveCompression(), budget));
    }
    return switch (settings.layout()) {
      case DOCKER_LEGACY -> DockerLegacyFormat.assemble(planned);
      case DOCKER_OCI, OCI_LAYOUT, OCI_DIRECTORY -> OciFormat.assemble(planned, settings);
      case PODMAN -> PodmanFormat.assemble(planned);
      case KANIKO -> KanikoFormat.assemble(planned);
    };
  }

  /** Writes each name once (images share blobs and base layers), sorted if the layout is. */
  private static void emit(Assembly assembly, ArchiveSink sink) throws IOException {
    Map<String, ArchiveItem> unique = new LinkedHashMap<>();
    for (ArchiveItem item : assembly.items()) unique.putIfAbsent(item.name(), item);
    List<ArchiveItem> items = new ArrayList<>(unique.values());
    if (assembly.sortByName()) {
      items.sort((a, b) -> TarRecords.compareWalk(a.name(), b.name()));
    }
    for (ArchiveItem item : items) sink.put(item);
  }

  private FileTime mtime() {
    return settings.layout() == Layout.KANIKO ? Timestamps.EPOCH : Timestamps.ENTRY_FILE_TIME;
  }

  private static boolean isOci(Layout layout) {
    return layout == Layout.DOCKER_OCI
        || layout == Layout.OCI_LAYOUT
        || layout == Layout.OCI_DIRECTORY;
  }
}
