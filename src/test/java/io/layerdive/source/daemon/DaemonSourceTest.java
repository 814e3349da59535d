package io.layerdive.source.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.layerdive.image.Digest;
import io.layerdive.image.Image;
import io.layerdive.image.ImageConfig;
import io.layerdive.image.Layer;
import io.layerdive.image.LayerChange;
import io.layerdive.image.LayerReceiver;
import io.layerdive.source.ImageReadException;
import io.layerdive.source.LoadListener;
import io.layerdive.source.LoadedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daemon source against a scripted daemon, for what a real one will not do on demand. */
class DaemonSourceTest {
  private static final String A = "sha256:" + "a".repeat(64);
  private static final String B = "sha256:" + "b".repeat(64);
  private static final String INSPECT =
      "{\"Id\":\"sha256:" + "c".repeat(64) + "\",\"Size\":300000,"
          + "\"RootFS\":{\"Type\":\"layers\",\"Layers\":[\"" + A + "\",\"" + B + "\"]}}";
  private static final String HISTORY =
      "[{\"Id\":\"x\",\"Created\":2,\"CreatedBy\":\"/bin/sh -c echo hi > /b\",\"Size\":3,"
          + "\"Tags\":null,\"Comment\":\"\"},"
          + "{\"Id\":\"<missing>\",\"Created\":1,\"CreatedBy\":\"/bin/sh -c #(nop) COPY file:1 in"
          + " / \",\"Size\":200000,\"Tags\":null,\"Comment\":\"\"}]";

  @TempDir Path dir;

  private final List<String> events = Collections.synchronizedList(new ArrayList<>());
  private FakeDaemon daemon;
  private List<Digest> exportedLayers = List.of(Digest.parse(A), Digest.parse(B));

  @AfterEach
  void stop() throws IOException {
    if (daemon != null) {
      daemon.close();
    }
  }

  private final LoadListener listener =
      new LoadListener() {
        @Override
        public void phase(String description) {
          events.add("phase " + description);
        }

        @Override
        public void layersKnown(List<Layer> layers) {
          events.add("layers " + layers.stream().map(Layer::createdBy).toList());
        }
      };

  /** Reads the stream to its end, as the archive reader would, and reports the scripted layers. */
  private final ArchiveStreamReader reader =
      new ArchiveStreamReader() {
        @Override
        public <T> LoadedImage<T> read(
            String name, InputStream in, LayerReceiver<T> receiver, LoadListener l)
            throws ImageReadException {
          long n;
          try {
            n = in.transferTo(OutputStream.nullOutputStream());
          } catch (IOException e) {
            throw new ImageReadException(name + ": cannot read (" + e.getMessage() + ")", e);
          }
          if (n < 10) {
            throw new ImageReadException(name + ": no manifest.json in the archive");
          }
          List<Layer> layers = new ArrayList<>();
          List<T> contents = new ArrayList<>();
          for (Digest d : exportedLayers) {
            layers.add(new Layer(layers.size(), d.shortHex(8), d, Optional.empty(), "", n, -1));
            LayerReceiver.Builder<T> b = receiver.begin();
            contents.add(b.finish());
          }
          return new LoadedImage<>(
              new Image(name, ImageConfig.unknown(), layers, List.of()), contents);
        }
      };

  private static final LayerReceiver<String> RECEIVER =
      () ->
          new LayerReceiver.Builder<>() {
            @Override
            public void accept(LayerChange change) {}

            @Override
            public String finish() {
              return "layer";
            }
          };

  private void start(FakeDaemon.Handler handler) throws IOException {
    daemon = new FakeDaemon(dir.resolve("d.sock"), events, handler);
  }

  private DaemonSource source(String reference, boolean pull) {
    DaemonEndpoint endpoint = new DaemonEndpoint(Engine.DOCKER, daemon.host(), "DOCKER_HOST");
    return new DaemonSource(
        endpoint,
        reference,
        pull,
        reader,
        new CredentialStore(new HostEnvironment(Map.of(), dir, 1000)));
  }

