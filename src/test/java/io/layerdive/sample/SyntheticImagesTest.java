package io.layerdive.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SyntheticImagesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest
  @EnumSource(
      value = SyntheticImages.class,
      names = {"SMALL", "LARGE"})
  void hasTheAdvertisedShape(SyntheticImages spec) {
    SampleImage image = spec.image();
    long bytes = 0;
    int files = 0;
    int whiteouts = 0;
    int opaque = 0;
    Set<String> seen = new HashSet<>();
    int overwritten = 0;
    for (SampleLayer layer : image.layers()) {
      Set<String> inLayer = new HashSet<>();
      for (SampleEntry e : layer.entries()) {
        String name = TarRecords.tarName(e);
        assertThat(inLayer.add(name)).as("%s appears twice in a layer", name).isTrue();
        switch (e.kind()) {
          case FILE -> {
            files++;
            bytes += e.size();
            if (!seen.add(e.path())) overwritten++;
          }
          case WHITEOUT -> whiteouts++;
          case OPAQUE -> opaque++;
          default -> {}
        }
      }
    }
    assertThat(image.layers()).hasSize(spec.layers());
    assertThat(files - overwritten).isBetween(spec.files(), spec.files() + 100);
    assertThat(overwritten).isEqualTo(spec.overwrites());
    assertThat(whiteouts).isGreaterThan(spec.whiteouts());
    assertThat(opaque).isPositive();
    assertThat((double) bytes)
        .isCloseTo(spec.totalBytes(), org.assertj.core.data.Percentage.withPercentage(15));
  }

  @Test
  void flatIsOneLayerOfItsOwnFiles() {
    SampleImage image = SyntheticImages.FLAT.image();
    int files = 0;
    long bytes = 0;
    for (SampleEntry e : image.layers().get(0).entries()) {
      assertThat(e.kind()).isIn(SampleEntry.Kind.FILE, SampleEntry.Kind.DIRECTORY);
      if (e.kind() == SampleEntry.Kind.FILE) {
        files++;
        bytes += e.size();
      }
    }
    assertThat(image.layers()).hasSize(1);
    assertThat(files).isEqualTo(100_000);
    assertThat((double) bytes)
        .isCloseTo(100_000_000.0, org.assertj.core.data.Percentage.withPercentage(15));
  }

  @Test
  void editsOnlyTouchPathsThatExist() {
    // Replays the layers: every whiteout, rewrite and opaque directory hits a live path.
    Set<String> live = new HashSet<>();
    Set<String> dirs = new HashSet<>();
    for (SampleLayer layer : SyntheticImages.SMALL.image().layers()) {
      Set<String> before = new HashSet<>(live);
      Set<String> dirsBefore = new HashSet<>(dirs);
      for (SampleEntry e : layer.entries()) {
        switch (e.kind()) {
          case WHITEOUT -> {
            assertThat(before.contains(e.path()) || dirsBefore.contains(e.path()))
                .as("whiteout of %s", e.path())
                .isTrue();
            live.remove(e.path());
            live.removeIf(p -> p.startsWith(e.path() + "/"));
            dirs.remove(e.path());
          }
          case OPAQUE -> {
            assertThat(dirsBefore).contains(e.path());
            live.removeIf(p -> p.startsWith(e.path() + "/"));
          }
          case DIRECTORY -> dirs.add(e.path());
          case FILE -> live.add(e.path());
          default -> {}
        }
      }
    }
    assertThat(live).isNotEmpty();
  }

  @Test
  void parentsComeBeforeTheirChildren() {
    for (SampleLayer layer : SyntheticImages.SMALL.image().layers()) {
      Set<String> dirs = new HashSet<>();
      for (SampleEntry e : layer.entries()) {
        int slash = e.path().lastIndexOf('/');
        if (slash > 0) assertThat(dirs).as(e.path()).contains(e.path().substring(0, slash));
        if (e.kind() == SampleEntry.Kind.DIRECTORY) dirs.add(e.path());
      }
    }
  }

  @Test
  void entriesAreTheSameByIndexAndByIteration() {
    SampleLayer layer = SyntheticImages.SMALL.image().layers().get(2);
    List<SampleEntry> iterated = new ArrayList<>(layer.entries());
    for (int i = 0; i < iterated.size(); i += 37) {
      assertThat(layer.entries().get(i)).isEqualTo(iterated.get(i));
    }
    assertThat(SyntheticImages.SMALL.image().layers().get(2)).isEqualTo(layer);
  }

  @Test
  void writesAnArchiveWhoseLayersMatchTheirDiffIds(@TempDir Path dir) throws Exception {
    Path tar = dir.resolve("small.tar");
    WrittenImage written = SyntheticImages.SMALL.write(tar, Layout.DOCKER_LEGACY);

    Map<String, String> digests = new HashMap<>();
    byte[] manifest = null;
    try (InputStream file = new BufferedInputStream(Files.newInputStream(tar), 1 << 16);
        TarArchiveInputStream in = new TarArchiveInputStream(file)) {
      TarArchiveEntry e;
      while ((e = in.getNextEntry()) != null) {
        if (e.getName().endsWith("/layer.tar")) digests.put(e.getName(), sha256(in));
        if (e.getName().equals("manifest.json")) manifest = in.readAllBytes();
      }
    }
    JsonNode layers = JSON.readTree(manifest).get(0).get("Layers");
    assertThat(layers).hasSize(SyntheticImages.SMALL.layers());
    for (int i = 0; i < layers.size(); i++) {
      assertThat(digests.get(layers.get(i).asText()))
          .isEqualTo(written.layers().get(i).diffId().toString());
    }
  }

  private static String sha256(InputStream in) throws Exception {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    byte[] buf = new byte[1 << 16];
    int n;
    while ((n = in.read(buf)) > 0) md.update(buf, 0, n);
    return "sha256:" + HexFormat.of().formatHex(md.digest());
  }
}
