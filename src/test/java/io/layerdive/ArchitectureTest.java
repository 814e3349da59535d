package io.layerdive;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package arrows of the design, and of every package-info.java: what each package may import. A
 * package missing from {@link #MAY_IMPORT} fails the build until its line is written here (and in
 * its package-info.java), so no new arrow appears unnoticed.
 */
class ArchitectureTest {
  private static final String ROOT = "io.layerdive";

  // Libraries, by package prefix.
  private static final String JACKSON = "com.fasterxml.jackson";
  private static final String ZSTD = "io.airlift.compress";
  private static final String COMMONS_COMPRESS = "org.apache.commons.compress";
  private static final String DOCKER_JAVA = "com.github.dockerjava";
  private static final String LANTERNA = "com.googlecode.lanterna";
  private static final String JLINE = "org.jline";
  private static final String PICOCLI = "picocli";

  /**
   * Package (below {@value #ROOT}) → the packages of ours and the libraries it may import, besides
   * itself and the JDK. {@code bytes} is written out where it is used, though its package-info lets
   * any package above the pure values take it.
   */
  private static final Map<String, Set<String>> MAY_IMPORT =
      Map.ofEntries(
          Map.entry("image", Set.of()),
          Map.entry("hash", Set.of()),
          Map.entry("bytes", Set.of()),
          Map.entry("text", Set.of(JLINE)),
          Map.entry("tree", Set.of("image")),
          Map.entry("analysis", Set.of("image", "tree", "bytes")),
          Map.entry("analysis.ci", Set.of("analysis", "bytes", JACKSON)),
          Map.entry("source", Set.of("image", "hash", JACKSON, ZSTD)),
          Map.entry("source.archive", Set.of("source", "source.extract", "image")),
          Map.entry("source.oci", Set.of("source", "source.extract", "image")),
          Map.entry(
              "source.registry", Set.of("source", "source.extract", "image", "bytes", JACKSON)),
          Map.entry(
              "source.daemon",
              Set.of(
                  "source",
                  "source.extract",
                  "image",
                  "bytes",
                  DOCKER_JAVA,
                  JACKSON,
                  COMMONS_COMPRESS)),
          Map.entry("source.extract", Set.of("source", "image", JACKSON, ZSTD, COMMONS_COMPRESS)),
          Map.entry("cache", Set.of("source", "tree", "image", "hash", "bytes")),
          Map.entry("sample", Set.of("image", JACKSON, ZSTD, COMMONS_COMPRESS)),
          Map.entry("export", Set.of("analysis", "tree", "image", "bytes", JACKSON)),
          Map.entry("ui", Set.of("analysis", "tree", "image", "bytes", "text")),
          Map.entry("ui.lanterna", Set.of("ui", "image", "bytes", LANTERNA, JLINE)),
          Map.entry("cli", Set.of("*", PICOCLI)));

  private static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);
  }

  @Test
  void everyPackageHasALineInTheTable() {
    Set<String> unknown = new TreeSet<>(packages());
    unknown.removeAll(MAY_IMPORT.keySet());

    assertThat(unknown)
        .as("packages without a line in ArchitectureTest.MAY_IMPORT: say what they may import")
        .isEmpty();
  }

  @Test
  void everyLineOfTheTableIsAPackage() {
    Set<String> stale = new TreeSet<>(MAY_IMPORT.keySet());
    stale.removeAll(packages());

    assertThat(stale).as("lines for packages that no longer exist").isEmpty();
  }

  @Test
  void everyPackageSaysWhatItMayImportInItsPackageInfo() {
    List<String> missing = new ArrayList<>();
    for (String pkg : packages()) {
      Path info = Path.of("src/main/java", ROOT.replace('.', '/'), pkg.replace('.', '/'));
      if (!Files.isRegularFile(info.resolve("package-info.java"))) missing.add(pkg);
    }

    assertThat(missing).as("packages without package-info.java").isEmpty();
  }

  @Test
  void packagesImportOnlyWhatTheTableAllows() {
    Set<String> violations = new TreeSet<>();
    for (JavaClass javaClass : classes) {
      String from = relative(javaClass.getPackageName());
      Set<String> allowed = MAY_IMPORT.get(from);
      if (allowed == null) continue; // told by everyPackageHasALineInTheTable
      for (Dependency dependency : javaClass.getDirectDependenciesFromSelf()) {
        JavaClass target = dependency.getTargetClass().getBaseComponentType();
        if (!target.isPrimitive() && !mayImport(from, allowed, target.getPackageName())) {
          violations.add(
              from + " → " + target.getPackageName() + ": " + dependency.getDescription());
        }
      }
    }

    assertThat(violations)
        .as("imports against the arrows (fix the code, or add the arrow here and in package-info)")
        .isEmpty();
  }

  @Test
  void theRuleFindsAnImportAgainstTheArrows() {
    assertThat(mayImport("tree", MAY_IMPORT.get("tree"), ROOT + ".analysis")).isFalse();
    assertThat(mayImport("tree", MAY_IMPORT.get("tree"), JACKSON + ".databind")).isFalse();
    assertThat(mayImport("source", MAY_IMPORT.get("source"), ROOT + ".source.daemon")).isFalse();
    assertThat(mayImport("source.oci", MAY_IMPORT.get("source.oci"), DOCKER_JAVA + ".api"))
        .isFalse();
    assertThat(mayImport("tree", MAY_IMPORT.get("tree"), ROOT + ".image")).isTrue();
    assertThat(mayImport("tree", MAY_IMPORT.get("tree"), "java.util")).isTrue();
    assertThat(mayImport("cli", MAY_IMPORT.get("cli"), ROOT + ".ui.lanterna")).isTrue();
    assertThat(mayImport("cli", MAY_IMPORT.get("cli"), LANTERNA)).isFalse();
  }

  private static boolean mayImport(String from, Set<String> allowed, String targetPackage) {
    if (isJdk(targetPackage)) return true;
    if (targetPackage.equals(ROOT) || targetPackage.startsWith(ROOT + ".")) {
      String to = relative(targetPackage);
      return to.equals(from) || allowed.contains(to) || allowed.contains("*");
    }
    return allowed.stream().anyMatch(lib -> within(targetPackage, lib));
  }

  private static boolean isJdk(String pkg) {
    return Stream.of("java", "javax", "jdk").anyMatch(prefix -> within(pkg, prefix));
  }

  private static boolean within(String pkg, String prefix) {
    return pkg.equals(prefix) || pkg.startsWith(prefix + ".");
  }

  private static String relative(String pkg) {
    return pkg.equals(ROOT) ? "" : pkg.substring(ROOT.length() + 1);
  }

  private static Set<String> packages() {
    return classes.stream()
        .map(c -> relative(c.getPackageName()))
        .collect(Collectors.toCollection(TreeSet::new));
  }
}
