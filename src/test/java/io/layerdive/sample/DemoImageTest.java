package io.layerdive.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoImageTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SampleImage DEMO = DemoImage.demo();

  @Test
  void hasTheHistoryOfAReactBuild() {
    assertThat(DEMO.name()).isEqualTo(DemoImage.NAME);
    assertThat(DEMO.layers()).hasSize(15);
    assertThat(DEMO.fileLayers()).hasSize(9);
    assertThat(DEMO.fileLayers())
        .extracting(SampleLayer::createdBy)
        .anyMatch(c -> c.endsWith("npm ci && npm run build"))
        .anyMatch(c -> c.endsWith("rm -rf /root/.npm"))
        .anyMatch(c -> c.endsWith("chown -R node:node /app"));
  }

  @Test
  void isSmallEnoughToGenerateQuicklyButHasThousandsOfFiles() {
    long bytes = DEMO.fileLayers().stream().mapToLong(SampleLayer::contentSize).sum();
    long entries = DEMO.fileLayers().stream().mapToLong(l -> l.entries().size()).sum();

    assertThat(bytes).isBetween(30_000_000L, 60_000_000L);
    assertThat(entries).isBetween(3_000L, 12_000L);
  }

  @Test
  void nodeModulesDominatesTheWaste() {
    // dive's waste: every copy of a path that more than one layer writes, plus what is deleted
    Map<String, Long> copies = new HashMap<>();
    Map<String, Long> bytes = new HashMap<>();
    for (SampleLayer layer : DEMO.fileLayers()) {
      for (SampleEntry e : layer.entries()) {
        if (e.kind() != SampleEntry.Kind.FILE) continue;
        copies.merge(e.path(), 1L, Long::sum);
        bytes.merge(e.path(), e.size(), Long::sum);
      }
    }
    long waste = 0;
    long nodeModules = 0;
    long npmCache = 0;
    for (Map.Entry<String, Long> e : bytes.entrySet()) {
      String path = e.getKey();
      boolean deleted = path.startsWith("root/.npm/");
      if (copies.get(path) < 2 && !deleted) continue;
      waste += e.getValue();
      if (path.startsWith("app/node_modules/")) nodeModules += e.getValue();
      if (deleted) npmCache += e.getValue();
    }
    assertThat(nodeModules).isGreaterThan(waste / 2);
    assertThat(npmCache).isPositive().isLessThan(nodeModules);
    assertThat(waste).isGreaterThan(15_000_000L);
  }

  @Test
  void carriesTheUsualMistakes() {
    List<SampleLayer> layers = DEMO.fileLayers();
    assertThat(paths(layers.get(1))).anyMatch(p -> p.startsWith("var/cache/apk/APKINDEX."));
    assertThat(paths(layers.get(4))).contains("app/package.json", "app/.git/HEAD");
    assertThat(paths(layers.get(3))).contains("app/package.json");
    assertThat(paths(layers.get(5))).anyMatch(p -> p.startsWith("root/.npm/_cacache/content-v2/"));
    assertThat(layers.get(6).entries())
        .singleElement()
        .satisfies(e -> assertThat(e.kind()).isEqualTo(SampleEntry.Kind.WHITEOUT));
    assertThat(layers.get(7).entries())
        .singleElement()
        .satisfies(e -> assertThat(e.mode()).isEqualTo(0755));
    // The chmod stores again, whole, a file the build made.
    SampleEntry chmodded = layers.get(7).entries().get(0);
    assertThat(layers.get(5).entries())
        .anySatisfy(
            e -> {
              assertThat(e.path()).isEqualTo(chmodded.path());
              assertThat(e.size()).isEqualTo(chmodded.size()).isPositive();
            });
    assertThat(layers.get(8).entries()).allSatisfy(e -> assertThat(e.uid()).isEqualTo(1000));
  }

  @Test
  void openArchiveStreamsTheDockerSaveArchive() throws IOException {
    byte[] streamed;
    try (InputStream in = DemoImage.openArchive()) {
      streamed = in.readAllBytes();
    }
    assertThat(streamed).isEqualTo(ArchiveWriter.of(Layout.DOCKER_LEGACY).toBytes(DEMO));

    Map<String, byte[]> files = TarContents.files(streamed);
    JsonNode manifest = JSON.readTree(files.get("manifest.json")).get(0);
    assertThat(manifest.get("RepoTags").get(0).asText()).isEqualTo(DemoImage.NAME);
    JsonNode config = JSON.readTree(files.get(manifest.get("Config").asText()));
    JsonNode layers = manifest.get("Layers");
    assertThat(layers).hasSize(9);
    for (int i = 0; i < layers.size(); i++) {
      assertThat(TarContents.sha256(files.get(layers.get(i).asText())))
          .isEqualTo(config.at("/rootfs/diff_ids").get(i).asText());
    }
  }

  @Test
  void closingEarlyStopsTheGeneratingThread() throws Exception {
    try (InputStream in = DemoImage.openArchive()) {
      assertThat(in.readNBytes(1024)).hasSize(1024);
    }
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().equals("layerdive-demo-archive")) t.join(60_000);
    }
    assertThat(Thread.getAllStackTraces().keySet())
        .noneMatch(t -> t.getName().equals("layerdive-demo-archive"));
  }

  private static List<String> paths(SampleLayer layer) {
    return layer.entries().stream().map(SampleEntry::path).toList();
  }
}