  private static FakeDaemon.Handler serving(byte[] export, boolean complete) {
    return (request, out) -> {
      String target = request.target();
      if (target.endsWith("/json")) {
        FakeDaemon.json(out, 200, INSPECT);
      } else if (target.endsWith("/history")) {
        FakeDaemon.json(out, 200, HISTORY);
      } else if (target.contains("/get")) {
        FakeDaemon.chunked(out, export, complete);
      } else {
        FakeDaemon.json(out, 404, "{\"message\":\"page not found\"}");
      }
    };
  }

  @Test
  void layerListComesBeforeTheExportAndRequestsAreUnversioned() throws Exception {
    start(serving(new byte[100_000], true));
    LoadedImage<String> loaded = source("app:1", true).load(RECEIVER, listener);
    assertThat(loaded.image().layers()).hasSize(2);
    int layers = indexOf("layers ");
    int export = indexOf("request GET /images/app:1/get");
    assertThat(layers).isNotNegative().isLessThan(export);
    assertThat(events.get(layers))
        .isEqualTo("layers [/bin/sh -c #(nop) COPY file:1 in / , /bin/sh -c echo hi > /b]");
    assertThat(events)
        .contains(
            "phase Exporting app:1 from the Docker daemon (the daemon prepares the export before"
                + " the first byte)");
    assertThat(daemon.requests)
        .extracting(FakeDaemon.Request::target)
        .allSatisfy(target -> assertThat(target).doesNotStartWith("/v1"));
  }

  private int indexOf(String prefix) {
    synchronized (events) {
      for (int i = 0; i < events.size(); i++) {
        if (events.get(i).startsWith(prefix)) {
          return i;
        }
      }
    }
    return -1;
  }

  @Test
  void exportCutOffMidwayIsSaidSo() throws Exception {
    start(serving(new byte[100_000], false));
    assertThatThrownBy(() -> source("app:1", true).load(RECEIVER, listener))
        .isInstanceOf(ImageReadException.class)
        .hasMessageStartingWith(
            "app:1: the export from the Docker daemon at " + daemon.host() + " was cut off after ")
        .hasMessageContaining("try again");
  }

  @Test
  void unreadableLayoutIsSaidSo() throws Exception {
    start(serving(new byte[3], true));
    assertThatThrownBy(() -> source("app:1", true).load(RECEIVER, listener))
        .hasMessage(
            "app:1: the Docker daemon at " + daemon.host() + " sent an export in a layout"
                + " layerdive cannot read: app:1: no manifest.json in the archive");
  }

  @Test
  void exportWithOtherLayersThanInspectIsRefused() throws Exception {
    start(serving(new byte[100_000], true));
    exportedLayers = List.of(Digest.parse(A));
    assertThatThrownBy(() -> source("app:1", true).load(RECEIVER, listener))
        .hasMessage(
            "app:1: the Docker daemon at " + daemon.host() + " exported layers [aaaaaaaaaaaa]"
                + " but its inspect lists [aaaaaaaaaaaa, bbbbbbbbbbbb]; the export does not"
                + " match the image");
  }

  private static FakeDaemon.Handler absentImage(String pullAnswer) {
    return (request, out) -> {
      if (request.target().startsWith("/images/create")) {
        FakeDaemon.json(out, 200, pullAnswer);
      } else {
        FakeDaemon.json(out, 404, "{\"message\":\"No such image: app:1\"}");
      }
    };
  }

  @Test
  void absentImageWithPullRefused() throws Exception {
    start(absentImage(""));
    assertThatThrownBy(() -> source("app:1", false).load(RECEIVER, listener))
        .hasMessage(
            "app:1: not in the Docker daemon at " + daemon.host() + ", and --no-pull forbids"
                + " pulling it; pull it first (docker pull app:1) or drop --no-pull");
    assertThat(daemon.requests).extracting(FakeDaemon.Request::method).containsOnly("GET");
  }

  @Test
  void failingPullGivesTheDaemonsWords() throws Exception {
    start(absentImage(
        "{\"status\":\"Pulling from library/app\",\"id\":\"1\"}\n"
            + "{\"errorDetail\":{\"message\":\"manifest for app:1 not found: manifest unknown\"},"
            + "\"error\":\"manifest for app:1 not found: manifest unknown\"}\n"));
    assertThatThrownBy(() -> source("app:1", true).load(RECEIVER, listener))
        .hasMessage(
            "app:1: not in the Docker daemon at " + daemon.host() + ", and pulling it failed:"
                + " manifest for app:1 not found: manifest unknown");
    assertThat(daemon.requests)
        .extracting(FakeDaemon.Request::target)
        .contains("/images/create?fromImage=app&tag=1");
  }

