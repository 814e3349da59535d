package io.layerdive.cli;

import static io.layerdive.cli.AdvicePair.firstCommand;
import static io.layerdive.cli.AdvicePair.items;
import static io.layerdive.cli.AdvicePair.saved;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.layerdive.analysis.Advice;
import io.layerdive.analysis.AdviceKind;
import io.layerdive.analysis.AdviceReport;
import io.layerdive.analysis.LayerMerge;
import io.layerdive.image.Layer;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Evidence that the advice is right: for each kind, an image built through this machine's Docker
 * daemon from {@code resources/evidence/<case>/before}, and again from {@code after}, where the
 * Dockerfile makes the change the advice recommends. The saving the advice predicts on "before"
 * is compared with what the rebuild really saved: the two images' sizes (Σ layer sizes) apart.
 *
 * <p>Where the arithmetic is exact the test demands equality to the byte. It can be: a layer's size
 * is the sum of its entries' sizes, in which directories, whiteouts and hard links weigh 0, and each
 * "after" differs from its "before" only by the advised change, with files of the same sizes (the
 * contents are random, so nothing deduplicates by chance).
 *
 * <p>The images are built with BuildKit (the default builder of current Docker, and the one that
 * knows {@code COPY --chmod}), from {@code ld-busybox:1.35}; no network is needed.
 */
class AdviceEvidenceIT {
  private static final String BASE = "ld-busybox:1.35";
  private static final String REPOSITORY = "ld-evidence-it/";
  private static final List<String> BUILT = new ArrayList<>();

  @BeforeAll
  static void daemon() {
    Run version = docker("version", "--format", "{{.Server.Version}}");
    assumeTrue(version.exit() == 0,
        "no Docker daemon answers here (docker version: " + version.output().strip() + ")");
    Run base = docker("image", "inspect", "--format", "{{.Id}}", BASE);
    assumeTrue(base.exit() == 0,
        BASE + " is not in the Docker daemon; the evidence images are built from it (docker image"
            + " inspect: " + base.output().strip() + ")");
  }

  @AfterAll
  static void removeImages() {
    if (BUILT.isEmpty()) return;
    List<String> args = new ArrayList<>(List.of("image", "rm", "--force"));
    args.addAll(BUILT);
    docker(args.toArray(String[]::new));
  }

  @Test
  void removedLater_savesExactlyWhatTheLaterLayerDeletes() throws Exception {
    AdvicePair pair = build("removed-later");
    AdviceReport before = pair.beforeAdvice();

    assertThat(items(before, AdviceKind.REMOVED_LATER)).singleElement().satisfies(a -> {
      assertThat(a.exact()).isTrue();
      assertThat(firstCommand(pair.before(), a)).contains("head -c 400000");
      assertThat(a.problem()).contains("(`rm -rf /build`) deletes 2 files, 600 kB");
    });
    // Exact: the "after" RUN writes the same 600,000 bytes and deletes them before it ends.
    assertThat(saved(before, AdviceKind.REMOVED_LATER)).isEqualTo(pair.actualSaving()).isEqualTo(600_000);
    assertThat(pair.afterAdvice().items()).isEmpty();
    assertThat(pair.diff().imageDeltaBytes()).isEqualTo(-pair.actualSaving());
  }

  @Test
  void overwrittenLater_savesExactlyTheReplacedCopy() throws Exception {
    AdvicePair pair = build("overwritten-later");
    AdviceReport before = pair.beforeAdvice();

    assertThat(items(before, AdviceKind.OVERWRITTEN_LATER)).singleElement().satisfies(a -> {
      assertThat(a.exact()).isTrue();
      assertThat(a.examples()).containsExactly("/opt/app/model.bin");
    });
    // Exact: the replaced 500,000-byte model is the only difference.
    assertThat(saved(before, AdviceKind.OVERWRITTEN_LATER)).isEqualTo(pair.actualSaving()).isEqualTo(500_000);
    assertThat(pair.afterAdvice().items()).isEmpty();
    assertThat(pair.diff().imageDeltaBytes()).isEqualTo(-pair.actualSaving());
  }

  @Test
  void metadataCopy_copyWithChmodAndChownSavesExactlyTheSecondCopy() throws Exception {
    AdvicePair pair = build("metadata-copy");
    AdviceReport before = pair.beforeAdvice();

    assertThat(items(before, AdviceKind.METADATA_COPY)).singleElement().satisfies(a -> {
      assertThat(a.exact()).isTrue();
      assertThat(a.files()).isEqualTo(2);
      assertThat(a.change()).contains("COPY --chmod");
      assertThat(firstCommand(pair.before(), a)).startsWith("COPY app/ /app/");
    });
    // Exact: `COPY --chmod=755 --chown=1000:1000` stores the two files once, not twice.
    assertThat(saved(before, AdviceKind.METADATA_COPY)).isEqualTo(pair.actualSaving());
    assertThat(pair.actualSaving())
        .isEqualTo(AdvicePair.fileBytes(pair.before(), "/app/run.sh")
            + AdvicePair.fileBytes(pair.before(), "/app/lib/data.txt"));
    assertThat(pair.afterAdvice().items()).isEmpty();
    assertThat(pair.diff().imageDeltaBytes()).isEqualTo(-pair.actualSaving());
  }

