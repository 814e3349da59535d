package io.layerdive.source.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DockerIgnoreTest {
  @Test
  void globsDirectoriesAndExceptions() {
    DockerIgnore ignore =
        DockerIgnore.parse(
            "# comment\n\n*.md\n!README.md\n/build\n**/*.log\nnode_modules\ntmp?\ndocs/**/draft*\n");
    assertThat(ignore.excludes("CHANGES.md")).isTrue();
    assertThat(ignore.excludes("README.md")).isFalse();
    assertThat(ignore.excludes("docs/guide.md")).isFalse();
    assertThat(ignore.excludes("build")).isTrue();
    assertThat(ignore.excludes("build/out/a.class")).isTrue();
    assertThat(ignore.excludes("app.log")).isTrue();
    assertThat(ignore.excludes("a/b/c.log")).isTrue();
    assertThat(ignore.excludes("node_modules/x/index.js")).isTrue();
    assertThat(ignore.excludes("src/node_modules")).isFalse();
    assertThat(ignore.excludes("tmp1")).isTrue();
    assertThat(ignore.excludes("tmp12")).isFalse();
    assertThat(ignore.excludes("docs/a/b/draft-1.txt")).isTrue();
    assertThat(ignore.excludes("docs/draft.txt")).isTrue();
    assertThat(ignore.excludes("src/Main.java")).isFalse();
    assertThat(ignore.hasExceptions()).isTrue();
  }

  @Test
  void lastMatchingLineDecides() {
    DockerIgnore ignore = DockerIgnore.parse("!keep.txt\n*.txt\n");
    assertThat(ignore.excludes("keep.txt")).isTrue();
  }

  @Test
  void characterClasses() {
    DockerIgnore ignore = DockerIgnore.parse("[a-c]x\n[!d]y\n");
    assertThat(ignore.excludes("bx")).isTrue();
    assertThat(ignore.excludes("dx")).isFalse();
    assertThat(ignore.excludes("ey")).isTrue();
    assertThat(ignore.excludes("dy")).isFalse();
  }
}