  @Test
  void idsAreNeverPulled() throws Exception {
    start(absentImage(""));
    assertThatThrownBy(() -> source("0123456789ab", true).load(RECEIVER, listener))
        .hasMessageContaining("an id cannot be pulled");
  }

  @Test
  void socketWithoutDaemonIsRefusedConnection() throws Exception {
    Path socket = dir.resolve("dead.sock");
    ServerSocketChannel.open(StandardProtocolFamily.UNIX)
        .bind(UnixDomainSocketAddress.of(socket))
        .close();
    DaemonEndpoint endpoint =
        new DaemonEndpoint(Engine.DOCKER, java.net.URI.create("unix://" + socket), "DOCKER_HOST");
    DaemonSource source =
        new DaemonSource(endpoint, "app:1", true, reader,
            new CredentialStore(new HostEnvironment(Map.of(), dir, 1000)));
    assertThatThrownBy(() -> source.load(RECEIVER, listener))
        .hasMessage(
            "Cannot reach the Docker daemon at unix://" + socket + " (connection refused, from"
                + " DOCKER_HOST): is it running? Start it (sudo systemctl start docker), or set"
                + " DOCKER_HOST to where it listens");
  }

  @Test
  void absentSocket() {
    DaemonEndpoint endpoint =
        new DaemonEndpoint(
            Engine.DOCKER, java.net.URI.create("unix:///var/run/docker.sock"), "the default socket");
    assertThat(DaemonErrors.unreachable(endpoint, "no such socket").getMessage())
        .isEqualTo(
            "Cannot reach the Docker daemon at unix:///var/run/docker.sock (no such socket): is it"
                + " running? Start it (sudo systemctl start docker), or set DOCKER_HOST to where it"
                + " listens");
  }

  @Test
  void permissionDeniedNamesTheGroup() {
    DaemonEndpoint endpoint =
        new DaemonEndpoint(
            Engine.DOCKER, java.net.URI.create("unix:///var/run/docker.sock"), "the default socket");
    assertThat(DaemonErrors.permissionDenied(endpoint, "root:docker rw-rw----").getMessage())
        .isEqualTo(
            "Docker daemon socket /var/run/docker.sock: permission denied (root:docker rw-rw----);"
                + " add yourself to its group: sudo usermod -aG docker $USER, then log in again;"
                + " or use a rootless daemon: DOCKER_HOST=unix://$XDG_RUNTIME_DIR/docker.sock");
  }

  @Test
  void permissionDeniedOnPodmanPointsToTheRootlessService() {
    DaemonEndpoint endpoint =
        new DaemonEndpoint(
            Engine.PODMAN, java.net.URI.create("unix:///run/podman/podman.sock"), "the system socket");
    assertThat(DaemonErrors.permissionDenied(endpoint, "root:root rw-------").getMessage())
        .isEqualTo(
            "Podman service socket /run/podman/podman.sock: permission denied (root:root"
                + " rw-------); run as a user allowed to use it, or use the rootless service"
                + " (systemctl --user start podman.socket):"
                + " CONTAINER_HOST=unix://$XDG_RUNTIME_DIR/podman/podman.sock");
  }

  @Test
  void permissionDeniedFromTheConnectIsRecognised() {
    DaemonEndpoint endpoint =
        new DaemonEndpoint(Engine.DOCKER, java.net.URI.create("unix:///nonexistent/d.sock"), "x");
    RuntimeException thrown =
        new RuntimeException(new java.net.SocketException("Permission denied"));
    assertThat(DaemonErrors.translate(thrown, endpoint, "inspecting app:1").getMessage())
        .startsWith("Docker daemon socket /nonexistent/d.sock: permission denied; add yourself");
  }

  @Test
  void malformedNameIsToldBeforeAnyRequest() throws Exception {
    start(absentImage(""));
    assertThatThrownBy(() -> source("Bad/Name", true).load(RECEIVER, listener))
        .hasMessage("'Bad/Name': not an image reference: repository name must be lowercase");
    assertThat(daemon.requests).isEmpty();
  }
}