  @Test
  void packageCache_cleaningInTheSameRunSavesExactlyTheCache() throws Exception {
    AdvicePair pair = build("package-cache");
    AdviceReport before = pair.beforeAdvice();

    assertThat(items(before, AdviceKind.PACKAGE_CACHE))
        .extracting(Advice::change)
        .containsExactlyInAnyOrder(
            "end the RUN that installs packages with `&& apt-get clean`",
            "end the RUN that installs packages with `&& rm -rf /var/lib/apt/lists/*`");
    // Exact here: the cleanup removes every file in the two caches and leaves their directories,
    // which weigh 0. (`apt-get clean` itself keeps a 0-byte lock file and the empty partial/.)
    assertThat(saved(before, AdviceKind.PACKAGE_CACHE)).isEqualTo(pair.actualSaving()).isEqualTo(1_350_000);
    assertThat(saved(pair.afterAdvice(), AdviceKind.PACKAGE_CACHE)).isZero();
    assertThat(pair.diff().imageDeltaBytes()).isEqualTo(-pair.actualSaving());
  }

  @Test
  void buildOnly_multiStageSavesTheToolchainsAndNamesThePackages() throws Exception {
    AdvicePair pair = build("build-only");
    AdviceReport before = pair.beforeAdvice();

    List<Advice> buildOnly = items(before, AdviceKind.BUILD_ONLY);
    assertThat(buildOnly).hasSize(2);
    assertThat(buildOnly).anySatisfy(a -> assertThat(a.problem())
        .contains("installs build-only packages gcc (1.2 MB), binutils (350 kB), musl-dev (200 kB)")
        .doesNotContain("ca-certificates"));
    assertThat(buildOnly).anySatisfy(a -> assertThat(a.problem()).contains("installs the Go toolchain (1.2 MB in 2 files)"));
    // Not exact, and it cannot be: a multi-stage build drops everything its final stage does not
    // copy, build-only or not. Here that is apk's database and the Go source next to the toolchain:
    // the rebuild saves the predicted bytes plus exactly those two files, nothing else.
    long predicted = saved(before, AdviceKind.BUILD_ONLY);
    long alsoDropped = AdvicePair.fileBytes(pair.before(), "/lib/apk/db/installed")
        + AdvicePair.fileBytes(pair.before(), "/src/main.go");
    assertThat(alsoDropped).isPositive();
    assertThat(pair.actualSaving()).isEqualTo(predicted + alsoDropped);
    // The tolerance this amounts to: the prediction is within 0.1% of the saving, never above it.
    assertThat(predicted).isLessThanOrEqualTo(pair.actualSaving()).isGreaterThan(pair.actualSaving() * 999 / 1000);
    assertThat(pair.afterAdvice().items()).isEmpty();
    assertThat(pair.diff().imageDeltaBytes()).isEqualTo(-pair.actualSaving());
  }

  @Test
  void duplicateContent_linkingTheCopiesSavesExactlyTheExtraCopies() throws Exception {
    AdvicePair pair = build("duplicate-content");
    AdviceReport before = pair.beforeAdvice();

    assertThat(items(before, AdviceKind.DUPLICATE_CONTENT))
        .extracting(Advice::bytesSaved)
        .containsExactly(300_000L, 160_000L);
    // Exact: a hard link is a 0-byte entry in its layer.
    assertThat(saved(before, AdviceKind.DUPLICATE_CONTENT)).isEqualTo(pair.actualSaving()).isEqualTo(460_000);
    assertThat(pair.afterAdvice().items()).isEmpty();
    assertThat(pair.diff().imageDeltaBytes()).isEqualTo(-pair.actualSaving());
  }

  @Test
  void layerMerge_theMergedLayerWeighsWhatThePredictionSaid() throws Exception {
    AdvicePair pair = build("layer-merge");
    AdviceReport before = pair.beforeAdvice();
    List<Layer> beforeLayers = pair.before().image().layers();
    List<Layer> afterLayers = pair.after().image().layers();
    int first = beforeLayers.size() - 3;

    // ld-busybox:1.35 gives two layers (its COPY and its RUN), ended by its CMD: no merge window
    // may start inside them, since no line of this Dockerfile makes them.
    int baseLayers = 2;
    assertThat(docker("image", "inspect", "--format", "{{len .RootFS.Layers}}", BASE).output().strip())
        .as("layers of " + BASE).isEqualTo(String.valueOf(baseLayers));
    assertThat(pair.before().image().config().baseLayers()).isEqualTo(baseLayers).isEqualTo(first);
    assertThat(before.merges()).isNotEmpty().allSatisfy(m -> assertThat(m.from()).isGreaterThanOrEqualTo(baseLayers));
    // The three RUNs of the Dockerfile, merged: the widest window the advice offers.
    LayerMerge merge = before.merges().get(0);
    assertThat(merge.from()).isEqualTo(first);
    assertThat(merge.to()).isEqualTo(beforeLayers.size() - 1);
    // Exact: the one RUN of "after" is a layer of exactly the predicted size, and the image shrinks
    // by exactly the predicted saving.
    assertThat(afterLayers).hasSize(first + 1);
    assertThat(afterLayers.get(first).sizeBytes()).isEqualTo(merge.mergedBytes()).isEqualTo(150_000);
    assertThat(merge.savedBytes()).isEqualTo(pair.actualSaving()).isEqualTo(420_000);
    // The same bytes, seen as removed-later items (the merge is another way to save them).
    assertThat(saved(before, AdviceKind.REMOVED_LATER)).isEqualTo(merge.savedBytes());
    assertThat(pair.afterAdvice().merges()).isEmpty();
    assertThat(pair.diff().imageDeltaBytes()).isEqualTo(-pair.actualSaving());
  }

