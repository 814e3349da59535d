package io.layerdive.source.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.layerdive.source.ImageReadException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EndpointResolverTest {
  @TempDir Path home;

  private final Map<String, String> vars = new HashMap<>();

  private DaemonEndpoint docker() throws ImageReadException {
    return new EndpointResolver(new HostEnvironment(vars, home, 1000)).resolve(Engine.DOCKER);
  }

  private void context(String name, String host) throws IOException {
    Path dir = home.resolve(".docker/contexts/meta").resolve(EndpointResolver.sha256(name));
    Files.createDirectories(dir);
    Files.writeString(
        dir.resolve("meta.json"),
        "{\"Name\":\"" + name + "\",\"Metadata\":{},\"Endpoints\":{\"docker\":{\"Host\":\""
            + host + "\",\"SkipTLSVerify\":false}}}");
  }

  private void config(String json) throws IOException {
    Files.createDirectories(home.resolve(".docker"));
    Files.writeString(home.resolve(".docker/config.json"), json);
  }

  @Test
  void defaultSocketWhenNothingIsSet() throws Exception {
    assertThat(docker().host()).isEqualTo(URI.create("unix:///var/run/docker.sock"));
    assertThat(docker().origin()).isEqualTo("the default socket");
  }

  @Test
  void dockerHostWinsOverContexts() throws Exception {
    context("colima", "unix:///home/u/.colima/docker.sock");
    config("{\"currentContext\":\"colima\"}");
    vars.put("DOCKER_CONTEXT", "colima");
    vars.put("DOCKER_HOST", "tcp://10.0.0.5:2375");
    assertThat(docker().host()).isEqualTo(URI.create("tcp://10.0.0.5:2375"));
    assertThat(docker().origin()).isEqualTo("DOCKER_HOST");
  }

  @Test
  void emptyDockerHostCountsAsUnset() throws Exception {
    vars.put("DOCKER_HOST", "");
    assertThat(docker().host()).isEqualTo(URI.create("unix:///var/run/docker.sock"));
  }

  @Test
  void dockerContextVariableWinsOverTheCurrentContext() throws Exception {
    context("colima", "unix:///home/u/.colima/docker.sock");
    context("rootless", "unix:///run/user/1000/docker.sock");
    config("{\"currentContext\":\"colima\"}");
    vars.put("DOCKER_CONTEXT", "rootless");
    assertThat(docker().host()).isEqualTo(URI.create("unix:///run/user/1000/docker.sock"));
    assertThat(docker().origin()).isEqualTo("context 'rootless'");
  }

  @Test
  void currentContextOfConfigJson() throws Exception {
    context("colima", "unix:///home/u/.colima/docker.sock");
    config("{\"auths\":{},\"currentContext\":\"colima\"}");
    assertThat(docker().host()).isEqualTo(URI.create("unix:///home/u/.colima/docker.sock"));
  }

  @Test
  void dockerConfigVariableMovesTheConfigDirectory() throws Exception {
    Path other = home.resolve("elsewhere");
    Path dir = other.resolve("contexts/meta").resolve(EndpointResolver.sha256("remote"));
    Files.createDirectories(dir);
    Files.writeString(
        dir.resolve("meta.json"), "{\"Endpoints\":{\"docker\":{\"Host\":\"tcp://h:2376\"}}}");
    Files.writeString(other.resolve("config.json"), "{\"currentContext\":\"remote\"}");
    vars.put("DOCKER_CONFIG", other.toString());
    assertThat(docker().host()).isEqualTo(URI.create("tcp://h:2376"));
  }

  @Test
  void contextTlsMaterialIsFound() throws Exception {
    context("secure", "tcp://h:2376");
    Path tls = home.resolve(".docker/contexts/tls")
        .resolve(EndpointResolver.sha256("secure")).resolve("docker");
    Files.createDirectories(tls);
    vars.put("DOCKER_CONTEXT", "secure");
    assertThat(docker().tlsDirectory()).contains(tls);
  }

  @Test
  void tlsVerifyUsesTheCertPath() throws Exception {
    vars.put("DOCKER_HOST", "tcp://h:2376");
    vars.put("DOCKER_TLS_VERIFY", "1");
    vars.put("DOCKER_CERT_PATH", "/certs");
    assertThat(docker().tlsDirectory()).contains(Path.of("/certs"));
  }

  @Test
  void defaultContextNameMeansTheDefaultSocket() throws Exception {
    config("{\"currentContext\":\"default\"}");
    assertThat(docker().host()).isEqualTo(URI.create("unix:///var/run/docker.sock"));
  }

  @Test
  void missingContextSaysHowToListThem() throws Exception {
    vars.put("DOCKER_CONTEXT", "gone");
    assertThatThrownBy(this::docker)
        .isInstanceOf(ImageReadException.class)
        .hasMessageStartingWith("Docker context 'gone' (from DOCKER_CONTEXT): not found (no ")
        .hasMessageContaining("docker context ls");
  }

  @Test
  void brokenConfigJsonIsNamed() throws Exception {
    config("{\"currentContext\": ");
    assertThatThrownBy(this::docker)
        .hasMessageStartingWith("Docker configuration: cannot read ")
        .hasMessageContaining("config.json");
  }

  @Test
  void sshHostSaysHowToForwardTheSocket() {
    vars.put("DOCKER_HOST", "ssh://me@build.example.com:2222");
    assertThatThrownBy(this::docker)
        .hasMessage(
            "DOCKER_HOST=ssh://me@build.example.com:2222: ssh:// hosts are not supported;"
                + " forward the remote socket and use it locally: ssh -nNT -L"
                + " /tmp/docker.sock:/var/run/docker.sock me@build.example.com -p 2222 & then"
                + " DOCKER_HOST=unix:///tmp/docker.sock");
  }

  @Test
  void sshHostOfAContextToo() throws Exception {
    context("remote", "ssh://build");
    vars.put("DOCKER_CONTEXT", "remote");
    assertThatThrownBy(this::docker)
        .hasMessageStartingWith(
            "Docker context 'remote' (from DOCKER_CONTEXT)=ssh://build: ssh:// hosts are not"
                + " supported")
        .hasMessageContaining("ssh -nNT -L /tmp/docker.sock:/var/run/docker.sock build &");
  }

  @Test
  void relativeUnixSocketIsRefused() {
    vars.put("DOCKER_HOST", "unix://docker.sock");
    assertThatThrownBy(this::docker).hasMessageContaining("needs an absolute path");
  }

  @Test
  void hostWithoutSchemeIsRefused() {
    vars.put("DOCKER_HOST", "/var/run/docker.sock");
    assertThatThrownBy(this::docker)
        .hasMessage(
            "DOCKER_HOST=/var/run/docker.sock: not a daemon address; write"
                + " unix:///path/to/docker.sock or tcp://host:port");
  }

  @Test
  void podmanPrefersTheRootlessSocketForUsers() throws Exception {
    Path runtime = home.resolve("run");
    Files.createDirectories(runtime.resolve("podman"));
    Files.createFile(runtime.resolve("podman/podman.sock"));
    vars.put("XDG_RUNTIME_DIR", runtime.toString());
    DaemonEndpoint endpoint =
        new EndpointResolver(new HostEnvironment(vars, home, 1000)).resolve(Engine.PODMAN);
    assertThat(endpoint.socketPath()).contains(runtime.resolve("podman/podman.sock"));
    assertThat(endpoint.engine()).isEqualTo(Engine.PODMAN);
  }

  @Test
  void podmanOfRootWithoutSocketsUsesTheSystemOne() throws Exception {
    vars.put("XDG_RUNTIME_DIR", home.resolve("nothing").toString());
    DaemonEndpoint endpoint =
        new EndpointResolver(new HostEnvironment(vars, home, 0)).resolve(Engine.PODMAN);
    assertThat(endpoint.host()).isEqualTo(URI.create("unix:///run/podman/podman.sock"));
  }

  @Test
  void podmanOfAUserWithoutSocketsUsesTheRootlessOne() throws Exception {
    vars.put("XDG_RUNTIME_DIR", "/run/user/1000");
    DaemonEndpoint endpoint =
        new EndpointResolver(new HostEnvironment(vars, home, 1000)).resolve(Engine.PODMAN);
    assertThat(endpoint.host()).isEqualTo(URI.create("unix:///run/user/1000/podman/podman.sock"));
  }

  @Test
  void podmanHonoursContainerHostAndIgnoresDockerHost() throws Exception {
    vars.put("DOCKER_HOST", "unix:///var/run/docker.sock");
    vars.put("CONTAINER_HOST", "unix:///tmp/p.sock");
    DaemonEndpoint endpoint =
        new EndpointResolver(new HostEnvironment(vars, home, 1000)).resolve(Engine.PODMAN);
    assertThat(endpoint.host()).isEqualTo(URI.create("unix:///tmp/p.sock"));
  }
}
