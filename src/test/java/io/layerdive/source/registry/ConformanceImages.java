package io.layerdive.source.registry;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * dive's own test images (found by {@link io.layerdive.testing.Conformance}) turned into registry
 * images.
 */
final class ConformanceImages {
  private ConformanceImages() {}

  /**
   * A legacy {@code docker save} archive as a registry image: its config as is, each layer tar
   * gzip-compressed under the Docker media type.
   */
  static TestImage fromDockerSave(Path archive) throws IOException {
    Map<String, byte[]> files = new HashMap<>();
    try (InputStream in = Files.newInputStream(archive);
        TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
      TarArchiveEntry e;
      while ((e = tar.getNextEntry()) != null) {
        if (!e.isFile()) continue;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        tar.transferTo(buf);
        files.put(e.getName(), buf.toByteArray());
      }
    }
    JsonNode manifest = TestImage.JSON.readTree(files.get("manifest.json")).get(0);
    byte[] config = files.get(manifest.get("Config").asText());
    JsonNode history = TestImage.JSON.readTree(config).get("history");
    List<String> commands = new ArrayList<>();
    for (JsonNode h : history) {
      if (!h.path("empty_layer").asBoolean(false)) commands.add(h.path("created_by").asText(""));
    }
    TestImage image = new RawConfigImage(config);
    int i = 0;
    for (JsonNode layer : manifest.get("Layers")) {
      byte[] tar = files.get(layer.asText());
      image.addLayer(
          new TestImage.LayerBlob(
              tar,
              TestImage.gzip(tar),
              "application/vnd.docker.image.rootfs.diff.tar.gzip",
              commands.get(i++)));
    }
    return image;
  }

  /** An image whose config is given as bytes rather than built. */
  private static final class RawConfigImage extends TestImage {
    private final byte[] config;

    RawConfigImage(byte[] config) {
      this.config = config;
    }

    @Override
    byte[] config() {
      return config;
    }
  }
}