  /**
   * A frontend built the common way (npm ci, then the build, then {@code chown -R}, then a cache
   * cleanup in its own RUN), against the multi-stage build the advice recommends.
   */
  @Test
  void frontend_theTopItemsExplainTheRebuildsSaving_andDiffAgrees() throws Exception {
    AdvicePair pair = build("frontend");
    AdviceReport before = pair.beforeAdvice();
    long actual = pair.actualSaving();
    List<Advice> top = before.items().subList(0, 4);

    assertThat(top).extracting(Advice::kind).containsExactly(
        AdviceKind.METADATA_COPY, AdviceKind.BUILD_ONLY, AdviceKind.REMOVED_LATER,
        AdviceKind.METADATA_COPY);
    // The four largest items account for at least 95% of what the rebuild saved.
    long topSaved = top.stream().mapToLong(Advice::bytesSaved).sum();
    assertThat(topSaved * 100).isGreaterThanOrEqualTo(actual * 95);
    // All items together never promise more than the rebuild gave; what they leave out is the
    // sources and package.json, which the multi-stage build drops too but no advice calls waste.
    assertThat(before.totalBytesSaved()).isLessThanOrEqualTo(actual);
    assertThat(actual - before.totalBytesSaved())
        .isEqualTo(AdvicePair.fileBytes(pair.before(), "/app/package.json")
            + AdvicePair.fileBytes(pair.before(), "/app/src/main.tsx"));
    assertThat(items(before, AdviceKind.DUPLICATE_CONTENT)).singleElement()
        .satisfies(a -> assertThat(a.examples()).contains("/app/dist/hero.svg", "/app/public/hero.svg"));

    // node_modules lives in the chown layer, but the command to change is `npm ci`'s.
    Advice nodeModules = items(before, AdviceKind.BUILD_ONLY).get(0);
    assertThat(firstCommand(pair.before(), nodeModules)).contains("mkdir -p node_modules/");
    assertThat(nodeModules.problem()).contains("(`chown -R 1000:1000 /app`) stores them again");
    assertThat(nodeModules.change()).contains("COPY --from=build /app/dist");

    assertThat(pair.afterAdvice().totalBytesSaved()).isZero();

    // `layerdive diff` reports the same change, through the command line.
    CliRun.Result diff = new CliRun().run("diff", "--json", "-",
        "docker://" + tag("frontend", "before"), "docker://" + tag("frontend", "after"));
    assertThat(diff.exitCode()).as(diff.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(diff.out());
    assertThat(json.get("imageDeltaBytes").asLong()).isEqualTo(-actual);
    assertThat(json.get("before").get("imageBytes").asLong()).isEqualTo(pair.before().image().sizeBytes());
    assertThat(json.get("removedFiles").asInt()).isGreaterThanOrEqualTo(4);
  }

  // ---- building --------------------------------------------------------------------------------

  private static String tag(String name, String side) {
    return REPOSITORY + name + ":" + side;
  }

  /** Builds both sides of {@code resources/evidence/<name>} and reads them. */
  private static AdvicePair build(String name) throws Exception {
    for (String side : List.of("before", "after")) {
      Path context = resource("evidence/" + name + "/" + side);
      String tag = tag(name, side);
      BUILT.add(tag);
      Run run = docker("build", "--quiet", "--tag", tag, context.toString());
      assertThat(run.exit()).as("docker build %s: %s", tag, run.output()).isZero();
    }
    return AdvicePair.load("docker://" + tag(name, "before"), "docker://" + tag(name, "after"));
  }

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(AdviceEvidenceIT.class.getClassLoader().getResource(name).toURI());
  }

  private record Run(int exit, String output) {}

  /** Debian's client first: it has BuildKit built in, which a newer one on PATH may lack. */
  private static Run docker(String... args) {
    List<String> command = new ArrayList<>();
    command.add(Files.isExecutable(Path.of("/usr/bin/docker")) ? "/usr/bin/docker" : "docker");
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put("DOCKER_BUILDKIT", "1");
    try {
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(5, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        return new Run(-1, "timed out: " + command);
      }
      return new Run(p.exitValue(), out);
    } catch (IOException e) {
      return new Run(-1, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Run(-1, "interrupted");
    }
  }
}
