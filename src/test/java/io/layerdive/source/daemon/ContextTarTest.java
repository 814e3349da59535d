package io.layerdive.source.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContextTarTest {
  @TempDir Path dir;

  private static List<String> entries(InputStream tar) throws Exception {
    List<String> names = new ArrayList<>();
    TarArchiveInputStream in = new TarArchiveInputStream(tar);
    for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
      names.add(e.getName() + (e.isSymbolicLink() ? " -> " + e.getLinkName() : "")
          + " uid=" + e.getLongUserId());
    }
    return names;
  }

  @Test
  void honoursDockerignoreButAlwaysSendsTheBuildFiles() throws Exception {
    Path ctx = Files.createDirectories(dir.resolve("ctx"));
    Files.writeString(ctx.resolve("Dockerfile"), "FROM scratch\n");
    Files.writeString(ctx.resolve(".dockerignore"), "Dockerfile\n.dockerignore\n*.log\nsecret/\n");
    Files.writeString(ctx.resolve("app.log"), "x");
    Files.writeString(ctx.resolve("main.sh"), "echo\n");
    Files.createDirectories(ctx.resolve("secret"));
    Files.writeString(ctx.resolve("secret/key"), "k");
    Files.createSymbolicLink(ctx.resolve("link"), Path.of("main.sh"));
    ContextTar tar = new ContextTar(BuildRequest.of(ctx));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    tar.write(tar.paths(), out);
    assertThat(entries(new ByteArrayInputStream(out.toByteArray())))
        .containsExactly(
            ".dockerignore uid=0", "Dockerfile uid=0", "link -> main.sh uid=0", "main.sh uid=0");
    assertThat(tar.dockerfileName()).isEqualTo("Dockerfile");
  }

  @Test
  void dockerfileOutsideTheContextTravelsUnderItsOwnName() throws Exception {
    Path ctx = Files.createDirectories(dir.resolve("ctx"));
    Files.writeString(ctx.resolve("a.txt"), "a");
    Path outside = Files.writeString(dir.resolve("Dockerfile.ci"), "FROM scratch\n");
    BuildRequest request = BuildRequest.of(ctx);
    request = new BuildRequest(ctx, Optional.of(outside), List.of(), request.buildArgs(),
        Optional.empty(), false, false, request.labels(), Optional.empty(), Optional.empty(),
        List.of(), List.of());
    ContextTar tar = new ContextTar(request);
    assertThat(tar.dockerfileName()).startsWith(".dockerfile.");
    List<String> sent = entries(tar.stream());
    assertThat(sent).containsExactly("a.txt uid=0", tar.dockerfileName() + " uid=0");
  }
}
