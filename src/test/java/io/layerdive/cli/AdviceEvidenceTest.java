package io.layerdive.cli;

import static io.layerdive.cli.AdvicePair.firstCommand;
import static io.layerdive.cli.AdvicePair.items;
import static io.layerdive.cli.AdvicePair.saved;
import static io.layerdive.sample.SampleEntry.dir;
import static io.layerdive.sample.SampleEntry.file;
import static io.layerdive.sample.SampleEntry.hardlink;
import static io.layerdive.sample.SampleEntry.whiteout;
import static io.layerdive.sample.SampleLayer.copy;
import static io.layerdive.sample.SampleLayer.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.layerdive.analysis.Advice;
import io.layerdive.analysis.AdviceKind;
import io.layerdive.analysis.AdviceReport;
import io.layerdive.analysis.LayerMerge;
import io.layerdive.sample.ArchiveWriter;
import io.layerdive.sample.Layout;
import io.layerdive.sample.SampleEntry;
import io.layerdive.sample.SampleImage;
import io.layerdive.sample.SampleLayer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The evidence of {@code AdviceEvidenceIT} without a daemon: each "before" and "after" is written
 * as a {@code docker save} archive and read back through the command line's pipeline. Every
 * prediction is compared to the byte with the sizes of the two archives' images, since a layer's
 * size is the sum of its entries' and the "after" differs only by the advised change; build-only
 * advice is reconciled exactly once the non-build files a multi-stage build also drops are added.
 */
class AdviceEvidenceTest {
  private static final SampleLayer BASE =
      copy("file:busybox in /bin/busybox", file("bin/busybox", 20_000, 1));

  @TempDir Path dir;

  @Test
  void removedLater() throws Exception {
    AdvicePair pair = pair(
        images(
            run("mkdir /build && make", file("build/sources.tar", 40_000, 10),
                file("build/objects.o", 20_000, 11), file("app/server", 10_000, 12)),
            run("rm -rf /build", whiteout("build"))),
        images(run("mkdir /build && make && rm -rf /build", file("app/server", 10_000, 12))));

    AdviceReport before = pair.beforeAdvice();
    assertThat(items(before, AdviceKind.REMOVED_LATER)).singleElement()
        .satisfies(a -> assertThat(firstCommand(pair.before(), a)).contains("make"));
    assertThat(saved(before, AdviceKind.REMOVED_LATER)).isEqualTo(pair.actualSaving()).isEqualTo(60_000);
    assertAfterIsClean(pair);
  }

  @Test
  void overwrittenLater() throws Exception {
    AdvicePair pair = pair(
        images(
            run("write app and model", file("opt/app/app", 10_000, 20), file("opt/app/model.bin", 50_000, 21)),
            run("regenerate the model", file("opt/app/model.bin", 52_000, 22))),
        images(run("write app and the final model", file("opt/app/app", 10_000, 20),
            file("opt/app/model.bin", 52_000, 22))));

    assertThat(saved(pair.beforeAdvice(), AdviceKind.OVERWRITTEN_LATER))
        .isEqualTo(pair.actualSaving()).isEqualTo(50_000);
    assertAfterIsClean(pair);
  }

  @Test
  void metadataCopy() throws Exception {
    SampleEntry script = file("app/run.sh", 300, 30);
    SampleEntry data = file("app/lib/data.txt", 30_000, 31);
    AdvicePair pair = pair(
        images(
            copy("dir:app in /app/", script, data),
            run("chmod 755 /app/run.sh && chown -R 1000:1000 /app",
                script.withMode(0755).withOwner(1000, 1000), data.withOwner(1000, 1000))),
        images(copy("--chmod=755 --chown=1000:1000 dir:app in /app/",
            script.withMode(0755).withOwner(1000, 1000), data.withMode(0755).withOwner(1000, 1000))));

    AdviceReport before = pair.beforeAdvice();
    assertThat(items(before, AdviceKind.METADATA_COPY)).singleElement()
        .satisfies(a -> assertThat(a.change()).contains("COPY --chmod"));
    assertThat(saved(before, AdviceKind.METADATA_COPY)).isEqualTo(pair.actualSaving()).isEqualTo(30_300);
    assertAfterIsClean(pair);
  }

