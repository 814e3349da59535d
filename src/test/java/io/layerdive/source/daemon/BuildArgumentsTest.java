package io.layerdive.source.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildArgumentsTest {
  @TempDir Path cwd;

  @BeforeEach
  void context() throws Exception {
    Files.createDirectories(cwd.resolve("app"));
    Files.writeString(cwd.resolve("app/Dockerfile"), "FROM scratch\n");
    Files.writeString(cwd.resolve("Dockerfile.dev"), "FROM scratch\n");
  }

  private BuildRequest parse(String... args) {
    return BuildArguments.parse(List.of(args), cwd, Map.of("VERSION", "1.2"));
  }

  @Test
  void theUsualDockerBuildLine() {
    BuildRequest r =
        parse("-t", "app:1", "--tag=app:latest", "-f", "Dockerfile.dev", "--build-arg", "A=b",
            "--build-arg=VERSION", "--build-arg", "UNSET", "--target", "runtime", "--no-cache",
            "--pull", "--label", "team=x", "-q", "--progress=plain", "--rm", "app");
    assertThat(r.context()).isEqualTo(cwd.resolve("app"));
    assertThat(r.dockerfile()).contains(cwd.resolve("Dockerfile.dev"));
    assertThat(r.tags()).containsExactly("app:1", "app:latest");
    assertThat(r.buildArgs()).containsExactly(Map.entry("A", "b"), Map.entry("VERSION", "1.2"));
    assertThat(r.target()).contains("runtime");
    assertThat(r.noCache()).isTrue();
    assertThat(r.pull()).isTrue();
    assertThat(r.labels()).containsExactly(Map.entry("team", "x"));
  }

  @Test
  void attachedShortValues() {
    BuildRequest r = parse("-tapp:2", "-f=app/Dockerfile", "app");
    assertThat(r.tags()).containsExactly("app:2");
    assertThat(r.dockerfile()).contains(cwd.resolve("app/Dockerfile"));
  }

  @Test
  void defaultsWithJustAContext() {
    BuildRequest r = parse("app");
    assertThat(r.dockerfile()).isEqualTo(Optional.empty());
    assertThat(r.tags()).isEmpty();
    assertThat(r.noCache()).isFalse();
  }

  @Test
  void errorsSayWhatIsWrong() {
    assertThatThrownBy(() -> parse("-t", "x"))
        .hasMessage("build: no build context given; write layerdive build [OPTIONS] PATH, as for"
            + " docker build");
    assertThatThrownBy(() -> parse("app", "other"))
        .hasMessage("build: one build context expected, got [app, other]");
    assertThatThrownBy(() -> parse("--frobnicate", "app"))
        .hasMessageStartingWith("build: unknown option --frobnicate (supported: -t, -f,");
    assertThatThrownBy(() -> parse("--secret", "id=x", "app"))
        .hasMessage("build: --secret is not supported (build secrets need BuildKit)");
    assertThatThrownBy(() -> parse("app", "-t"))
        .hasMessage("build: -t needs a value");
    assertThatThrownBy(() -> parse("missing"))
        .hasMessage("build: missing: no such directory");
    assertThatThrownBy(() -> parse("https://github.com/x/y.git"))
        .hasMessage("build: https://github.com/x/y.git: only a local directory can be the build"
            + " context");
    assertThatThrownBy(() -> parse("-f", "nope", "app"))
        .hasMessage("build: " + cwd.resolve("nope") + ": no such Dockerfile");
  }
}
