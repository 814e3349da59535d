package io.layerdive.analysis;

import static io.layerdive.testing.Layers.dir;
import static io.layerdive.testing.Layers.file;
import static io.layerdive.testing.Layers.files;
import static io.layerdive.testing.Layers.layer;
import static io.layerdive.testing.Layers.whiteout;
import static org.assertj.core.api.Assertions.assertThat;

import io.layerdive.image.Digest;
import io.layerdive.image.Image;
import io.layerdive.image.ImageConfig;
import io.layerdive.image.Layer;
import io.layerdive.image.LayerChange;
import io.layerdive.tree.ImageFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdvisorTest {

  /** An image whose layer commands are {@code commands} and whose sizes come from the changes. */
  @SafeVarargs
  private static AdviceReport advise(List<String> commands, List<LayerChange>... layers) {
    return advise(1, commands, layers);
  }

  /** As {@link #advise(List, List[])}, with {@code baseLayers} leading layers from the base image. */
  @SafeVarargs
  private static AdviceReport advise(
      int baseLayers, List<String> commands, List<LayerChange>... layers) {
    ImageFiles files = files(layers);
    List<Layer> list = new ArrayList<>();
    for (int i = 0; i < layers.length; i++) {
      list.add(new Layer(i, "l" + i, Digest.parse("sha256:" + "0".repeat(63) + i), Optional.empty(),
          commands.get(i), files.layer(i).totalSize(), -1));
    }
    ImageConfig config = new ImageConfig("", "", List.of(), baseLayers);
    return Advisor.advise(new Image("test", config, list, List.of()), files);
  }

  @Test
  void mergeWindowsStartAfterEveryBaseLayer() {
    List<String> commands =
        List.of("ADD rootfs.tar /", "/bin/sh -c echo a > /etc/conf", "/bin/sh -c npm ci",
            "/bin/sh -c rm -rf /root/.npm");
    @SuppressWarnings("unchecked")
    List<LayerChange>[] layers = new List[] {
      layer(dir("etc"), dir("root")),
      layer(dir("etc"), file("etc/conf", 2000, 1)),
      layer(dir("etc"), file("etc/conf", 10, 2), dir("root"), dir("root/.npm"),
          file("root/.npm/a", 3000)),
      layer(dir("root"), whiteout("root/.npm"))
    };

    AdviceReport oneBaseLayer = advise(1, commands, layers);
    AdviceReport twoBaseLayers = advise(2, commands, layers);

    assertThat(oneBaseLayer.merges()).extracting(LayerMerge::from).contains(1);
    assertThat(twoBaseLayers.merges()).extracting(LayerMerge::from, LayerMerge::to)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(2, 3));
  }

  @Test
  void removalInsideTheBaseImageAdvisesAnotherBase_notADockerfileChange() {
    AdviceReport report =
        advise(
            2,
            List.of("ADD rootfs.tar /", "/bin/sh -c rm -rf /opt/x", "/bin/sh -c echo hi > /hi"),
            layer(dir("opt"), dir("opt/x"), file("opt/x/a", 4000)),
            layer(dir("opt"), whiteout("opt/x")),
            layer(file("hi", 3)));

    assertThat(report.items()).singleElement().satisfies(a -> {
      assertThat(a.kind()).isEqualTo(AdviceKind.REMOVED_LATER);
      assertThat(a.bytesSaved()).isEqualTo(4000);
      assertThat(a.problem()).endsWith("(inside the base image)");
      assertThat(a.change()).contains("slimmer base image").doesNotContain("same RUN");
    });
    assertThat(report.merges()).isEmpty();
  }

  @Test
  void removedLaterSavesExactlyTheDeletedBytes() {
    AdviceReport report =
        advise(
            List.of("FROM", "/bin/sh -c npm ci", "/bin/sh -c rm -rf /root/.npm"),
            layer(dir("root")),
            layer(dir("root"), dir("root/.npm"), file("root/.npm/a", 3000), file("root/.npm/b", 2000)),
            layer(dir("root"), whiteout("root/.npm")));

    assertThat(report.items()).singleElement().satisfies(a -> {
      assertThat(a.kind()).isEqualTo(AdviceKind.REMOVED_LATER);
      assertThat(a.bytesSaved()).isEqualTo(5000);
      assertThat(a.exact()).isTrue();
      assertThat(a.layers()).containsExactly(1, 2);
      assertThat(a.files()).isEqualTo(2);
      assertThat(a.examples()).containsExactly("/root/.npm/a", "/root/.npm/b");
      assertThat(a.problem()).contains("layer 2 (`rm -rf /root/.npm`)").contains("layer 1 (`npm ci`)");
      assertThat(a.change()).contains("same RUN");
    });
    assertThat(report.totalBytesSaved()).isEqualTo(5000);
    assertThat(report.merges()).singleElement().satisfies(m -> {
      assertThat(m.from()).isEqualTo(1);
      assertThat(m.to()).isEqualTo(2);
      assertThat(m.mergedBytes()).isZero();
      assertThat(m.savedBytes()).isEqualTo(5000);
    });
  }

  @Test
  void chmodInALaterLayerIsAMetadataCopy_contentChangeIsAnOverwrite() {
    AdviceReport report =
        advise(
            List.of("FROM", "COPY . /app", "/bin/sh -c chmod +x /app/run /app/conf"),
            layer(dir("app")),
            layer(dir("app"), file("app/run", 700, 1), file("app/conf", 300, 2)),
            layer(dir("app"), file("app/run", 700, 1, 0755), file("app/conf", 310, 3)));

    assertThat(report.items())
        .extracting(Advice::kind, Advice::bytesSaved)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(AdviceKind.METADATA_COPY, 700L),
            org.assertj.core.groups.Tuple.tuple(AdviceKind.OVERWRITTEN_LATER, 300L));
    assertThat(report.items().get(0).change()).contains("COPY --chmod");
  }

  @Test
  void packageCacheLeftInTheFinalImage() {
    AdviceReport report =
        advise(
            List.of("FROM", "/bin/sh -c apt-get update && apt-get install -y curl"),
            layer(dir("usr")),
            layer(dir("var"), dir("var/lib"), dir("var/lib/apt"), dir("var/lib/apt/lists"),
                file("var/lib/apt/lists/deb.debian.org_dists", 40_000), dir("usr"), file("usr/curl", 1000)));

    assertThat(report.items()).singleElement().satisfies(a -> {
      assertThat(a.kind()).isEqualTo(AdviceKind.PACKAGE_CACHE);
      assertThat(a.bytesSaved()).isEqualTo(40_000);
      assertThat(a.change()).contains("rm -rf /var/lib/apt/lists/*");
    });
  }

  @Test
  void aByteIsClaimedOnce_cacheDeletedLaterCountsAsRemovedOnly() {
    AdviceReport report =
        advise(
            List.of("FROM", "/bin/sh -c apk add gcc", "/bin/sh -c rm -rf /var/cache/apk"),
            layer(dir("var")),
            layer(dir("var"), dir("var/cache"), dir("var/cache/apk"), file("var/cache/apk/APKINDEX", 900)),
            layer(dir("var"), dir("var/cache"), whiteout("var/cache/apk")));

    assertThat(report.items()).extracting(Advice::kind).containsExactly(AdviceKind.REMOVED_LATER);
    assertThat(report.totalBytesSaved()).isEqualTo(900);
  }

  @Test
  void frontendNodeModulesNextToAStaticBuild() {
    AdviceReport report =
        advise(
            List.of("FROM", "/bin/sh -c npm ci && npm run build"),
            layer(dir("app")),
            layer(dir("app"), dir("app/node_modules"), dir("app/node_modules/react"),
                file("app/node_modules/react/index.js", 90_000), dir("app/dist"), file("app/dist/index.html", 500)));

    assertThat(report.items()).singleElement().satisfies(a -> {
      assertThat(a.kind()).isEqualTo(AdviceKind.BUILD_ONLY);
      assertThat(a.bytesSaved()).isEqualTo(90_000);
      assertThat(a.exact()).isFalse();
      assertThat(a.change()).contains("FROM node AS build");
    });
  }

  /** The live copies sit in the chown layer; the command to change is the one that made them. */
  @Test
  void liveCopiesAfterAChownAreNamedByTheLayerThatCreatedThem() {
    AdviceReport report =
        advise(
            List.of("FROM", "RUN /bin/sh -c npm ci # buildkit", "RUN /bin/sh -c npm run build # buildkit",
                "RUN /bin/sh -c chown -R 1000:1000 /app # buildkit"),
            layer(dir("app")),
            layer(dir("app"), dir("app/node_modules"), file("app/node_modules/react.js", 90_000, 1),
                dir("root"), dir("root/.npm"), file("root/.npm/blob", 40_000, 2)),
            layer(dir("app"), dir("app/dist"), file("app/dist/index.html", 500, 3)),
            layer(dir("app"), dir("app/node_modules"), file("app/node_modules/react.js", 90_000, 1, 0644),
                dir("app/dist"), file("app/dist/index.html", 500, 3)));

    assertThat(report.items())
        .filteredOn(a -> a.kind() == AdviceKind.BUILD_ONLY)
        .singleElement()
        .satisfies(a -> {
          assertThat(a.bytesSaved()).isEqualTo(90_000);
          assertThat(a.layers()).containsExactly(1, 3);
          assertThat(a.problem())
              .startsWith("layer 1 (`npm ci`) leaves node_modules (90 kB in 1 file)")
              .endsWith("; layer 3 (`chown -R 1000:1000 /app`) stores them again, with another owner or mode");
        });
    // The npm cache was never copied: its own layer holds it.
    assertThat(report.items())
        .filteredOn(a -> a.kind() == AdviceKind.PACKAGE_CACHE)
        .singleElement()
        .satisfies(a -> {
          assertThat(a.layers()).containsExactly(1);
          assertThat(a.problem()).startsWith("layer 1 (`npm ci`) leaves the npm cache (40 kB in 1 file)");
        });
  }

  @Test
  void duplicatesKeepOneCopy() {
    AdviceReport report =
        advise(
            List.of("FROM", "/bin/sh -c cp /a /b /c"),
            layer(file("a", 5000, 42)),
            layer(file("b", 5000, 42), file("c", 5000, 42), file("tiny1", 10, 9), file("tiny2", 10, 9)));

    assertThat(report.items()).singleElement().satisfies(a -> {
      assertThat(a.kind()).isEqualTo(AdviceKind.DUPLICATE_CONTENT);
      assertThat(a.bytesSaved()).isEqualTo(10_000);
      assertThat(a.examples()).containsExactly("/a", "/b", "/c");
    });
  }

  @Test
  void nothingToSayAboutACleanImage() {
    AdviceReport report = advise(List.of("FROM", "COPY app /app"), layer(file("bin", 10)), layer(file("app", 10)));

    assertThat(report.items()).isEmpty();
    assertThat(report.merges()).isEmpty();
    assertThat(report.totalBytesSaved()).isZero();
  }

  @Test
  void buildOnlyPackagesAreNamedFromTheApkDatabase() {
    String db = "P:musl\nV:1.2\nF:lib\nR:ld-musl.so\n\nP:gcc\nV:13\nF:usr/libexec/cc\nR:cc1\n\n"
        + "P:musl-dev\nF:usr/include\nR:stdio.h\n";
    io.layerdive.tree.TreeBuilder builder = new io.layerdive.tree.TreeBuilder();
    io.layerdive.image.LayerReceiver.Builder<io.layerdive.tree.RawLayer> base = builder.begin();
    List.of(dir("lib"), file("lib/ld-musl.so", 600)).forEach(base::accept);
    io.layerdive.image.LayerReceiver.Builder<io.layerdive.tree.RawLayer> apk = builder.begin();
    List.of(dir("usr"), dir("usr/libexec"), dir("usr/libexec/cc"), file("usr/libexec/cc/cc1", 90_000),
            dir("usr/include"), file("usr/include/stdio.h", 3_000), dir("lib"), dir("lib/apk"),
            dir("lib/apk/db"), file("lib/apk/db/installed", db.length()))
        .forEach(apk::accept);
    assertThat(builder.wantsContent("lib/apk/db/installed", db.length())).isTrue();
    apk.content("lib/apk/db/installed", db.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    ImageFiles files = builder.freeze(List.of(base.finish(), apk.finish()));
    List<Layer> list = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      list.add(new Layer(i, "l" + i, Digest.parse("sha256:" + "0".repeat(63) + i), Optional.empty(),
          i == 0 ? "FROM" : "/bin/sh -c apk add gcc musl-dev", files.layer(i).totalSize(), -1));
    }

    AdviceReport report = Advisor.advise(new Image("go", ImageConfig.unknown(), list, List.of()), files);

    assertThat(report.items()).singleElement().satisfies(a -> {
      assertThat(a.kind()).isEqualTo(AdviceKind.BUILD_ONLY);
      assertThat(a.bytesSaved()).isEqualTo(93_000);
      assertThat(a.problem()).contains("gcc (90 kB)").contains("musl-dev (3.0 kB)").doesNotContain("musl (");
      assertThat(a.layers()).containsExactly(1);
    });
  }
}
