package io.layerdive.source.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthChallengeTest {

  @Test
  void bearerWithQuotedParameters() {
    List<AuthChallenge> c =
        AuthChallenge.parse(
            "Bearer"
                + " realm=\"https://auth.docker.io/token\",service=\"registry.docker.io\",scope=\"repository:library/ubuntu:pull,push\"");

    assertThat(c)
        .containsExactly(
            new AuthChallenge(
                "bearer",
                Map.of(
                    "realm", "https://auth.docker.io/token",
                    "service", "registry.docker.io",
                    "scope", "repository:library/ubuntu:pull,push")));
  }

  @Test
  void basicWithSpacesAndTokens() {
    assertThat(AuthChallenge.parse("Basic   Realm = layerdive-test"))
        .containsExactly(new AuthChallenge("basic", Map.of("realm", "layerdive-test")));
  }

  @Test
  void severalChallengesInOneHeader() {
    List<AuthChallenge> c =
        AuthChallenge.parse("Basic realm=\"a, b\", Bearer realm=\"https://t/token\", service=s");

    assertThat(c).extracting(AuthChallenge::scheme).containsExactly("basic", "bearer");
    assertThat(c.get(0).param("realm")).isEqualTo("a, b");
    assertThat(c.get(1).param("service")).isEqualTo("s");
  }

  @Test
  void escapedQuotes() {
    assertThat(AuthChallenge.parse("Basic realm=\"say \\\"hi\\\"\"").get(0).param("realm"))
        .isEqualTo("say \"hi\"");
  }

  @Test
  void bearerChosenOverBasic() {
    assertThat(AuthChallenge.choose(List.of("Basic realm=x", "Bearer realm=\"https://t\"")))
        .get()
        .extracting(AuthChallenge::scheme)
        .isEqualTo("bearer");
    assertThat(AuthChallenge.choose(List.of("Negotiate abc"))).isEmpty();
    assertThat(AuthChallenge.choose(List.of())).isEmpty();
  }
}
