package io.layerdive.source.daemon;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * A build context as the tar the daemon takes, written while it is sent: no temporary file, and
 * nothing to clean up if the build is stopped. {@code .dockerignore} is honoured; the Dockerfile
 * and {@code .dockerignore} are always sent, as the docker CLI does, and a Dockerfile outside the
 * context is sent under a name of its own.
 */
final class ContextTar {
  private static final int PIPE_BUFFER = 256 * 1024;

  private final Path context;
  private final Path dockerfile;
  private final String dockerfileName;
  private final DockerIgnore ignore;

  ContextTar(BuildRequest request) throws IOException {
    this.context = request.context().toAbsolutePath().normalize();
    this.dockerfile =
        request.dockerfile().orElse(context.resolve("Dockerfile")).toAbsolutePath().normalize();
    this.dockerfileName =
        dockerfile.startsWith(context)
            ? slashes(context.relativize(dockerfile))
            : ".dockerfile." + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    Path ignoreFile = context.resolve(".dockerignore");
    this.ignore =
        Files.isRegularFile(ignoreFile)
            ? DockerIgnore.parse(Files.readString(ignoreFile, StandardCharsets.UTF_8))
            : DockerIgnore.none();
  }

  /** The Dockerfile's name inside the tar, for the build's {@code dockerfile} parameter. */
  String dockerfileName() {
    return dockerfileName;
  }

  /** The paths sent, relative and {@code /}-separated, in the order written. */
  List<String> paths() throws IOException {
    List<String> paths = new ArrayList<>();
    walk(context, paths);
    if (!dockerfile.startsWith(context) || !paths.contains(dockerfileName)) {
      paths.add(dockerfileName);
    }
    return paths;
  }

  private void walk(Path dir, List<String> out) throws IOException {
    List<Path> children;
    try (Stream<Path> list = Files.list(dir)) {
      children = list.sorted().toList();
    }
    for (Path child : children) {
      String rel = slashes(context.relativize(child));
      boolean isDir = Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS);
      boolean keep = !ignore.excludes(rel) || rel.equals(dockerfileName) || rel.equals(".dockerignore");
      if (keep) {
        out.add(rel);
      }
      if (isDir && (keep || ignore.hasExceptions())) {
        walk(child, out);
      }
    }
  }

  /** Starts writing the tar on a thread of its own; the returned stream is the request body. */
  InputStream stream() throws IOException {
    PipedInputStream in = new PipedInputStream(PIPE_BUFFER);
    PipedOutputStream pipe = new PipedOutputStream(in);
    List<String> paths = paths();
    Thread writer =
        new Thread(
            () -> {
              try (OutputStream out = pipe) {
                write(paths, out);
              } catch (IOException e) {
                // The reader stopped (the build failed or was cancelled) or a file vanished;
                // the daemon sees a broken body and the build reports it.
              }
            },
            "layerdive-build-context");
    writer.setDaemon(true);
    writer.start();
    return in;
  }

  void write(List<String> paths, OutputStream target) throws IOException {
    TarArchiveOutputStream tar = new TarArchiveOutputStream(target);
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    for (String rel : paths) {
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedIOException("build context: stopped");
      }
      Path file = rel.equals(dockerfileName) ? dockerfile : context.resolve(rel);
      PosixFileAttributes attrs =
          Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      TarArchiveEntry entry;
      if (attrs.isSymbolicLink()) {
        entry = new TarArchiveEntry(rel, TarConstants.LF_SYMLINK);
        entry.setLinkName(Files.readSymbolicLink(file).toString());
      } else if (attrs.isDirectory()) {
        entry = new TarArchiveEntry(rel + "/");
      } else if (attrs.isRegularFile()) {
        entry = new TarArchiveEntry(rel);
        entry.setSize(attrs.size());
      } else {
        continue; // sockets, fifos and devices: the docker CLI leaves them out too
      }
      entry.setMode(mode(attrs));
      entry.setModTime(attrs.lastModifiedTime());
      // Owned by root, as the docker CLI sends it: the builder's COPY sees root-owned files.
      entry.setUserId(0);
      entry.setGroupId(0);
      tar.putArchiveEntry(entry);
      if (attrs.isRegularFile()) {
        Files.copy(file, tar);
      }
      tar.closeArchiveEntry();
    }
    tar.finish();
  }

  private static int mode(PosixFileAttributes attrs) {
    int mode = 0;
    for (PosixFilePermission p : attrs.permissions()) {
      mode |= 1 << (8 - p.ordinal());
    }
    if (attrs.isDirectory()) {
      mode |= 040000;
    } else if (attrs.isSymbolicLink()) {
      mode |= 0120000;
    } else {
      mode |= 0100000;
    }
    return mode;
  }

  private static String slashes(Path relative) {
    return relative.toString().replace('\\', '/');
  }
}
