package io.layerdive.source.daemon;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** docker-java stays in this package: its classes load only when a daemon is asked for. */
class DockerJavaConfinementTest {
  @Test
  void onlyTheDaemonPackageUsesDockerJava() {
    JavaClasses classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.layerdive");
    noClasses()
        .that()
        .resideOutsideOfPackage("io.layerdive.source.daemon")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("com.github.dockerjava..")
        .check(classes);
  }
}
