package io.layerdive.analysis;

import java.util.List;

/**
 * A directory whose presence in the final image is worth advice: a package manager's cache, or a
 * build-only toolchain. {@code pattern} is an absolute path in which {@code *} stands for one path
 * component.
 */
record KnownLocation(AdviceKind kind, String what, String pattern, String change) {

  /** Segment by segment, without splitting: it is asked of every directory in an image. */
  boolean matches(String dirPath) {
    int p = 1;
    int d = 1;
    while (true) {
      int pEnd = segmentEnd(pattern, p);
      int dEnd = segmentEnd(dirPath, d);
      boolean any = pEnd - p == 1 && pattern.charAt(p) == '*';
      if (!any && (pEnd - p != dEnd - d || !pattern.regionMatches(p, dirPath, d, pEnd - p))) {
        return false;
      }
      boolean patternDone = pEnd == pattern.length();
      boolean pathDone = dEnd == dirPath.length();
      if (patternDone || pathDone) return patternDone && pathDone;
      p = pEnd + 1;
      d = dEnd + 1;
    }
  }

  private static int segmentEnd(String path, int from) {
    int slash = path.indexOf('/', from);
    return slash < 0 ? path.length() : slash;
  }

  static final List<KnownLocation> ALL =
      List.of(
          cache("apt package lists", "/var/lib/apt/lists",
              "end the RUN that installs packages with `&& rm -rf /var/lib/apt/lists/*`"),
          cache("apt package archives", "/var/cache/apt",
              "end the RUN that installs packages with `&& apt-get clean`"),
          cache("apk cache", "/var/cache/apk", "install with `apk add --no-cache …`"),
          cache("dnf cache", "/var/cache/dnf", "end the RUN with `&& dnf clean all`"),
          cache("yum cache", "/var/cache/yum", "end the RUN with `&& yum clean all`"),
          cache("npm cache", "/root/.npm",
              "end the RUN with `&& npm cache clean --force`, or use `RUN --mount=type=cache,target=/root/.npm`"),
          cache("npm cache", "/home/*/.npm",
              "end the RUN with `&& npm cache clean --force`, or use `RUN --mount=type=cache`"),
          cache("yarn cache", "/usr/local/share/.cache/yarn", "end the RUN with `&& yarn cache clean`"),
          cache("yarn cache", "/root/.cache/yarn", "end the RUN with `&& yarn cache clean`"),
          cache("yarn cache", "/home/*/.cache/yarn", "end the RUN with `&& yarn cache clean`"),
          cache("pnpm store", "/root/.local/share/pnpm", "end the RUN with `&& pnpm store prune`, or use a cache mount"),
          cache("pnpm store", "/root/.pnpm-store", "end the RUN with `&& pnpm store prune`, or use a cache mount"),
          cache("pip cache", "/root/.cache/pip", "install with `pip install --no-cache-dir …`"),
          cache("pip cache", "/home/*/.cache/pip", "install with `pip install --no-cache-dir …`"),
          cache("Go build cache", "/root/.cache/go-build",
              "build in a separate stage, or end the RUN with `&& go clean -cache`"),
          cache("Go module cache", "/go/pkg/mod",
              "build in a separate stage, or end the RUN with `&& go clean -modcache`"),
          cache("Go module cache", "/root/go/pkg/mod",
              "build in a separate stage, or end the RUN with `&& go clean -modcache`"),
          cache("Maven repository", "/root/.m2/repository",
              "build in a separate stage and COPY only the jar, or use `RUN --mount=type=cache,target=/root/.m2`"),
          cache("Gradle cache", "/root/.gradle/caches",
              "build in a separate stage and COPY only the artefact, or use a cache mount"),
          cache("Gradle cache", "/home/*/.gradle/caches",
              "build in a separate stage and COPY only the artefact, or use a cache mount"),
          cache("Cargo registry", "/usr/local/cargo/registry",
              "build in a separate stage and COPY only the binary"),
          cache("Cargo registry", "/root/.cargo/registry", "build in a separate stage and COPY only the binary"),
          cache("Composer cache", "/root/.composer/cache", "install with `composer install --no-cache` or `COMPOSER_CACHE_DIR=/dev/null`"),
          cache("Composer cache", "/root/.cache/composer", "install with `composer install --no-cache` or `COMPOSER_CACHE_DIR=/dev/null`"),
          cache("Bundler cache", "/usr/local/bundle/cache", "end the RUN with `&& rm -rf /usr/local/bundle/cache`"),
          build("gcc toolchain", "/usr/lib/gcc",
              "compile in a build stage (`FROM … AS build`) and COPY only the binary into a slim final stage"),
          build("gcc toolchain", "/usr/libexec/gcc",
              "compile in a build stage (`FROM … AS build`) and COPY only the binary into a slim final stage"),
          build("C headers of -dev packages", "/usr/include",
              "install -dev packages only in a build stage; the final stage needs the runtime libraries alone"),
          build("C headers of -dev packages", "/usr/local/include",
              "install -dev packages only in a build stage; the final stage needs the runtime libraries alone"),
          build("Go toolchain", "/usr/local/go",
              "build with `FROM golang AS build`, then `FROM scratch`/distroless and COPY only the binary"),
          build("Go toolchain", "/usr/lib/go",
              "build with `FROM golang AS build`, then `FROM scratch`/distroless and COPY only the binary"),
          build("Rust toolchain", "/root/.rustup", "build in a separate stage and COPY only the binary"),
          build("Rust toolchain", "/usr/local/rustup", "build in a separate stage and COPY only the binary"),
          build("JDK modules", "/usr/lib/jvm/*/jmods",
              "run on a JRE (or a jlink-ed runtime) instead of the full JDK"),
          build("JDK modules", "/opt/java/openjdk/jmods",
              "run on a JRE (or a jlink-ed runtime) instead of the full JDK"));

  private static KnownLocation cache(String what, String pattern, String change) {
    return new KnownLocation(AdviceKind.PACKAGE_CACHE, what, pattern, change);
  }

  private static KnownLocation build(String what, String pattern, String change) {
    return new KnownLocation(AdviceKind.BUILD_ONLY, what, pattern, change);
  }
}
