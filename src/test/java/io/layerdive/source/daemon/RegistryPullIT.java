package io.layerdive.source.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.layerdive.source.LoadListener;
import io.layerdive.source.LoadedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pulls through the daemon from a local registry that asks for a login. */
class RegistryPullIT {
  @TempDir static Path dir;

  private static LocalRegistry registry;
  private static DaemonEndpoint endpoint;
  private static String image;

  @BeforeAll
  static void pushAnImageOnlyTheRegistryHas() throws Exception {
    DockerCli.assumeDaemon();
    endpoint = TestImages.docker();
    registry = LocalRegistry.start(Files.createDirectories(dir.resolve("registry")));
    // Random content, so that no layer of it is in the daemon once the tag is removed.
    Path context = Files.createDirectories(dir.resolve("context"));
    byte[] blob = new byte[3_000_000];
    new Random().nextBytes(blob);
    Files.write(context.resolve("blob"), blob);
    Files.writeString(context.resolve("Dockerfile"), "FROM scratch\nCOPY blob /blob\n");
    image = registry.host() + "/ld-daemon-it/pulled:1";
    new ImageBuilder(endpoint).build(
        BuildArguments.parse(List.of("-t", image, "."), context, Map.of()), LoadListener.NONE);
    DockerCli.Result push = DockerCli.run(
        Map.of("DOCKER_CONFIG", registry.loggedInConfig().toString()), "push", image);
    assertThat(push.exit()).as(push.output()).isZero();
    DockerCli.check("rmi", image);
  }

  @AfterAll
  static void stop() {
    if (registry != null) {
      DockerCli.run(Map.of(), "rmi", image);
      registry.close();
    }
  }

  private static DaemonSource source(String reference, Path dockerConfig) {
    HostEnvironment env =
        new HostEnvironment(Map.of("DOCKER_CONFIG", dockerConfig.toString()), dir, 1000);
    return new DaemonSource(endpoint, reference, true, new SaveStreamReader(), new CredentialStore(env));
  }

  @Test
  void pullsWithTheCredentialsOfConfigJsonThenReads() throws Exception {
    DaemonSourceIT.Recorder recorder = new DaemonSourceIT.Recorder();
    LoadedImage<String> loaded =
        source(image, registry.loggedInConfig()).load(DaemonSourceIT.RECEIVER, recorder);
    assertThat(loaded.image().layers()).hasSize(1);
    assertThat(loaded.image().layers().get(0).sizeBytes()).isEqualTo(3_000_000);
    assertThat(recorder.phases).contains("Pulling " + image + " into the Docker daemon");
    assertThat(recorder.phases)
        .anySatisfy(p -> assertThat(p).startsWith("Pulling " + image + " into the Docker daemon: "));
    assertThat(DockerCli.run(Map.of(), "image", "inspect", image).exit()).isZero();
  }

  @Test
  void pullWithoutCredentialsGivesTheDaemonsWordsAndHowToLogIn() throws Exception {
    Path empty = Files.createDirectories(dir.resolve("no-login"));
    String other = registry.host() + "/ld-daemon-it/pulled:1";
    DockerCli.run(Map.of(), "rmi", other);
    assertThatThrownBy(() -> source(other, empty).load(DaemonSourceIT.RECEIVER, LoadListener.NONE))
        .hasMessageStartingWith(other + ": not in " + endpoint.describe() + ", and pulling it failed: ")
        .hasMessageContaining("no basic auth credentials")
        .hasMessageEndingWith("; if the registry needs a login: docker login " + registry.host());
  }

  @Test
  void pullOfAnUnknownTagGivesTheDaemonsWords() throws Exception {
    String missing = registry.host() + "/ld-daemon-it/pulled:nope";
    assertThatThrownBy(
            () -> source(missing, registry.loggedInConfig()).load(DaemonSourceIT.RECEIVER, LoadListener.NONE))
        .hasMessageStartingWith(missing + ": not in " + endpoint.describe() + ", and pulling it failed: ")
        .hasMessageContaining("manifest unknown");
  }
}
