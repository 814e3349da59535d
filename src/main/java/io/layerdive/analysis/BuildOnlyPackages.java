package io.layerdive.analysis;

import java.util.regex.Pattern;

/**
 * Package names of compilers, SDKs, headers and build tools, which a running image does not need.
 * Runtime libraries of the same families ({@code libgcc-s1}, {@code libstdc++6}) are not matched.
 */
final class BuildOnlyPackages {
  private static final Pattern BUILD_ONLY =
      Pattern.compile(
          "(.+-(dev|devel|headers))"
              + "|((gcc|g\\+\\+|cpp|gfortran|clang|llvm|lld)(-[0-9.]+)?(-[a-z0-9_-]+)?)"
              + "|((lib)?binutils(-.+)?)"
              + "|(build-base|build-essential|make|cmake|autoconf|automake|libtool|pkgconf|pkg-config|bison|flex)"
              + "|(musl-dev|libc-dev|libc6-dev|linux-headers|linux-libc-dev)"
              + "|(go|golang(-[0-9.]+)?(-go|-src)?|rust|cargo|rustc)"
              + "|(openjdk-?[0-9]+-jdk(-headless)?)");

  private BuildOnlyPackages() {}

  static boolean matches(String packageName) {
    return BUILD_ONLY.matcher(packageName).matches();
  }
}
