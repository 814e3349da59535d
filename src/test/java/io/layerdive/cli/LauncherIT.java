package io.layerdive.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.layerdive.testing.BuiltJar;
import io.layerdive.testing.ChildProcess;
import io.layerdive.testing.ChildProcess.Result;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher script beside the jar ({@code target/layerdive}): it prints what {@code java -jar}
 * prints, records a class-data archive under {@code $XDG_CACHE_HOME/layerdive/cds} on the first
 * successful run, maps it on later runs, and never lets a broken archive show. Skips when the jar
 * was not built (system property {@code layerdive.jar}, set by Failsafe) or there is no {@code
 * /bin/sh}.
 */
class LauncherIT {
  @TempDir Path temp;
  private Path launcher;
  private Path cache;

  @BeforeEach
  void requirements() {
    launcher = BuiltJar.path().resolveSibling("layerdive");
    assumeTrue(Files.isExecutable(launcher), "no launcher beside the jar: " + launcher);
    assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "no /bin/sh to run the launcher");
    cache = temp.resolve("cache");
  }

  @Test
  void firstRunRecordsAnArchiveThatTheNextRunMaps() throws Exception {
    Result plain = run(BuiltJar.command("--demo"), Map.of());

    Result first = run(List.of(launcher.toString(), "--demo"), Map.of());
    List<Path> archives = archives();
    Path classes = temp.resolve("classes.log");
    Result second =
        run(
            List.of(launcher.toString(), "--demo"),
            Map.of("JAVA_OPTS", "-Xlog:class+load=info:file=" + classes));

    assertThat(plain.exit()).isZero();
    assertThat(first.exit()).isZero();
    assertThat(first.stdout()).isEqualTo(plain.stdout());
    assertThat(first.stderr()).isEqualTo(plain.stderr());
    assertThat(archives).hasSize(1);
    assertThat(archives.get(0).getFileName().toString())
        .endsWith("-" + Files.size(archives.get(0)) + ".jsa");
    assertThat(second.exit()).isZero();
    assertThat(second.stdout()).isEqualTo(plain.stdout());
    assertThat(second.stderr()).isEqualTo(plain.stderr());
    assertThat(Files.readString(classes))
        .contains("io.layerdive.cli.Main source: shared objects file (top)");
  }

  @Test
  void aTruncatedArchiveIsDeletedUnreadAndRecordedAgain() throws Exception {
    Result plain = run(BuiltJar.command("--json", "-", "--demo"), Map.of());
    run(List.of(launcher.toString(), "--demo"), Map.of());
    Path archive = archives().get(0);
    long size = Files.size(archive);
    archive.toFile().setWritable(true);
    try (FileChannel channel = FileChannel.open(archive, StandardOpenOption.WRITE)) {
      channel.truncate(size / 2);
    }

    Result broken = run(List.of(launcher.toString(), "--json", "-", "--demo"), Map.of());

    assertThat(broken.exit()).isZero();
    assertThat(broken.stdout()).isEqualTo(plain.stdout());
    assertThat(broken.stderr()).isEqualTo(plain.stderr());
    assertThat(archives()).hasSize(1);
    assertThat(Files.size(archives().get(0))).isGreaterThan(size / 2);
  }

  @Test
  void aFailedRunRecordsNothing() throws Exception {
    Result plain = run(BuiltJar.command(temp.resolve("missing.tar").toString()), Map.of());

    Result failed =
        run(List.of(launcher.toString(), temp.resolve("missing.tar").toString()), Map.of());

    assertThat(failed.exit()).isEqualTo(plain.exit()).isNotZero();
    assertThat(failed.stderr()).isEqualTo(plain.stderr());
    assertThat(archives()).isEmpty();
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void worksThroughASymlinkAndWithoutACacheDirectory() throws Exception {
    Path link = temp.resolve("bin").resolve("layerdive");
    Files.createDirectories(link.getParent());
    Files.createSymbolicLink(link, launcher.toAbsolutePath());
    Result plain = run(BuiltJar.command("--demo"), Map.of());

    Result linked = run(List.of(link.toString(), "--demo"), Map.of("LAYERDIVE_CDS", "0"));
    // Not left for the temporary directory's clean-up, which warns about links that lead out.
    Files.delete(link);

    assertThat(linked.exit()).isZero();
    assertThat(linked.stdout()).isEqualTo(plain.stdout());
    assertThat(Files.exists(cache)).isFalse();
  }

  private List<Path> archives() throws IOException {
    return list("glob:**/*.jsa");
  }

  private List<Path> leftovers() throws IOException {
    return list("glob:**/*.tmp");
  }

  private List<Path> list(String glob) throws IOException {
    Path dir = cache.resolve("layerdive").resolve("cds");
    if (!Files.isDirectory(dir)) return List.of();
    var matcher = dir.getFileSystem().getPathMatcher(glob);
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(matcher::matches).toList();
    }
  }

  private Result run(List<String> command, Map<String, String> extra) throws Exception {
    return new ChildProcess(command)
        .unset("JAVA_OPTS")
        .unset("LAYERDIVE_CDS")
        .set("XDG_CACHE_HOME", cache.toString())
        .set("LAYERDIVE_JAVA", BuiltJar.javaBinary())
        .setAll(extra)
        .run(temp);
  }
}
