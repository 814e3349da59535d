package io.layerdive.ui;

import static io.layerdive.testing.Layers.file;
import static io.layerdive.testing.Layers.files;
import static io.layerdive.testing.Layers.layer;
import static org.assertj.core.api.Assertions.assertThat;

import io.layerdive.tree.PathTrie;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PathFilterTest {
  private final PathTrie trie =
      files(
              layer(
                  file("etc/network/if-up.d/x", 1),
                  file("etc/passwd", 1),
                  file("usr/lib/libnet.so", 1),
                  file("usr/lib/python3/net/__init__.py", 1),
                  file("a.b/c", 1)))
          .trie();

  private List<String> matches(String regex) {
    long[] bits = PathFilter.match(trie, Pattern.compile(regex), () -> false);
    List<String> out = new ArrayList<>();
    for (int n = 1; n < trie.size(); n++) {
      if ((bits[n >>> 6] & (1L << n)) != 0) out.add(trie.path(n));
    }
    return out;
  }

  /**
   * The plain definition: search each absolute path, a first match that is empty does not count.
   */
  private List<String> naive(String regex) {
    Pattern p = Pattern.compile(regex);
    List<String> out = new ArrayList<>();
    for (int n = 1; n < trie.size(); n++) {
      var m = p.matcher(trie.path(n));
      if (m.find() && m.end() > m.start()) out.add(trie.path(n));
    }
    return out;
  }

  @Test
  void substringsAreFoundPerNameAndInheritedBelow() {
    assertThat(PathFilter.literalOf("net")).isEqualTo("net");
    assertThat(matches("net"))
        .containsExactly(
            "/etc/network",
            "/etc/network/if-up.d",
            "/etc/network/if-up.d/x",
            "/usr/lib/libnet.so",
            "/usr/lib/python3/net",
            "/usr/lib/python3/net/__init__.py");
    assertThat(matches("net")).isEqualTo(naive("net"));
  }

  @Test
  void patternsAreSearchedInTheWholePath() {
    for (String regex :
        List.of("lib/.*\\.so$", "^/etc", "a\\.b", "etc/pass", "x*", "(?i)NET", "d/x")) {
      assertThat(matches(regex)).as(regex).isEqualTo(naive(regex));
    }
    assertThat(matches("x*")).as("an empty first match does not count, as in dive").isEmpty();
  }

  @Test
  void stopsWhenCancelled() {
    List<io.layerdive.image.LayerChange> many = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) many.add(file("d/f" + i, 1));
    PathTrie big = files(many).trie();
    assertThat(PathFilter.match(big, Pattern.compile("f1"), () -> true)).isNull();
    assertThat(PathFilter.match(big, Pattern.compile("f.1"), () -> true)).isNull();
    assertThat(PathFilter.match(big, Pattern.compile("f1"), () -> false)).isNotNull();
  }
}