  @Test
  void packageCaches() throws Exception {
    List<SampleEntry> installed = List.of(
        file("usr/bin/curl", 25_000, 40), file("usr/lib/libcurl.so.4", 35_000, 41),
        file("usr/lib/python3/site-packages/requests/api.py", 6_000, 42));
    List<SampleEntry> caches = List.of(
        file("var/lib/apt/lists/deb.debian.org_debian_dists_bookworm_main_binary-amd64_Packages.lz4", 40_000, 43),
        file("var/cache/apt/archives/curl_7.88.1-10_amd64.deb", 50_000, 44),
        file("var/cache/apt/pkgcache.bin", 9_000, 45),
        file("var/cache/apk/APKINDEX.6a2b1c.tar.gz", 7_000, 46),
        file("root/.cache/pip/http-v2/a/b/c1", 12_000, 47),
        file("root/.npm/_cacache/content-v2/sha512/3f/a1", 30_000, 48));
    List<SampleEntry> withCaches = new ArrayList<>(installed);
    withCaches.addAll(caches);
    AdvicePair pair = pair(
        images(run("apt-get update && apt-get install -y curl && pip install requests", withCaches)),
        images(run("… && apt-get clean && rm -rf /var/lib/apt/lists/* && pip install --no-cache-dir requests",
            // the cleaned directories stay, empty
            append(installed, dir("var/lib/apt/lists"), dir("var/cache/apt/archives"), dir("var/cache/apk"),
                dir("root/.cache/pip"), dir("root/.npm")))));

    AdviceReport before = pair.beforeAdvice();
    // apt archives and pkgcache.bin are one item: both are apt-get clean's to remove.
    assertThat(items(before, AdviceKind.PACKAGE_CACHE)).hasSize(5).allSatisfy(a -> assertThat(a.exact()).isTrue());
    assertThat(saved(before, AdviceKind.PACKAGE_CACHE)).isEqualTo(pair.actualSaving()).isEqualTo(148_000);
    assertAfterIsClean(pair);
  }

  @Test
  void buildOnlyPackagesFromDpkg_andAMultiStageBuild() throws Exception {
    String status = "Package: gcc-12\nStatus: install ok installed\n\nPackage: libc6-dev\n"
        + "Status: install ok installed\n\nPackage: libssl3\nStatus: install ok installed\n";
    String gccList = "/.\n/usr\n/usr/bin\n/usr/bin/gcc-12\n/usr/lib/gcc/x86_64-linux-gnu/12\n"
        + "/usr/lib/gcc/x86_64-linux-gnu/12/cc1\n";
    String devList = "/.\n/usr\n/usr/include\n/usr/include/stdio.h\n/usr/lib/x86_64-linux-gnu/libc.a\n";
    String sslList = "/.\n/usr\n/usr/lib/x86_64-linux-gnu/libssl.so.3\n";
    SampleEntry libssl = file("usr/lib/x86_64-linux-gnu/libssl.so.3", 30_000, 50);
    SampleEntry server = file("app/server", 12_000, 51);
    AdvicePair pair = pair(
        images(
            run("apt-get install -y gcc-12 libc6-dev libssl3",
                file("usr/bin/gcc-12", 40_000, 52), file("usr/lib/gcc/x86_64-linux-gnu/12/cc1", 90_000, 53),
                file("usr/include/stdio.h", 4_000, 54), file("usr/lib/x86_64-linux-gnu/libc.a", 16_000, 55),
                libssl, file("var/lib/dpkg/status", status), file("var/lib/dpkg/info/gcc-12.list", gccList),
                file("var/lib/dpkg/info/libc6-dev.list", devList),
                file("var/lib/dpkg/info/libssl3:amd64.list", sslList)),
            copy("file:main.c in /src/main.c", file("src/main.c", 700, 56)),
            run("gcc -O2 -o /app/server /src/main.c -lssl", server)),
        images(
            copy("--from=build /usr/lib/x86_64-linux-gnu/libssl.so.3 /usr/lib/x86_64-linux-gnu/", libssl),
            copy("--from=build /app/server /app/server", server)));

    AdviceReport before = pair.beforeAdvice();
    assertThat(items(before, AdviceKind.BUILD_ONLY)).singleElement().satisfies(a -> {
      assertThat(a.problem())
          .contains("installs build-only packages gcc-12 (130 kB), libc6-dev (20 kB)")
          .doesNotContain("libssl3 (");
      assertThat(a.exact()).isFalse();
    });
    long predicted = saved(before, AdviceKind.BUILD_ONLY);
    assertThat(predicted).isEqualTo(150_000);
    // What the multi-stage build drops besides: the package database and the C source.
    long alsoDropped = status.length() + gccList.length() + devList.length() + sslList.length() + 700;
    assertThat(pair.actualSaving()).isEqualTo(predicted + alsoDropped);
    assertAfterIsClean(pair);
  }

  @Test
  void duplicateContent() throws Exception {
    AdvicePair pair = pair(
        images(run("make assets && cp …",
            file("srv/www/img/hero.jpg", 30_000, 60), file("srv/www/static/hero.jpg", 30_000, 60),
            file("srv/www/fonts/inter.woff2", 8_000, 61), file("srv/www/static/inter.woff2", 8_000, 61),
            file("srv/www/admin/fonts/inter.woff2", 8_000, 61), file("srv/www/index.html", 500, 62))),
        images(run("make assets && ln …",
            file("srv/www/img/hero.jpg", 30_000, 60), hardlink("srv/www/static/hero.jpg", "srv/www/img/hero.jpg"),
            file("srv/www/fonts/inter.woff2", 8_000, 61),
            hardlink("srv/www/static/inter.woff2", "srv/www/fonts/inter.woff2"),
            hardlink("srv/www/admin/fonts/inter.woff2", "srv/www/fonts/inter.woff2"),
            file("srv/www/index.html", 500, 62))));

    AdviceReport before = pair.beforeAdvice();
    assertThat(items(before, AdviceKind.DUPLICATE_CONTENT)).extracting(Advice::bytesSaved)
        .containsExactly(30_000L, 16_000L);
    assertThat(saved(before, AdviceKind.DUPLICATE_CONTENT)).isEqualTo(pair.actualSaving());
    assertAfterIsClean(pair);
  }

  @Test
  void layerMerge() throws Exception {
    AdvicePair pair = pair(
        images(
            run("download", file("opt/tool/tool.tar.gz", 40_000, 70)),
            run("unpack", file("opt/tool/tool", 15_000, 71), file("opt/tool/NOTICE", 2_000, 72)),
            run("clean up", whiteout("opt/tool/tool.tar.gz"), whiteout("opt/tool/NOTICE"))),
        images(run("download && unpack && clean up", file("opt/tool/tool", 15_000, 71))));

    LayerMerge merge = pair.beforeAdvice().merges().get(0);
    assertThat(merge.from()).isEqualTo(1);
    assertThat(merge.to()).isEqualTo(3);
    assertThat(merge.mergedBytes()).isEqualTo(pair.after().image().layers().get(1).sizeBytes()).isEqualTo(15_000);
    assertThat(merge.savedBytes()).isEqualTo(pair.actualSaving()).isEqualTo(42_000);
    assertAfterIsClean(pair);
  }

  /** The frontend of the daemon test: chown -R after the build, and the cache removed later. */
  @Test
  void frontend() throws Exception {
    List<SampleEntry> modules = List.of(
        file("app/node_modules/react-dom/cjs/react-dom.development.js", 110_000, 80),
        file("app/node_modules/typescript/lib/typescript.js", 90_000, 81));
    List<SampleEntry> npmCache = List.of(file("root/.npm/_cacache/content-v2/sha512/3f/a1", 70_000, 82));
    SampleEntry packageJson = file("app/package.json", 240, 83);
    SampleEntry hero = file("app/public/hero.svg", 2_000, 84);
    List<SampleEntry> dist = List.of(file("app/dist/assets/index.js", 35_000, 85),
        file("app/dist/hero.svg", 2_000, 84), file("app/dist/index.html", 80, 86));
    List<SampleEntry> chowned = new ArrayList<>();
    for (List<SampleEntry> part : List.of(List.of(packageJson, hero), modules, dist)) {
      for (SampleEntry e : part) chowned.add(e.withOwner(1000, 1000));
    }
    List<SampleEntry> npmCi = new ArrayList<>(modules);
    npmCi.addAll(npmCache);
    AdvicePair pair = pair(
        images(
            copy("file:package.json in ./", packageJson),
            run("npm ci", npmCi),
            copy("dir:public in ./public/", hero),
            run("npm run build", dist),
            run("chown -R 1000:1000 /app", chowned),
            run("rm -rf /root/.npm", whiteout("root/.npm"))),
        images(copy("--from=build --chown=1000:1000 /app/dist /app/dist",
            dist.stream().map(e -> e.withOwner(1000, 1000)).toList())));

    AdviceReport before = pair.beforeAdvice();
    assertThat(before.items()).extracting(Advice::kind).startsWith(
        AdviceKind.METADATA_COPY, AdviceKind.BUILD_ONLY, AdviceKind.REMOVED_LATER);
    Advice nodeModules = items(before, AdviceKind.BUILD_ONLY).get(0);
    assertThat(nodeModules.layers()).containsExactly(2, 5);
    assertThat(firstCommand(pair.before(), nodeModules)).endsWith("npm ci");
    // Everything the rebuild saved is advice, except package.json, which no advice calls waste.
    assertThat(pair.actualSaving() - before.totalBytesSaved()).isEqualTo(240);
    assertThat(pair.diff().imageDeltaBytes()).isEqualTo(-pair.actualSaving());
    assertThat(pair.afterAdvice().items()).isEmpty();
  }

  // ---- helpers ----------------------------------------------------------------------------------

  private static void assertAfterIsClean(AdvicePair pair) {
    assertThat(pair.afterAdvice().items()).isEmpty();
    assertThat(pair.afterAdvice().merges()).isEmpty();
    assertThat(pair.diff().imageDeltaBytes()).isEqualTo(-pair.actualSaving());
  }

  private static List<SampleLayer> images(SampleLayer... layers) {
    List<SampleLayer> all = new ArrayList<>();
    all.add(BASE);
    all.addAll(List.of(layers));
    return all;
  }

  private static List<SampleEntry> append(List<SampleEntry> list, SampleEntry... more) {
    List<SampleEntry> all = new ArrayList<>(list);
    all.addAll(List.of(more));
    return all;
  }

  private AdvicePair pair(List<SampleLayer> before, List<SampleLayer> after) throws Exception {
    Path b = dir.resolve("before.tar");
    Path a = dir.resolve("after.tar");
    ArchiveWriter writer = ArchiveWriter.of(Layout.DOCKER_LEGACY);
    writer.write(SampleImage.of("evidence:before", before), b);
    writer.write(SampleImage.of("evidence:after", after), a);
    return AdvicePair.load("docker-archive://" + b, "docker-archive://" + a);
  }
}
